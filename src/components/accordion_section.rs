use yew::prelude::*;

use crate::hooks::use_options;

#[derive(Properties, PartialEq)]
pub struct AccordionSectionProps {
    pub id: AttrValue,
    pub heading: AttrValue,
    pub expanded: bool,
    pub on_toggle: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

/// One WAI-ARIA APG accordion item: a heading holding a button that shows and
/// hides its panel. In the static fallback: a plain heading and its content.
#[function_component]
pub fn AccordionSection(props: &AccordionSectionProps) -> Html {
    let options = use_options();
    let heading_tag = format!("h{}", options.section_heading_level());
    let button_id = format!("{}{}-button", options.id_prefix, props.id);
    let panel_id = format!("{}{}-panel", options.id_prefix, props.id);
    if !options.interactive {
        let heading_id = format!("{}{}-heading", options.id_prefix, props.id);
        return html! {
            <section class="section" data-section-id={props.id.clone()} aria-labelledby={heading_id.clone()}>
                <@{heading_tag} class="section-heading" id={heading_id}>{ props.heading.clone() }</@>
                <div class="panel" id={panel_id}>{ props.children.clone() }</div>
            </section>
        };
    }
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    // Enter and Space are handled here rather than left to the button's default
    // activation, so they behave the same for every input source; the default is
    // prevented so a key press never toggles twice.
    let onkeydown = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |event: KeyboardEvent| {
            if matches!(event.key().as_str(), "Enter" | " ") {
                event.prevent_default();
                if !event.repeat() {
                    on_toggle.emit(());
                }
            }
        })
    };
    let onkeyup = Callback::from(|event: KeyboardEvent| {
        if event.key() == " " {
            event.prevent_default();
        }
    });
    html! {
        <div class="section" data-section-id={props.id.clone()}>
            <@{heading_tag} class="section-heading">
                <button
                    type="button"
                    class="section-button"
                    part="section-button"
                    id={button_id.clone()}
                    aria-expanded={props.expanded.to_string()}
                    aria-controls={panel_id.clone()}
                    {onclick}
                    {onkeydown}
                    {onkeyup}
                >
                    <span class="section-title">{ props.heading.clone() }</span>
                    <span class="chevron" aria-hidden="true"></span>
                </button>
            </@>
            <div class="panel" part="panel" id={panel_id} aria-labelledby={button_id} hidden={!props.expanded}>
                { props.children.clone() }
            </div>
        </div>
    }
}
