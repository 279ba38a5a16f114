use yew::prelude::*;

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
    let onclick = if props.all_open {
        props.on_hide_all.reform(|_: MouseEvent| ())
    } else {
        props.on_show_all.reform(|_: MouseEvent| ())
    };
    let label = if props.all_open {
        "Hide all sections"
    } else {
        "Show all sections"
    };
    html! {
        <div class="show-all">
            <button type="button" class="show-all-button" aria-expanded={props.all_open.to_string()} {onclick}>
                { label }
            </button>
        </div>
    }
}
