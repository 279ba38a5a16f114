use yew::prelude::*;

use super::rich_text::RichText;
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::model::{Block, SourceRef};

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub block: Block,
    /// The monograph's base document: content from it carries no marker.
    pub based_on: AttrValue,
}

#[function_component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    let language = use_options().language;
    let strings = language.strings();
    let marker = |source: &Option<SourceRef>| source_marker(source.as_ref(), &props.based_on, language);
    match &props.block {
        Block::Paragraph { text, source } => html! {
            <p><RichText text={text.clone()} />{ marker(source) }</p>
        },
        Block::Note { text, source } => html! {
            <div class="note">
                <p>
                    <strong class="note-label" lang={language.tag()}>{ strings.important }</strong>{ " " }
                    <RichText text={text.clone()} />{ marker(source) }
                </p>
            </div>
        },
        Block::List { lead, source, items } => html! {
            <>
                if let Some(lead) = lead {
                    <p class="list-lead"><RichText text={lead.clone()} />{ marker(source) }</p>
                }
                <ul>
                    { for items.iter().map(|item| html! {
                        <li><RichText text={item.text.clone()} />{ marker(&item.source) }</li>
                    }) }
                </ul>
            </>
        },
        Block::Definitions { items } => html! {
            <dl class="definitions">
                { for items.iter().map(|item| html! {
                    <div class="definition">
                        <dt>{ item.term.clone() }{ ":" }</dt>{ " " }
                        <dd><RichText text={item.definition.clone()} />{ marker(&item.source) }</dd>
                    </div>
                }) }
            </dl>
        },
    }
}

/// "(Source: PI 6.1)" after content that is not from the base document: visible
/// text, so provenance never depends on colour.
fn source_marker(source: Option<&SourceRef>, based_on: &str, language: Language) -> Html {
    match source {
        Some(source) if source.doc != based_on => {
            let section = source
                .section
                .as_ref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            html! {
                <>
                    { " " }
                    <span class="source-marker" part="source-marker" lang={language.tag()}>
                        { format!("({}: {}{section})", language.strings().source, source.doc) }
                    </span>
                </>
            }
        }
        _ => html! {},
    }
}
