use implicit_clone::unsync::IArray;
use yew::prelude::*;

use crate::monograph::date::IsoDate;
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
    html! {
        <>
            <p>{ "Text without a source marker comes from the document marked \"main source\"." }</p>
            <ul class="sources">
                { for props.sources.iter().map(|source| {
                    let revised = match source.revised.as_deref().and_then(IsoDate::parse) {
                        Some(date) => format!("Revised {}.", date.long_english()),
                        None => "Revision date not stated.".to_owned(),
                    };
                    let main = (source.id == props.based_on).then_some(" (main source)");
                    html! {
                        <li data-source-id={source.id.clone()}>
                            <strong>{ source.id.clone() }{ main }</strong>{ ": " }
                            { source.title.clone() }
                            { for source.publisher.as_ref().map(|p| format!(", {p}")) }
                            { ". " }{ revised }
                            { for source.note.as_ref().map(|note| format!(" {note}")) }
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
