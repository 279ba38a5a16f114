use yew::prelude::*;

use super::block_view::term_element_id;
use crate::hooks::use_options;
use crate::monograph::markup::{runs, Run};
use crate::text::{segments, Segment};

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: AttrValue,
}

/// Monograph text with phone numbers made into `tel:` links and `[[...]]` terms
/// into links to their definitions.
#[function_component]
pub fn RichText(props: &RichTextProps) -> Html {
    let options = use_options();
    runs(&props.text)
        .map(|run| match run {
            Run::Plain(text) => segments(text)
                .into_iter()
                .map(|segment| match segment {
                    Segment::Plain(text) => html! { { text.to_owned() } },
                    Segment::Phone { shown, tel } => html! { <a href={tel}>{ shown.to_owned() }</a> },
                })
                .collect::<Html>(),
            Run::Term { shown, term } => html! {
                <a class="term-link" href={format!("#{}", term_element_id(&options, term))}>{ shown.to_owned() }</a>
            },
        })
        .collect()
}
