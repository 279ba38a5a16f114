use implicit_clone::unsync::IArray;
use yew::prelude::*;

use super::rich_text::RichText;
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::markup::slug;
use crate::monograph::model::{Block, Item, SourceRef};
use crate::options::Options;

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub block: Block,
    /// The monograph's base document: content from it carries no marker.
    pub based_on: AttrValue,
}

#[function_component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    let options = use_options();
    let language = options.language;
    let strings = language.strings();
    let marker = |source: &Option<SourceRef>| source_marker(source.as_ref(), &props.based_on, language);
    let list = |lead: &Option<AttrValue>, source: &Option<SourceRef>, items: &IArray<Item>| {
        html! {
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
        }
    };
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
        Block::List { lead, source, items } => list(lead, source, items),
        Block::Definitions { items } => html! {
            <dl class="definitions">
                { for items.iter().map(|item| html! {
                    <div class="definition" id={term_element_id(&options, &item.term)} tabindex="-1">
                        <dt>{ item.term.clone() }{ ":" }</dt>{ " " }
                        <dd><RichText text={item.definition.clone()} />{ marker(&item.source) }</dd>
                    </div>
                }) }
            </dl>
        },
        Block::Subheading { heading } => {
            let tag = format!("h{}", (options.section_heading_level() + 1).min(6));
            html! { <@{tag} class="subheading">{ heading.clone() }</@> }
        }
        Block::KeyFacts { heading, items } => html! {
            <SummaryBox class="key-facts" {heading}>{ list(&None, &None, items) }</SummaryBox>
        },
        Block::Urgent {
            heading,
            lead,
            source,
            items,
        } => html! {
            <SummaryBox class="urgent" {heading} icon={true}>{ list(lead, source, items) }</SummaryBox>
        },
    }
}

#[derive(Properties, PartialEq)]
struct SummaryBoxProps {
    class: &'static str,
    heading: AttrValue,
    #[prop_or_default]
    icon: bool,
    children: Html,
}

/// A block shown above the sections and never collapsed: a region named by its
/// heading, so screen reader users find it in the landmarks list. The urgent box
/// carries an icon beside its heading, so it never relies on colour alone.
#[function_component]
fn SummaryBox(props: &SummaryBoxProps) -> Html {
    let options = use_options();
    let heading_tag = format!("h{}", options.section_heading_level());
    let heading_id = format!("{}{}-heading", options.id_prefix, props.class);
    html! {
        <section class={props.class} part={props.class} aria-labelledby={heading_id.clone()}>
            <@{heading_tag} class="summary-heading" id={heading_id}>
                if props.icon {
                    <WarningIcon />
                }
                { props.heading.clone() }
            </@>
            { props.children.clone() }
        </section>
    }
}

/// A warning sign drawn in `currentColor` (the box's border colour, CanvasText
/// in forced colours, black on paper), so it shows in every theme. Decorative:
/// the heading says what it means.
#[function_component]
fn WarningIcon() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M12 1 0 22h24L12 1zm0 5.5 7.6 13.5H4.4L12 6.5zM11 10v5h2v-5h-2zm0 6v2h2v-2h-2z" />
        </svg>
    }
}

/// The id of a term's definition, which `[[...]]` links in the text point to.
pub fn term_element_id(options: &Options, term: &str) -> String {
    format!("{}term-{}", options.id_prefix, slug(term))
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
