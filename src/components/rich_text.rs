use yew::prelude::*;

use crate::text::{segments, Segment};

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: AttrValue,
}

/// Monograph text with phone numbers made into `tel:` links.
#[function_component]
pub fn RichText(props: &RichTextProps) -> Html {
    segments(&props.text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Plain(text) => html! { { text.to_owned() } },
            Segment::Phone { shown, tel } => html! { <a href={tel}>{ shown.to_owned() }</a> },
        })
        .collect()
}
