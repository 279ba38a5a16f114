//! The documented contract and the code cannot drift apart: the README's tables,
//! `src/drug-leaflet.d.ts` and the element agree on the observed attributes, the
//! events and their `detail` fields, the `::part()` names and the section ids
//! (in the manner of rust-analyzer's tidy tests).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use drug_leaflet::bundled;
use drug_leaflet::components::{App, AppProps};
use drug_leaflet::content::Content;
use drug_leaflet::events::{self, ErrorDetail, ReadyDetail, SourcesDetail, ToggleDetail};
use drug_leaflet::monograph::validate::Problem;
use drug_leaflet::options::{Options, OBSERVED_ATTRIBUTES};
use drug_leaflet::state::SOURCES_SECTION_ID;
use yew::LocalServerRenderer;

const README: &str = include_str!("../README.md");
const TYPES: &str = include_str!("../src/drug-leaflet.d.ts");

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_owned).collect()
}

/// The text of the README from the heading `heading` to the next heading.
fn readme_section(heading: &str) -> &'static str {
    let start = README
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("README has no {heading:?}"));
    let rest = &README[start + heading.len() + 2..];
    rest.find("\n#").map_or(rest, |end| &rest[..end])
}

/// Every `code span` in `text`.
fn code_spans(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

/// The `"quoted"` strings in `text`.
fn quoted(text: &str) -> impl Iterator<Item = &str> {
    text.split('"').skip(1).step_by(2)
}

/// The body of `interface name { ... }` in the declarations.
fn interface(name: &str) -> &'static str {
    let start = TYPES
        .find(&format!("interface {name} {{"))
        .unwrap_or_else(|| panic!("the .d.ts has no interface {name}"));
    let body = &TYPES[start..];
    &body[..body.find('}').expect("interface end")]
}

/// Field names declared in an interface body (`name: type;` or `name?: type;`).
fn fields(body: &str) -> BTreeSet<String> {
    body.lines()
        .skip(1)
        .map(str::trim)
        .filter(|line| !line.starts_with('/') && !line.starts_with('*'))
        .filter_map(|line| line.split([':', '?']).next())
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn observed_attributes_match_the_readme_table_and_the_declarations() {
    let code = set(OBSERVED_ATTRIBUTES);
    let table = readme_section("### Attributes");
    let documented: BTreeSet<String> = table
        .lines()
        .filter(|line| line.starts_with("| `"))
        .filter_map(|line| code_spans(line).next())
        .map(str::to_owned)
        .collect();
    assert_eq!(documented, code, "README attribute table");

    let signature = TYPES
        .lines()
        .find(|line| line.contains("setAttribute(name:"))
        .expect("setAttribute in the .d.ts");
    let declared = set(quoted(signature));
    assert_eq!(declared, code, "setAttribute's names in the .d.ts");

    // The typed JSX props: `"name"?: values;`, one a line.
    let props: BTreeSet<String> = interface("DrugLeafletAttributes")
        .lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.split_once("\"?:"))
        .map(|(name, _)| name.to_owned())
        .collect();
    assert_eq!(props, code, "DrugLeafletAttributes in the .d.ts");
}

#[test]
fn events_and_their_details_match_the_readme_and_the_declarations() {
    let code = set(events::ALL);
    let section = readme_section("### Properties, methods, events");
    let documented: BTreeSet<String> = code_spans(section)
        .filter(|span| span.starts_with("drug-leaflet-"))
        .map(str::to_owned)
        .collect();
    assert_eq!(documented, code, "README events");
    let event_map = interface("HTMLElementEventMap");
    assert_eq!(set(quoted(event_map)), code, "HTMLElementEventMap in the .d.ts");
    let listened: BTreeSet<String> = TYPES
        .split("type: \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(listened, code, "addEventListener overloads in the .d.ts");

    // Each payload serialises to exactly the fields its .d.ts type declares,
    // and the README names each as `detail.<field>`.
    let problems = [Problem {
        path: "sections".into(),
        message: "m".into(),
    }];
    let payloads = [
        (
            events::READY,
            "DrugLeafletReadyDetail",
            serde_json::to_value(ReadyDetail { drug: "x" }),
        ),
        (
            events::TOGGLE,
            "DrugLeafletToggleDetail",
            serde_json::to_value(ToggleDetail {
                section_id: "x",
                expanded: true,
            }),
        ),
        (
            events::SOURCES,
            "DrugLeafletSourcesDetail",
            serde_json::to_value(SourcesDetail { inline: true }),
        ),
        (
            events::ERROR,
            "DrugLeafletErrorDetail",
            serde_json::to_value(ErrorDetail {
                problems: &problems,
                fatal: false,
            }),
        ),
    ];
    for (event, type_name, payload) in payloads {
        let payload = payload.expect("serialisable");
        let sent: BTreeSet<String> = payload.as_object().expect("an object").keys().cloned().collect();
        assert_eq!(fields(interface(type_name)), sent, "{event}: {type_name}");
        assert!(
            TYPES.contains(&format!("\"{event}\": CustomEvent<{type_name}>")),
            "{event} is typed with {type_name}"
        );
        for field in &sent {
            assert!(
                section.contains(&format!("detail.{field}")),
                "README documents {event}'s detail.{field}"
            );
        }
    }
    // The JS shell fires the fatal ones itself (the WASM has crashed): same fields.
    let shell = include_str!("../src/element.js");
    assert!(
        shell.contains("detail: { problems: [{ path: \"\", message: ") && shell.contains("fatal: true }"),
        "src/element.js fires drug-leaflet-error with problems and fatal"
    );
    let problem = serde_json::to_value(&problems[0]).expect("serialisable");
    let problem_fields: BTreeSet<String> = problem.as_object().expect("object").keys().cloned().collect();
    assert_eq!(
        fields(interface("MonographProblem")),
        problem_fields,
        "MonographProblem"
    );
}

/// Every `part="..."` the element can render: the leaflet (interactive and
/// fallback) and the error alert.
fn rendered_parts() -> BTreeSet<String> {
    let monograph = bundled::by_id(bundled::DEFAULT_ID).expect("bundled");
    let render = |content: Content, options: Options| {
        futures::executor::block_on(
            LocalServerRenderer::<App>::with_props(yew::props!(AppProps { content, options }))
                .hydratable(false)
                .render(),
        )
    };
    let problems = Content::Invalid(
        vec![Problem {
            path: "sections".into(),
            message: "m".into(),
        }]
        .into(),
    );
    // Example data adds its banner.
    let mut example = monograph.clone();
    example.meta.example = true;
    [
        render(Content::Monograph(example), Options::default()),
        render(Content::Monograph(monograph.clone()), Options::default()),
        render(Content::Monograph(monograph), Options::fallback("nusinersen")),
        render(problems, Options::default()),
    ]
    .iter()
    .flat_map(|html| {
        html.split("part=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    })
    .collect()
}

/// Every named slot the leaflet renders is declared in the `.d.ts` and shown
/// in the README with an example element.
#[test]
fn slot_names_match_the_readme_and_the_declarations() {
    let monograph = bundled::by_id(bundled::DEFAULT_ID).expect("bundled");
    let html = futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(yew::props!(AppProps {
            content: Content::Monograph(monograph),
            options: Options::default(),
        }))
        .hydratable(false)
        .render(),
    );
    let rendered: BTreeSet<String> = html
        .split("<slot name=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    assert!(!rendered.is_empty(), "the leaflet renders a named slot");
    let declared = TYPES
        .split("export type DrugLeafletSlot =")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .expect("DrugLeafletSlot in the .d.ts");
    assert_eq!(set(quoted(declared)), rendered, "DrugLeafletSlot in the .d.ts");
    for name in &rendered {
        assert!(
            README.contains(&format!("<div slot=\"{name}\">")),
            "README shows an element for slot {name:?}"
        );
    }
}

#[test]
fn part_names_match_the_readme() {
    let theming = readme_section("### Theming");
    let list = theming
        .split("`::part()` names:")
        .nth(1)
        .and_then(|rest| rest.split(". For example").next())
        .expect("the README lists the ::part() names");
    assert_eq!(set(code_spans(list)), rendered_parts(), "README ::part() names");
}

#[test]
fn section_ids_match_the_readme() {
    let monograph = bundled::by_id(bundled::DEFAULT_ID).expect("bundled");
    let code: BTreeSet<String> = monograph
        .sections
        .iter()
        .map(|s| s.id.to_string())
        .chain([SOURCES_SECTION_ID.to_owned()])
        .collect();
    let section = readme_section("### Properties, methods, events");
    let list = section
        .split("Section ids are the monograph's:")
        .nth(1)
        .expect("the README lists the section ids");
    assert_eq!(set(code_spans(list)), code, "README section ids");
}
