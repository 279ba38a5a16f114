use implicit_clone::unsync::IArray;

use crate::monograph::model::Source;
use crate::options::Options;
use crate::static_markup::Markup;

/// Every document the leaflet draws on, with its revision date, so a clinician
/// can trace each "(Source: ...)" marker: the Sources section's content, and
/// in the element its "Show the source of each line" checkbox, handed back.
pub fn sources_markup(
    out: &mut dyn Markup,
    sources: &IArray<Source>,
    based_on: &str,
    options: &Options,
) -> Option<web_sys::Element> {
    let strings = options.language.strings();
    let lang = options.language.tag();
    let mut marked = None;
    out.element("div", &[("class", "blocks")], |out| {
        out.element("p", &[("lang", lang)], |out| out.text(strings.sources_intro));
        let toggle = options.interactive.then(|| {
            // A native checkbox holds its own state: the accordion's controls
            // set it when written and hear it change.
            let mut toggle = None;
            out.element("p", &[("class", "sources-choice"), ("lang", lang)], |out| {
                out.element("label", &[], |out| {
                    let checkbox = [
                        ("type", "checkbox"),
                        ("class", "sources-toggle"),
                        ("part", "sources-toggle"),
                    ];
                    toggle = out.marked_element("input", &checkbox, |_| {});
                    out.text(" ");
                    out.text(strings.show_each_source);
                });
            });
            toggle
        });
        marked = toggle.flatten();
        out.element("ul", &[("class", "sources")], |out| {
            for source in sources.iter() {
                out.element("li", &[("data-source-id", &source.id)], |out| {
                    out.element("strong", &[], |out| {
                        out.text(&source.id);
                        if source.id == based_on {
                            out.element("span", &[("lang", lang)], |out| {
                                out.text(&[" (", strings.main_source, ")"].concat());
                            });
                        }
                    });
                    out.text(": ");
                    if let Some(kind) = source.kind {
                        out.element("span", &[("class", "source-kind"), ("lang", lang)], |out| {
                            out.text(&[strings.source_kinds.name(kind), ". "].concat());
                        });
                    }
                    out.text(&source.title);
                    if let Some(publisher) = &source.publisher {
                        out.text(&[", ", publisher.as_str()].concat());
                    }
                    out.text(". ");
                    let revised = match &source.revised {
                        Some(date) => {
                            [strings.revised, " ", &options.language.format_iso(date), "."].concat()
                        }
                        None => strings.revision_not_stated.to_owned(),
                    };
                    out.element("span", &[("lang", lang)], |out| out.text(&revised));
                    if let Some(note) = &source.note {
                        out.text(&[" ", note.as_str()].concat());
                    }
                    out.text(" ");
                    out.element("span", &[("class", "source-rights"), ("lang", lang)], |out| {
                        out.text(strings.rights.name(source.rights));
                    });
                    if let Some(attribution) = &source.attribution {
                        out.text(&[" ", attribution.as_str()].concat());
                    }
                });
            }
        });
    });
    marked
}
