//! Property tests of the door every host monograph goes through
//! (`host_monograph::parse`, what the `monograph` property calls), in the
//! browser, on real JS values: the bundled monograph with random changes
//! (fields deleted, wrong types, unknown fields, deep nesting, cycles, getters
//! and Proxies that throw, lone surrogates) and random values in its place.
//! Each must give a monograph or problems whose paths point into the input;
//! none may panic (a panic traps the WASM and fails the test).
#![cfg(target_arch = "wasm32")]

use drug_leaflet::monograph::validate::MESSAGE_CHARS;
use drug_leaflet_door::host_monograph;
use js_sys::{Array, Function, Object, Reflect, JSON};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A small valid monograph with every optional field.
const SMALL: &str = include_str!("fixtures/small-monograph.json");

/// Cases in Chromium; Firefox, where the unoptimised test build runs about
/// twice as slowly, runs a quarter of them.
const CASES: u32 = 10_000;

/// A JS value to put somewhere in a monograph.
#[derive(Clone, Debug)]
enum Js {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// Text with half a surrogate pair in it.
    LoneSurrogate(u16),
    Function,
    Symbol,
    BigInt,
    /// An object whose every read throws (a Proxy `get` trap).
    ThrowingProxy,
    /// An object whose field `name` has a getter that throws.
    ThrowingGetter(String),
    RevokedProxy,
    /// `[[[...]]]` or `{a:{a:...}}` this deep.
    Nested {
        depth: u16,
        list: bool,
    },
    List(Vec<Js>),
    Object(Vec<(String, Js)>),
}

/// Field names a monograph has, and some it does not.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "id", "title", "kind", "text", "items", "heading", "blocks", "source", "doc", "meta",
            "sections", "summary", "sources", "lead", "term", "definition", "additions", "reviews",
            "texts", "jurisdiction", "example", "rights", "short_name", "compiled", "section", "language", "based_on", "revised",
            "revisions", "date",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec!["__proto__", "constructor", "toString", "length", "0", ""])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(vec![
            "",
            " ",
            "paragraph",
            "list",
            "urgent",
            "key_facts",
            "label",
            "PI",
            "2025-05-20",
            "nusinersen",
            "[[",
            "[[x|y]]",
            "a:",
            "\u{FFFD}",
            "\u{202E}",
            "<script>",
        ])
        .prop_map(str::to_owned),
    ]
}

fn js_value() -> impl Strategy<Value = Js> {
    let leaf = prop_oneof![
        Just(Js::Undefined),
        Just(Js::Null),
        any::<bool>().prop_map(Js::Bool),
        prop_oneof![
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-0.0),
            Just(1e21)
        ]
        .prop_map(Js::Number),
        text().prop_map(Js::Text),
        (0xD800u16..=0xDFFF).prop_map(Js::LoneSurrogate),
        Just(Js::Function),
        Just(Js::Symbol),
        Just(Js::BigInt),
        Just(Js::ThrowingProxy),
        field_name().prop_map(Js::ThrowingGetter),
        Just(Js::RevokedProxy),
        (1u16..2_000, any::<bool>()).prop_map(|(depth, list)| Js::Nested { depth, list }),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Js::List),
            prop::collection::vec((field_name(), inner), 0..4).prop_map(Js::Object),
        ]
    })
}

/// One change at a place chosen by `path` (each number picks one of the own
/// keys at that level, modulo their count).
#[derive(Clone, Debug)]
enum Change {
    Delete,
    Replace(Js),
    AddField(String, Js),
    /// The place becomes the whole monograph: a cycle.
    Cycle,
    /// The place's object behind a Proxy that throws when `name` is read.
    TrapRead(String),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => Just(Change::Delete),
        4 => js_value().prop_map(Change::Replace),
        2 => (field_name(), js_value()).prop_map(|(name, value)| Change::AddField(name, value)),
        1 => Just(Change::Cycle),
        1 => field_name().prop_map(Change::TrapRead),
    ]
}

#[derive(Clone, Debug)]
enum Case {
    /// A valid monograph (the small fixture, or with `bundled` the bundled
    /// one, ten times larger and slower) with these changes.
    Changed {
        bundled: bool,
        changes: Vec<(Vec<u32>, Change)>,
    },
    /// Something else entirely in its place.
    Value(Js),
}

fn case() -> impl Strategy<Value = Case> {
    prop_oneof![
        9 => (
            prop::bool::weighted(0.1),
            prop::collection::vec((prop::collection::vec(any::<u32>(), 0..7), change()), 1..4)
        )
            .prop_map(|(bundled, changes)| Case::Changed { bundled, changes }),
        1 => js_value().prop_map(Case::Value),
    ]
}

fn script(body: &str) -> Function {
    Function::new_with_args("a, b", body)
}

impl Js {
    fn to_js(&self) -> JsValue {
        match self {
            Js::Undefined => JsValue::UNDEFINED,
            Js::Null => JsValue::NULL,
            Js::Bool(flag) => JsValue::from_bool(*flag),
            Js::Number(number) => JsValue::from_f64(*number),
            Js::Text(text) => JsValue::from_str(text),
            Js::LoneSurrogate(unit) => {
                js_sys::JsString::from_char_code(&[0x61, *unit, 0x62]).into()
            }
            Js::Function => script("return function () {};").call0(&JsValue::NULL).expect("made"),
            Js::Symbol => script("return Symbol('s');").call0(&JsValue::NULL).expect("made"),
            Js::BigInt => script("return 10n;").call0(&JsValue::NULL).expect("made"),
            Js::ThrowingProxy => script(
                "return new Proxy({}, { get() { throw new Error('get'); }, has() { throw new Error('has'); }, ownKeys() { throw new Error('keys'); } });",
            )
            .call0(&JsValue::NULL)
            .expect("made"),
            Js::ThrowingGetter(name) => script(
                "const o = {}; Object.defineProperty(o, a, { get() { throw new Error('getter'); }, enumerable: true }); return o;",
            )
            .call1(&JsValue::NULL, &JsValue::from_str(name))
            .expect("made"),
            Js::RevokedProxy => script("const p = Proxy.revocable([], {}); p.revoke(); return p.proxy;")
                .call0(&JsValue::NULL)
                .expect("made"),
            Js::Nested { depth, list } => script(
                "let v = 'x'; for (let i = 0; i < a; i++) v = b ? [v] : { a: v }; return v;",
            )
            .call2(&JsValue::NULL, &JsValue::from(*depth), &JsValue::from_bool(*list))
            .expect("made"),
            Js::List(items) => items.iter().map(Js::to_js).collect::<Array>().into(),
            Js::Object(fields) => {
                let object = Object::new();
                for (name, value) in fields {
                    // `__proto__` and the like are set as own data fields.
                    let _ = Reflect::define_property(
                        &object,
                        &JsValue::from_str(name),
                        &data_field(&value.to_js()),
                    );
                }
                object.into()
            }
        }
    }
}

fn data_field(value: &JsValue) -> Object {
    let descriptor = Object::new();
    let _ = Reflect::set(&descriptor, &"value".into(), value);
    let _ = Reflect::set(&descriptor, &"enumerable".into(), &JsValue::TRUE);
    let _ = Reflect::set(&descriptor, &"writable".into(), &JsValue::TRUE);
    let _ = Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE);
    descriptor
}

/// The plain (non-Proxy) object or array at the end of `path`, with the key
/// chosen there: `None` when the root itself is chosen.
fn place(root: &JsValue, path: &[u32]) -> Option<(JsValue, JsValue)> {
    let mut parent = None;
    let mut current = root.clone();
    for choice in path {
        if !current.is_object() {
            break;
        }
        // The changes so far may have put a Proxy here that throws.
        let Ok(keys) = Reflect::own_keys(&current) else {
            break;
        };
        let keys: Vec<JsValue> = keys.iter().filter(JsValue::is_string).collect();
        if keys.is_empty() {
            break;
        }
        let key = keys[*choice as usize % keys.len()].clone();
        let child = Reflect::get(&current, &key).ok()?;
        parent = Some((current, key));
        current = child;
    }
    parent
}

fn apply(root: &JsValue, path: &[u32], change: &Change) -> JsValue {
    let Some((parent, key)) = place(root, path) else {
        return match change {
            Change::Replace(value) => value.to_js(),
            _ => root.clone(),
        };
    };
    match change {
        Change::Delete => {
            let _ = Reflect::delete_property(parent.unchecked_ref::<Object>(), &key);
        }
        Change::Replace(value) => {
            let _ = Reflect::set(&parent, &key, &value.to_js());
        }
        Change::AddField(name, value) => {
            if let Ok(target) = Reflect::get(&parent, &key) {
                if target.is_object() {
                    let _ = Reflect::define_property(
                        target.unchecked_ref::<Object>(),
                        &JsValue::from_str(name),
                        &data_field(&value.to_js()),
                    );
                }
            }
        }
        Change::Cycle => {
            let _ = Reflect::set(&parent, &key, root);
        }
        Change::TrapRead(name) => {
            if let Ok(target) = Reflect::get(&parent, &key) {
                if target.is_object() {
                    let trapped = script(
                        "return new Proxy(a, { get(t, k) { if (k === b) throw new Error('trap'); return Reflect.get(t, k); } });",
                    )
                    .call2(&JsValue::NULL, &target, &JsValue::from_str(name))
                    .expect("made");
                    let _ = Reflect::set(&parent, &key, &trapped);
                }
            }
        }
    }
    root.clone()
}

/// `sections[2].blocks` as keys: `sections`, `2`, `blocks`.
fn path_keys(path: &str) -> Vec<String> {
    path.split(['.', '[', ']'])
        .filter(|key| !key.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks what the door gave for `input`.
fn check(input: &JsValue) -> Result<(), TestCaseError> {
    let Err(problems) = host_monograph::parse(input.clone()) else {
        OUTCOMES.with(|o| o.borrow_mut().0 += 1);
        return Ok(());
    };
    OUTCOMES.with(|o| o.borrow_mut().1 += 1);
    prop_assert!(!problems.is_empty(), "a refusal names at least one problem");
    for problem in &problems {
        prop_assert!(!problem.message.is_empty(), "{problem}: an empty message");
        prop_assert!(
            problem.message.chars().count() <= MESSAGE_CHARS + 3,
            "{problem}: longer than {MESSAGE_CHARS} characters"
        );
        let keys = path_keys(&problem.path);
        prop_assert!(!keys.is_empty(), "{problem}: no path");
        if keys == ["monograph"] {
            continue;
        }
        prop_assert!(
            ["meta", "sources", "summary", "sections", "revisions"].contains(&keys[0].as_str()),
            "{problem}: the path starts outside a monograph"
        );
        // Every step but the last exists in the input (the last may be the
        // missing field); a step that throws when read is as far as one can go.
        let mut current = input.clone();
        for key in &keys[..keys.len() - 1] {
            if !current.is_object() {
                prop_assert!(false, "{problem}: {key:?} is below a value that has no fields");
            }
            match Reflect::get(&current, &JsValue::from_str(key)) {
                Ok(next) if next.is_undefined() => {
                    prop_assert!(false, "{problem}: the input has no {key:?}")
                }
                Ok(next) => current = next,
                Err(_) => break,
            }
        }
    }
    Ok(())
}

thread_local! {
    /// Cases shown and cases refused, over the whole run.
    static OUTCOMES: std::cell::RefCell<(u32, u32)> = const { std::cell::RefCell::new((0, 0)) };
    static LAST_CASE: std::cell::RefCell<Option<Case>> = const { std::cell::RefCell::new(None) };
}

fn in_firefox() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|agent| agent.contains("Firefox"))
}

/// Runs the cases in batches with a pause between them: a test that holds
/// the page for longer stops the test runner's WebDriver from reading it.
const BATCH: u32 = 250;

#[wasm_bindgen_test]
async fn generated_malformed_monographs_get_a_leaflet_or_placed_problems() {
    let bundled = drug_leaflet::bundled::by_id("nusinersen").expect("bundled");
    let base = JSON::stringify(&serde_wasm_bindgen::to_value(&bundled).expect("to JS"))
        .expect("JSON")
        .as_string()
        .expect("text");
    let cases = if in_firefox() { CASES / 4 } else { CASES };
    // A panic traps the WASM before proptest can report the case: say which.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        LAST_CASE.with(|last| {
            web_sys::console::error_1(&format!("the case that panicked: {:?}", last.borrow()).into())
        });
        default_hook(info);
    }));
    let started = js_sys::Date::now();
    for batch in 0..cases.div_ceil(BATCH) {
        let config = Config {
            cases: BATCH.min(cases - batch * BATCH),
            // Shrinking a failure is welcome; saving it to a file is not possible here.
            failure_persistence: None,
            ..Config::default()
        };
        // Fixed seeds: the same cases on every run, so a failure can be replayed.
        let mut seed = [7; 32];
        seed[..4].copy_from_slice(&batch.to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
        let result = TestRunner::new_with_rng(config, rng).run(&case(), |case| {
            LAST_CASE.with(|last| *last.borrow_mut() = Some(case.clone()));
            let input = match &case {
                Case::Value(value) => value.to_js(),
                Case::Changed { bundled, changes } => {
                    let root = JSON::parse(if *bundled { &base } else { SMALL }).expect("parse");
                    changes
                        .iter()
                        .fold(root, |root, (path, change)| apply(&root, path, change))
                }
            };
            check(&input)
        });
        if let Err(failure) = result {
            panic!("batch {batch}: {failure}");
        }
        pause().await;
    }
    let (shown, refused) = OUTCOMES.with(|o| *o.borrow());
    // wasm-bindgen-test prints this line with `--nocapture`.
    web_sys::console::log_1(
        &format!(
            "host door: {cases} generated monographs in {:.0} ms: {shown} shown, {refused} refused with placed problems",
            js_sys::Date::now() - started
        )
        .into(),
    );
    assert_eq!(shown + refused, cases);
    assert!(refused > cases / 2, "the changes mostly break the monograph");
}

/// Lets the page's event loop run (a zero-delay timer).
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The unchanged bundled monograph goes through the same door and is shown:
/// the properties above are not met by refusing everything.
#[wasm_bindgen_test]
fn the_bundled_monograph_passes_the_door() {
    let bundled = drug_leaflet::bundled::by_id("nusinersen").expect("bundled");
    let value = serde_wasm_bindgen::to_value(&bundled).expect("to JS");
    let copy =
        JSON::parse(&JSON::stringify(&value).expect("JSON").as_string().expect("text")).expect("parse");
    assert!(host_monograph::parse(copy).is_ok());
}
