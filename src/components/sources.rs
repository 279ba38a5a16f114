use implicit_clone::unsync::IArray;
use yew::prelude::*;

use super::text_node;
use crate::hooks::use_options;
use crate::monograph::model::Source;

#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    pub sources: IArray<Source>,
    pub based_on: AttrValue,
}

/// Every document the leaflet draws on, with its revision date, so a clinician
/// can trace each "(Source: ...)" marker.
#[function_component]
pub fn SourcesList(props: &SourcesListProps) -> Html {
    let options = use_options();
    let strings = options.language.strings();
    html! {
        <>
            <p lang={options.language.tag()}>{ text_node(strings.sources_intro) }</p>
            <ul class="sources">
                { for props.sources.iter().map(|source| {
                    let revised = match &source.revised {
                        Some(date) => format!("{} {}.", strings.revised, options.language.format_iso(date)),
                        None => strings.revision_not_stated.to_owned(),
                    };
                    let main = (source.id == props.based_on).then(|| html! {
                        <span lang={options.language.tag()}>{ format!(" ({})", strings.main_source) }</span>
                    });
                    html! {
                        <li data-source-id={source.id.clone()}>
                            <strong>{ text_node(source.id.clone()) }{ main }</strong>{ ": " }
                            { for source.kind.map(|kind| html! {
                                <span class="source-kind" lang={options.language.tag()}>
                                    { format!("{}. ", strings.source_kinds.name(kind)) }
                                </span>
                            }) }
                            { text_node(source.title.clone()) }
                            { for source.publisher.as_ref().map(|p| format!(", {p}")) }
                            { ". " }<span lang={options.language.tag()}>{ revised }</span>
                            { for source.note.as_ref().map(|note| format!(" {note}")) }
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
