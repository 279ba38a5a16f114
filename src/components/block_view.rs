use implicit_clone::unsync::IArray;
use yew::prelude::*;

use super::heading_tag;
use super::leaflet_header::{example_banner, title_id};
use crate::hooks::use_options;
use crate::monograph::markup::{runs, slug, Run};
use crate::monograph::model::{Block, Item, Source, SourceRef};
use crate::monograph::provenance::cited_sources;
use crate::options::Options;
use crate::static_markup::{static_html, Markup};
use crate::text::{segments, Segment};

#[derive(Properties, PartialEq)]
pub struct BlocksProps {
    pub blocks: IArray<Block>,
    /// The monograph's base document: content from it carries no marker.
    pub based_on: AttrValue,
    /// For the boxes' "Where this comes from" lines.
    pub sources: IArray<Source>,
    /// `meta.jurisdiction`: which emergency line the urgent box ends with.
    pub jurisdiction: Option<AttrValue>,
    /// `meta.example`: the urgent box says the data is made up.
    pub example: bool,
}

/// What the summary's boxes need beyond their blocks.
struct Summary<'a> {
    sources: &'a IArray<Source>,
    jurisdiction: Option<&'a str>,
    example: bool,
}

/// The summary above the sections, in one `<div class="blocks">`, written as
/// static markup (see `static_markup`): DOM nodes in the browser, HTML text in
/// the prerendered fallback. A component, so that a toggle, which renders the
/// leaflet again, finds its props unchanged and skips it.
#[function_component]
pub fn Blocks(props: &BlocksProps) -> Html {
    let options = use_options();
    let summary = Summary {
        sources: &props.sources,
        jurisdiction: props.jurisdiction.as_deref(),
        example: props.example,
    };
    static_html("div", &[("class", "blocks")], |out| {
        for block in props.blocks.iter() {
            let this = std::slice::from_ref(block);
            match block {
                Block::KeyFacts { heading, items } => {
                    summary_box(out, "key-facts", heading, false, &options, |out| {
                        list_markup(out, &None, &None, items, &props.based_on, &options);
                        source_line(out, this, &props.based_on, summary.sources, &options);
                    })
                }
                Block::Urgent {
                    heading,
                    lead,
                    source,
                    items,
                } => summary_box(out, "urgent", heading, true, &options, |out| {
                    if summary.example {
                        example_banner(out, options.language);
                    }
                    list_markup(out, lead, source, items, &props.based_on, &options);
                    urgent_contact(out, summary.jurisdiction, &options);
                    source_line(out, this, &props.based_on, summary.sources, &options);
                }),
                other => block_markup(out, other, &props.based_on, &options),
            }
        }
    })
}

/// The end of the urgent box: whom to call. Only the hospital knows its
/// number, so the host's own element (`slot="urgent-contact"`, its light DOM,
/// never parsed by us) is shown there, labelled as the care team's words;
/// without one, a general line for the leaflet's country. The fallback has
/// the general line in an element the hospital may replace (README).
fn urgent_contact(out: &mut dyn Markup, jurisdiction: Option<&str>, options: &Options) {
    let strings = options.language.strings();
    let lang = options.language.tag();
    let general = match jurisdiction {
        Some("US") => strings.get_help_us,
        _ => strings.get_help,
    };
    let default_line = |out: &mut dyn Markup| {
        out.element("p", &[("class", "urgent-default"), ("lang", lang)], |out| {
            out.text(general)
        })
    };
    out.element(
        "div",
        &[("class", "urgent-contact"), ("part", "urgent-contact")],
        |out| {
            if !options.interactive {
                default_line(out);
                return;
            }
            // Shown by the shell (`element.js`) while the slot holds the host's element.
            out.element(
                "p",
                &[("class", "care-team-label"), ("lang", lang), ("hidden", "")],
                |out| out.text(strings.from_your_care_team),
            );
            out.element("slot", &[("name", "urgent-contact")], default_line);
        },
    );
}

/// "Where this comes from: US prescribing information, sections 6.1 and 5.2;
/// the original page.": one line for a section or a box, so a screen reader
/// hears the sources once rather than after every line (the per-line markers
/// show on request and in print).
pub fn source_line(
    out: &mut dyn Markup,
    blocks: &[Block],
    based_on: &AttrValue,
    sources: &IArray<Source>,
    options: &Options,
) {
    let cited = cited_sources(blocks, based_on);
    if cited.is_empty() {
        return;
    }
    let strings = options.language.strings();
    let attributes = [
        ("class", "source-line"),
        ("part", "source-line"),
        ("lang", options.language.tag()),
    ];
    // One text node: a screen reader reads it as one line.
    let mut line = String::from(strings.source_line);
    for (n, cited) in cited.iter().enumerate() {
        line.push_str(if n == 0 { " " } else { "; " });
        let source = sources.iter().find(|s| s.id == cited.doc);
        // Its title where it has no short name: an id ("EU-PL") reads badly aloud.
        match source.as_ref() {
            Some(source) => line.push_str(source.short_name.as_deref().unwrap_or(&source.title)),
            None => line.push_str(&cited.doc),
        }
        let Some((last, first)) = cited.parts.split_last() else {
            continue;
        };
        let word = if first.is_empty() {
            strings.section_word
        } else {
            strings.sections_word
        };
        for text in [", ", word, " "] {
            line.push_str(text);
        }
        for (i, part) in first.iter().enumerate() {
            line.push_str(part);
            line.push_str(if i + 1 < first.len() { ", " } else { " " });
        }
        if !first.is_empty() {
            line.push_str(strings.and);
            line.push(' ');
        }
        line.push_str(last);
    }
    line.push('.');
    out.element("p", &attributes, |out| out.text(&line));
}

/// A run of blocks (the summary, or one section's content) in one
/// `<div class="blocks">`.
pub fn blocks_markup(out: &mut dyn Markup, blocks: &IArray<Block>, based_on: &str, options: &Options) {
    out.element("div", &[("class", "blocks")], |out| {
        for block in blocks.iter() {
            block_markup(out, block, based_on, options);
        }
    });
}

fn block_markup(out: &mut dyn Markup, block: &Block, based_on: &str, options: &Options) {
    let language = options.language;
    let list =
        |out: &mut dyn Markup, lead, source, items| list_markup(out, lead, source, items, based_on, options);
    match block {
        Block::Paragraph { text, source } => out.element("p", &[], |out| {
            sourced_text(out, text, source, based_on, options);
        }),
        Block::Note { text, source } => out.element("div", &[("class", "note")], |out| {
            out.element("p", &[], |out| {
                out.element(
                    "strong",
                    &[("class", "note-label"), ("lang", language.tag())],
                    |out| {
                        out.text(language.strings().important);
                    },
                );
                out.text(" ");
                sourced_text(out, text, source, based_on, options);
            });
        }),
        Block::Figure { text, source } => out.element("p", &[("class", "figure")], |out| {
            out.element(
                "span",
                &[("class", "figure-label"), ("lang", language.tag())],
                |out| {
                    out.text(language.strings().picture);
                },
            );
            out.text(" ");
            sourced_text(out, text, source, based_on, options);
        }),
        Block::List { lead, source, items } => list(out, lead, source, items),
        Block::Definitions { items } => out.element("dl", &[("class", "definitions")], |out| {
            for item in items.iter() {
                let id = term_element_id(options, &item.term);
                out.element(
                    "div",
                    &[("class", "definition"), ("id", &id), ("tabindex", "-1")],
                    |out| {
                        out.element("dt", &[], |out| {
                            out.text(&item.term);
                            out.text(":");
                        });
                        out.text(" ");
                        out.element("dd", &[], |out| {
                            sourced_text(out, &item.definition, &item.source, based_on, options);
                        });
                    },
                );
            }
        }),
        Block::Subheading { heading } => {
            let tag = heading_tag(options.section_heading_level() + 1);
            out.element(tag, &[("class", "subheading")], |out| out.text(heading));
        }
        // Only in the summary, which `Blocks` writes with their source lines.
        Block::KeyFacts { .. } | Block::Urgent { .. } => {}
    }
}

fn list_markup(
    out: &mut dyn Markup,
    lead: &Option<AttrValue>,
    source: &Option<SourceRef>,
    items: &IArray<Item>,
    based_on: &str,
    options: &Options,
) {
    if let Some(lead) = lead {
        out.element("p", &[("class", "list-lead")], |out| {
            sourced_text(out, lead, source, based_on, options);
        });
    }
    out.element("ul", &[], |out| {
        for item in items.iter() {
            out.element("li", &[], |out| {
                sourced_text(out, &item.text, &item.source, based_on, options);
            });
        }
    });
}

/// The id of the hidden node, in the element's shadow root, that holds the
/// leaflet's name (written by `element.js`).
pub const LEAFLET_NAME_ID: &str = "leaflet-name";

/// A block shown above the sections and never collapsed: a region named by its
/// heading, so screen reader users find it in the landmarks list. The urgent box
/// carries an icon beside its heading, so it never relies on colour alone.
fn summary_box(
    out: &mut dyn Markup,
    class: &'static str,
    heading: &str,
    icon: bool,
    options: &Options,
    content: impl FnOnce(&mut dyn Markup),
) {
    let heading_id = [&options.id_prefix, class, "-heading"].concat();
    // Named by its heading and the leaflet's name, so two leaflets on a page
    // ("Get medical help right away" in each) give landmarks a reader can tell
    // apart: in the element, the node the shell (`element.js`) keeps beside
    // the leaflet (its `label`, else the title, numbered from the second
    // leaflet with that title); in the fallback, the title.
    let leaflet_name = if options.interactive {
        LEAFLET_NAME_ID.to_owned()
    } else {
        title_id(options)
    };
    let name = [heading_id.as_str(), " ", &leaflet_name].concat();
    let heading_tag = heading_tag(options.section_heading_level());
    out.element(
        "section",
        &[("class", class), ("part", class), ("aria-labelledby", &name)],
        |out| {
            out.element(
                heading_tag,
                &[("class", "summary-heading"), ("id", &heading_id)],
                |out| {
                    if icon {
                        warning_icon(out);
                    }
                    out.text(heading);
                },
            );
            listen_markup(out, options, &heading_id);
            content(out);
        },
    );
}

/// A box's or a section's read-aloud control, unless `listen="off"`: "Listen"
/// (with its labels while reading, "Pause reading" and "Resume reading") and
/// "Stop reading", hidden. The shell (`element.js`) shows it once the device
/// has a voice of its own for the text's language, and reads aloud. Listen
/// is described by what it reads (`heading_id`): a list of the page's buttons
/// tells the 18 apart.
pub fn listen_markup(out: &mut dyn Markup, options: &Options, heading_id: &str) {
    if !(options.interactive && options.listen) {
        return;
    }
    let strings = options.language.strings();
    out.element(
        "p",
        &[("class", "listen"), ("lang", options.language.tag())],
        |out| {
            let listen = [
                ("type", "button"),
                ("class", "listen-button"),
                ("part", "listen-button"),
                ("aria-describedby", heading_id),
                ("data-pause", strings.pause_reading),
                ("data-resume", strings.resume_reading),
            ];
            out.element("button", &listen, |out| out.text(strings.listen));
            out.text(" ");
            let stop = [
                ("type", "button"),
                ("class", "listen-button"),
                ("part", "listen-button"),
                ("hidden", ""),
            ];
            out.element("button", &stop, |out| out.text(strings.stop_reading));
        },
    );
}

/// A warning sign drawn in `currentColor` (the box's border colour, CanvasText
/// in forced colours, black on paper), so it shows in every theme. Decorative:
/// the heading says what it means.
fn warning_icon(out: &mut dyn Markup) {
    let svg = [
        ("class", "icon"),
        ("viewBox", "0 0 24 24"),
        ("width", "24"),
        ("height", "24"),
        ("aria-hidden", "true"),
        ("focusable", "false"),
    ];
    let path = [
        ("fill", "currentColor"),
        (
            "d",
            "M12 1 0 22h24L12 1zm0 5.5 7.6 13.5H4.4L12 6.5zM11 10v5h2v-5h-2zm0 6v2h2v-2h-2z",
        ),
    ];
    out.element("svg", &svg, |out| out.element("path", &path, |_| {}));
}

/// Monograph text, then its source marker when it is not from the base document.
fn sourced_text(
    out: &mut dyn Markup,
    text: &str,
    source: &Option<SourceRef>,
    based_on: &str,
    options: &Options,
) {
    rich_text(out, text, options);
    source_marker(out, source.as_ref(), based_on, options);
}

/// Monograph text with phone numbers made into `tel:` links and `[[...]]`
/// terms into links to their definitions.
fn rich_text(out: &mut dyn Markup, text: &str, options: &Options) {
    for run in runs(text) {
        match run {
            Run::Plain(text) => {
                for segment in segments(text) {
                    match segment {
                        Segment::Plain(plain) => out.text(plain),
                        Segment::Phone { shown, tel } => {
                            out.element("a", &[("href", &tel)], |out| out.text(shown))
                        }
                    }
                }
            }
            Run::Term { shown, term } => {
                let href = ["#", &term_element_id(options, term)].concat();
                out.element("a", &[("class", "term-link"), ("href", &href)], |out| {
                    out.text(shown)
                });
            }
        }
    }
}

/// The id of a term's definition, which `[[...]]` links in the text point to.
pub fn term_element_id(options: &Options, term: &str) -> String {
    [&options.id_prefix, "term-", &slug(term)].concat()
}

/// " (Source: PI 6.1)" after content that is not from the base document:
/// visible text, so provenance never depends on colour.
fn source_marker(out: &mut dyn Markup, source: Option<&SourceRef>, based_on: &str, options: &Options) {
    // The fallback has no style of ours to keep them out of the reading: its
    // sections' source lines stand for them.
    let Some(source) = source.filter(|source| source.doc != based_on && options.interactive) else {
        return;
    };
    let language = options.language;
    let section = source
        .section
        .as_ref()
        .map(|s| [" ", s.as_str()].concat())
        .unwrap_or_default();
    out.text(" ");
    out.element(
        "span",
        &[
            ("class", "source-marker"),
            ("part", "source-marker"),
            ("lang", language.tag()),
        ],
        |out| out.text(&["(", language.strings().source, ": ", &source.doc, &section, ")"].concat()),
    );
}
