use implicit_clone::unsync::IArray;
use yew::prelude::*;

use super::rich_text::rich_text;
use super::{heading_tag, text_node};
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::markup::slug;
use crate::monograph::model::{Block, Item, SourceRef};
use crate::options::Options;

#[derive(Properties, PartialEq)]
pub struct BlocksProps {
    pub blocks: IArray<Block>,
    /// The monograph's base document: content from it carries no marker.
    pub based_on: AttrValue,
}

/// A run of blocks: the summary, or one section's content. One component for
/// the run and plain functions for its blocks and texts, because each
/// component costs about 0.7 KiB of WASM memory while shown (a leaflet has
/// some 160 blocks and texts); the run stays a component so that a toggle,
/// which renders the leaflet again, finds its props unchanged and skips it.
#[function_component]
pub fn Blocks(props: &BlocksProps) -> Html {
    let options = use_options();
    props
        .blocks
        .iter()
        .map(|block| block_view(block, &props.based_on, &options))
        .collect()
}

fn block_view(block: &Block, based_on: &str, options: &Options) -> Html {
    let language = options.language;
    let strings = language.strings();
    let marker = |source: &Option<SourceRef>| source_marker(source.as_ref(), based_on, language);
    let list = |lead: &Option<AttrValue>, source: &Option<SourceRef>, items: &IArray<Item>| {
        html! {
            <>
                if let Some(lead) = lead {
                    <p class="list-lead">{ for rich_text(lead, options) }{ for marker(source) }</p>
                }
                <ul>
                    { for items.iter().map(|item| html! {
                        <li>{ for rich_text(&item.text, options) }{ for marker(&item.source) }</li>
                    }) }
                </ul>
            </>
        }
    };
    match block {
        Block::Paragraph { text, source } => html! {
            <p>{ for rich_text(text, options) }{ for marker(source) }</p>
        },
        Block::Note { text, source } => html! {
            <div class="note">
                <p>
                    <strong class="note-label" lang={language.tag()}>{ text_node(strings.important) }</strong>{ " " }
                    { for rich_text(text, options) }{ for marker(source) }
                </p>
            </div>
        },
        Block::List { lead, source, items } => list(lead, source, items),
        Block::Definitions { items } => html! {
            <dl class="definitions">
                { for items.iter().map(|item| html! {
                    <div class="definition" id={term_element_id(options, &item.term)} tabindex="-1">
                        <dt>{ text_node(item.term.clone()) }{ ":" }</dt>{ " " }
                        <dd>{ for rich_text(&item.definition, options) }{ for marker(&item.source) }</dd>
                    </div>
                }) }
            </dl>
        },
        Block::Subheading { heading } => {
            let tag = heading_tag(options.section_heading_level() + 1);
            html! { <@{tag} class="subheading">{ text_node(heading.clone()) }</@> }
        }
        Block::KeyFacts { heading, items } => {
            summary_box("key-facts", heading, false, list(&None, &None, items), options)
        }
        Block::Urgent {
            heading,
            lead,
            source,
            items,
        } => summary_box("urgent", heading, true, list(lead, source, items), options),
    }
}

/// A block shown above the sections and never collapsed: a region named by its
/// heading, so screen reader users find it in the landmarks list. The urgent box
/// carries an icon beside its heading, so it never relies on colour alone.
fn summary_box(
    class: &'static str,
    heading: &AttrValue,
    icon: bool,
    content: Html,
    options: &Options,
) -> Html {
    let heading_tag = heading_tag(options.section_heading_level());
    let heading_id = format!("{}{class}-heading", options.id_prefix);
    html! {
        <section {class} part={class} aria-labelledby={heading_id.clone()}>
            <@{heading_tag} class="summary-heading" id={heading_id}>
                if icon {
                    { warning_icon() }
                }
                { text_node(heading.clone()) }
            </@>
            { content }
        </section>
    }
}

/// A warning sign drawn in `currentColor` (the box's border colour, CanvasText
/// in forced colours, black on paper), so it shows in every theme. Decorative:
/// the heading says what it means.
fn warning_icon() -> Html {
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

/// " (Source: PI 6.1)" after content that is not from the base document:
/// visible text, so provenance never depends on colour. Nodes for `{ for ... }`
/// in the element that holds the content, so no list of their own is kept.
fn source_marker(source: Option<&SourceRef>, based_on: &str, language: Language) -> Vec<Html> {
    match source {
        Some(source) if source.doc != based_on => {
            let section = source
                .section
                .as_ref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            vec![
                text_node(" "),
                html! {
                    <span class="source-marker" part="source-marker" lang={language.tag()}>
                        { text_node(format!("({}: {}{section})", language.strings().source, source.doc)) }
                    </span>
                },
            ]
        }
        _ => Vec::new(),
    }
}
