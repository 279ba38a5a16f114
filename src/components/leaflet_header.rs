use yew::prelude::*;

use super::{heading_tag, text_node};
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::model::{Monograph, SourceKind};
use crate::monograph::validate::added_texts;

#[derive(Properties, PartialEq)]
pub struct LeafletHeaderProps {
    pub monograph: Monograph,
}

/// Title, names and form of the drug, and who reviewed what when: always
/// visible, so a reader can judge the leaflet before opening any section.
#[function_component]
pub fn LeafletHeader(props: &LeafletHeaderProps) -> Html {
    let options = use_options();
    let strings = options.language.strings();
    let meta = &props.monograph.meta;
    let facts = [
        (strings.pronunciation, meta.pronunciation.clone()),
        (strings.generic_name, Some(meta.generic_name.clone())),
        (strings.brand_name, Some(meta.brand_name.clone())),
        (strings.dosage_form, Some(meta.dosage_form.clone())),
        (strings.drug_class, Some(meta.drug_class.clone())),
    ];
    let title_tag = heading_tag(options.heading_level);
    html! {
        <header class="leaflet-header">
            <@{title_tag} class="title" part="title">{ text_node(meta.title.clone()) }</@>
            <dl class="drug-facts">
                { for facts.into_iter().filter_map(|(label, value)| value.map(|value| html! {
                    <div class="drug-fact">
                        <dt lang={options.language.tag()}>{ text_node(label) }{ ":" }</dt>{ " " }<dd>{ text_node(value) }</dd>
                    </div>
                })) }
            </dl>
            <Provenance monograph={props.monograph.clone()} />
        </header>
    }
}

/// Who reviewed which text: the base document's review line as it was written,
/// labelled as covering the original text only, then when the added text was
/// compiled, from which sources, and whether a pharmacist has reviewed it.
#[function_component]
fn Provenance(props: &LeafletHeaderProps) -> Html {
    let language = use_options().language;
    let strings = language.strings();
    let monograph = &props.monograph;
    let meta = &monograph.meta;
    let lang = language.tag();
    // Names and roles are the monograph's words, in its language.
    let content = |text: &AttrValue| html! { <span lang={meta.language.clone()}>{ text.clone() }</span> };
    let original = html! {
        <p class="review" {lang}>
            <strong class="review-label">{ strings.original_text }</strong>{ " " }
            { strings.reviewed_by }{ " " }{ content(&meta.reviewed_by) }{ ". " }{ strings.last_updated }{ " " }
            { date(&meta.last_updated, language) }{ "." }
        </p>
    };
    let Some(additions) = &meta.additions else {
        return html! { <div class="provenance">{ original }</div> };
    };
    let cited: Vec<AttrValue> = added_texts(monograph)
        .iter()
        .map(|added| added.source.doc.clone())
        .collect();
    let added_from: Vec<String> = monograph
        .sources
        .iter()
        // The editors' own notes are not a source the facts were compiled from.
        .filter(|source| cited.contains(&source.id) && source.kind != Some(SourceKind::Editorial))
        .map(|source| match &source.revised {
            Some(revised) => format!("{} ({})", source.id, language.format_iso(revised)),
            None => source.id.to_string(),
        })
        .collect();
    let status = match &additions.review {
        Some(review) => html! {
            <>
                { strings.additions_reviewed_by }{ " " }{ content(&review.name) }{ ", " }{ content(&review.role) }
                { format!(", {} ", strings.reviewed_on) }{ date(&review.date, language) }{ "." }
            </>
        },
        None => html! { { strings.not_yet_reviewed } },
    };
    html! {
        <div class="provenance">
            { original }
            <p class="review" {lang}>
                <strong class="review-label">{ strings.added_text }</strong>{ " " }
                { strings.compiled_on }{ " " }{ date(&additions.compiled, language) }{ " " }
                { strings.compiled_from }{ " " }{ added_from.join(", ") }{ " " }{ strings.see_sources }{ " " }
                <span class="review-status" part="review-status">{ status }</span>
            </p>
        </div>
    }
}

/// A `<time>` in running text.
fn date(iso: &AttrValue, language: Language) -> Html {
    html! { <time datetime={iso.clone()}>{ language.format_iso(iso) }</time> }
}
