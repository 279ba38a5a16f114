use yew::prelude::*;

use super::block_view::term_element_id;
use super::text_node;
use crate::monograph::markup::{runs, Run};
use crate::options::Options;
use crate::text::{segments, Segment};

/// Monograph text with phone numbers made into `tel:` links and `[[...]]` terms
/// into links to their definitions, as nodes for `{ for ... }` in the element
/// that holds the text. Memory, for as long as a leaflet is shown, decides the
/// form: a function, not a component (a leaflet has over a hundred texts, a
/// component costs about 0.7 KiB); one flat list of nodes, not a list a run
/// (each list costs about 0.1 KiB); bundled text shown from the WASM's data and
/// a host's text that needs no link sharing its string, neither copied.
pub fn rich_text(text: &AttrValue, options: &Options) -> Vec<Html> {
    match text {
        AttrValue::Static(text) => text_html(text, options, AttrValue::Static),
        AttrValue::Rc(whole) => text_html(whole, options, |part: &str| {
            if part.len() == whole.len() {
                text.clone()
            } else {
                AttrValue::from(part.to_owned())
            }
        }),
    }
}

fn text_html<'a>(text: &'a str, options: &Options, shown: impl Fn(&'a str) -> AttrValue) -> Vec<Html> {
    let mut nodes = Vec::new();
    for run in runs(text) {
        match run {
            Run::Plain(text) => nodes.extend(segments(text).into_iter().map(|segment| match segment {
                Segment::Plain(plain) => text_node(shown(plain)),
                Segment::Phone { shown: number, tel } => html! { <a href={tel}>{ text_node(shown(number)) }</a> },
            })),
            Run::Term { shown: words, term } => nodes.push(html! {
                <a class="term-link" href={format!("#{}", term_element_id(options, term))}>{ text_node(shown(words)) }</a>
            }),
        }
    }
    nodes
}
