use yew::prelude::*;

use super::text_node;
use crate::hooks::use_options;

#[derive(Properties, PartialEq)]
pub struct ShowAllProps {
    pub all_open: bool,
    pub on_show_all: Callback<()>,
    pub on_hide_all: Callback<()>,
}

/// GOV.UK's "Show all sections": one button whose label and `aria-expanded`
/// follow the sections.
#[function_component]
pub fn ShowAll(props: &ShowAllProps) -> Html {
    let language = use_options().language;
    let strings = language.strings();
    let (label, callback) = if props.all_open {
        (strings.hide_all, &props.on_hide_all)
    } else {
        (strings.show_all, &props.on_show_all)
    };
    let onclick = callback.reform(|_: MouseEvent| ());
    html! {
        <div class="show-all" lang={language.tag()}>
            <button type="button" class="show-all-button" part="show-all" aria-expanded={if props.all_open { "true" } else { "false" }} {onclick}>
                { text_node(label) }
            </button>
        </div>
    }
}
