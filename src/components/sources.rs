use implicit_clone::unsync::IArray;
use yew::prelude::*;

use crate::hooks::use_options;
use crate::monograph::model::Source;
use crate::static_markup::static_html;

#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    pub sources: IArray<Source>,
    pub based_on: AttrValue,
}

/// Every document the leaflet draws on, with its revision date, so a clinician
/// can trace each "(Source: ...)" marker. Written once as static markup.
#[function_component]
pub fn SourcesList(props: &SourcesListProps) -> Html {
    let options = use_options();
    let strings = options.language.strings();
    let lang = options.language.tag();
    static_html("div", &[("class", "blocks")], |out| {
        out.element("p", &[("lang", lang)], |out| out.text(strings.sources_intro));
        out.element("ul", &[("class", "sources")], |out| {
            for source in props.sources.iter() {
                out.element("li", &[("data-source-id", &source.id)], |out| {
                    out.element("strong", &[], |out| {
                        out.text(&source.id);
                        if source.id == props.based_on {
                            out.element("span", &[("lang", lang)], |out| {
                                out.text(&format!(" ({})", strings.main_source));
                            });
                        }
                    });
                    out.text(": ");
                    if let Some(kind) = source.kind {
                        out.element("span", &[("class", "source-kind"), ("lang", lang)], |out| {
                            out.text(&format!("{}. ", strings.source_kinds.name(kind)));
                        });
                    }
                    out.text(&source.title);
                    if let Some(publisher) = &source.publisher {
                        out.text(&format!(", {publisher}"));
                    }
                    out.text(". ");
                    let revised = match &source.revised {
                        Some(date) => format!("{} {}.", strings.revised, options.language.format_iso(date)),
                        None => strings.revision_not_stated.to_owned(),
                    };
                    out.element("span", &[("lang", lang)], |out| out.text(&revised));
                    if let Some(note) = &source.note {
                        out.text(&format!(" {note}"));
                    }
                });
            }
        });
    })
}
