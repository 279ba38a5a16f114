use yew::prelude::*;

use crate::monograph::date::IsoDate;
use crate::monograph::model::Meta;

#[derive(Properties, PartialEq)]
pub struct LeafletHeaderProps {
    pub meta: Meta,
}

/// Title, names and form of the drug, and who reviewed it when: always visible,
/// so a reader can judge the leaflet before opening any section.
#[function_component]
pub fn LeafletHeader(props: &LeafletHeaderProps) -> Html {
    let meta = &props.meta;
    let facts = [
        ("Pronunciation", meta.pronunciation.clone()),
        ("Generic name", Some(meta.generic_name.clone())),
        ("Brand name", Some(meta.brand_name.clone())),
        ("Dosage form", Some(meta.dosage_form.clone())),
        ("Drug class", Some(meta.drug_class.clone())),
    ];
    // Validation guarantees an ISO date; show it as written if that ever fails.
    let updated = IsoDate::parse(&meta.last_updated)
        .map_or_else(|| meta.last_updated.to_string(), |date| date.long_english());
    html! {
        <header class="leaflet-header">
            <h2 class="title">{ meta.title.clone() }</h2>
            <dl class="drug-facts">
                { for facts.into_iter().filter_map(|(label, value)| value.map(|value| html! {
                    <div class="drug-fact">
                        <dt>{ label }{ ":" }</dt>{ " " }<dd>{ value }</dd>
                    </div>
                })) }
            </dl>
            <p class="review">
                { "Medically reviewed by " }{ meta.reviewed_by.clone() }{ ". Last updated on " }
                <time datetime={meta.last_updated.clone()}>{ updated }</time>{ "." }
            </p>
        </header>
    }
}
