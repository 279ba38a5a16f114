//! The documented contract and the code cannot drift apart: the README's tables,
//! `src/drug-leaflet.d.ts` and the element agree on the observed attributes, the
//! events and their `detail` fields, the `::part()` names and the section ids
//! (in the manner of rust-analyzer's tidy tests).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use drug_leaflet::bundled;
use drug_leaflet::components::{App, AppProps};
use drug_leaflet::content::Content;
use drug_leaflet::events::{self, ErrorDetail, Problems, ReadyDetail, SourcesDetail, ToggleDetail};
use drug_leaflet::monograph::model::SOURCES_SECTION_ID;
use drug_leaflet::monograph::validate::Problem;
use drug_leaflet::options::{Options, OBSERVED_ATTRIBUTES};
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
                problems: Problems(&problems),
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

/// The lines of a Markdown file outside its fenced code blocks.
fn prose_lines(markdown: &str) -> impl Iterator<Item = &str> {
    let mut fenced = false;
    markdown.lines().filter(move |line| {
        if line.starts_with("```") {
            fenced = !fenced;
            return false;
        }
        !fenced
    })
}

/// The anchors GitHub gives a Markdown file's headings: lowercase, spaces as
/// hyphens, punctuation dropped, a repeated heading numbered.
fn heading_anchors(markdown: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    for line in prose_lines(markdown) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let text = heading.trim_start_matches('#').trim();
        let slug: String = text
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let mut anchor = slug.clone();
        let mut n = 0;
        while !anchors.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{slug}-{n}");
        }
    }
    anchors
}

/// Every relative link in the README and in `docs/` leads to a file that
/// exists and, with a `#fragment`, to one of its headings: moving reference
/// text between the README and `docs/` cannot leave a link behind.
#[test]
fn relative_links_in_the_readme_and_docs_resolve() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // Written by `cargo xtask bench`, so absent until a bench run wrote it.
    let written_by_the_bench = root.join("docs/benchmark.md");
    let mut pages = vec![root.join("README.md")];
    let mut docs: Vec<_> = std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .map(|entry| entry.expect("a docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).expect("a readable page");
        for line in prose_lines(&text) {
            for rest in line.split("](").skip(1) {
                let Some(link) = rest.split(')').next() else {
                    continue;
                };
                if link.contains("://") || link.starts_with("mailto:") {
                    continue;
                }
                let (file, fragment) = link.split_once('#').unwrap_or((link, ""));
                let target = if file.is_empty() {
                    page.clone()
                } else {
                    page.parent().expect("a folder").join(file)
                };
                let normalised: std::path::PathBuf = target.components().collect();
                if !target.exists() {
                    if normalised != written_by_the_bench {
                        broken.push(format!("{}: {link} (no such file)", page.display()));
                    }
                    continue;
                }
                if !fragment.is_empty() {
                    let target_text = std::fs::read_to_string(&target).expect("a readable target");
                    if !heading_anchors(&target_text).contains(fragment) {
                        broken.push(format!("{}: {link} (no such heading)", page.display()));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
