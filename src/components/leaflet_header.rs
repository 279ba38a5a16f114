use yew::prelude::*;

use crate::hooks::use_options;
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
    let options = use_options();
    let strings = options.language.strings();
    let meta = &props.meta;
    let facts = [
        (strings.pronunciation, meta.pronunciation.clone()),
        (strings.generic_name, Some(meta.generic_name.clone())),
        (strings.brand_name, Some(meta.brand_name.clone())),
        (strings.dosage_form, Some(meta.dosage_form.clone())),
        (strings.drug_class, Some(meta.drug_class.clone())),
    ];
    // Validation guarantees an ISO date; show it as written if that ever fails.
    let updated = IsoDate::parse(&meta.last_updated).map_or_else(
        || meta.last_updated.to_string(),
        |date| options.language.format_date(date),
    );
    let title_tag = format!("h{}", options.heading_level);
    html! {
        <header class="leaflet-header">
            <@{title_tag} class="title" part="title">{ meta.title.clone() }</@>
            <dl class="drug-facts">
                { for facts.into_iter().filter_map(|(label, value)| value.map(|value| html! {
                    <div class="drug-fact">
                        <dt lang={options.language.tag()}>{ label }{ ":" }</dt>{ " " }<dd>{ value }</dd>
                    </div>
                })) }
            </dl>
            <p class="review" lang={options.language.tag()}>
                { strings.reviewed_by }{ " " }{ meta.reviewed_by.clone() }{ ". " }{ strings.last_updated }{ " " }
                <time datetime={meta.last_updated.clone()}>{ updated }</time>{ "." }
            </p>
        </header>
    }
}
