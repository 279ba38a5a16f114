use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::{heading_tag, text_node};
use crate::hooks::use_options;
use crate::i18n::Language;

#[derive(Properties, PartialEq, Clone)]
pub struct AccordionSectionProps {
    pub id: AttrValue,
    pub heading: AttrValue,
    pub expanded: bool,
    pub on_toggle: Callback<()>,
    /// Language of the heading when it is the leaflet's own word ("Sources").
    #[prop_or_default]
    pub heading_lang: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// One accordion item, keyed by its id: interactive in the element, static in
/// the fallback. A function that picks the component, not a component itself:
/// each costs WASM memory for as long as the leaflet is shown.
pub fn accordion_section(interactive: bool, props: AccordionSectionProps) -> Html {
    let key = yew::virtual_dom::Key::from(props.id.as_str());
    if interactive {
        html! { <InteractiveSection {key} ..props /> }
    } else {
        html! {
            <StaticSection {key} id={props.id} heading={props.heading}>
                { props.children }
            </StaticSection>
        }
    }
}

/// A WAI-ARIA APG accordion item: a heading holding a button that shows and
/// hides its panel, which ends with "Link to this section".
#[function_component]
fn InteractiveSection(props: &AccordionSectionProps) -> Html {
    let options = use_options();
    let link_status = use_state(String::new);
    let heading_tag = heading_tag(options.section_heading_level());
    // Each id is written twice (the element's and the reference to it): one string.
    let button_id = AttrValue::from(format!("{}{}-button", options.id_prefix, props.id));
    let panel_id = AttrValue::from(format!("{}{}-panel", options.id_prefix, props.id));
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    // Enter and Space are handled here rather than left to the button's default
    // activation, so they behave the same for every input source; the default is
    // prevented so a key press never toggles twice. Arrow keys, Home and End move
    // between section buttons, as the APG accordion pattern suggests.
    let onkeydown = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" | " " => {
                event.prevent_default();
                if !event.repeat() {
                    on_toggle.emit(());
                }
            }
            key @ ("ArrowDown" | "ArrowUp" | "Home" | "End") if move_focus(&event, key) => {
                event.prevent_default();
            }
            _ => {}
        })
    };
    let onkeyup = Callback::from(|event: KeyboardEvent| {
        if event.key() == " " {
            event.prevent_default();
        }
    });
    // Closed panels stay findable: find in page and text fragments reveal them.
    // yew writes `hidden` as a boolean, so the effect sets its `until-found`
    // value; browsers without it treat the panel as plainly hidden.
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with(props.expanded, move |expanded| {
            if let (false, Some(panel)) = (*expanded, panel.cast::<Element>()) {
                let _ = panel.set_attribute("hidden", "until-found");
            }
        });
    }
    html! {
        <div class="section" data-section-id={props.id.clone()}>
            <@{heading_tag} class="section-heading">
                <button
                    type="button"
                    class="section-button"
                    part="section-button"
                    id={button_id.clone()}
                    aria-expanded={if props.expanded { "true" } else { "false" }}
                    aria-controls={panel_id.clone()}
                    {onclick}
                    {onkeydown}
                    {onkeyup}
                >
                    <span class="section-title" lang={props.heading_lang.clone()}>{ text_node(props.heading.clone()) }</span>
                    <span class="chevron" aria-hidden="true"></span>
                </button>
            </@>
            <div class="panel" part="panel" id={panel_id} aria-labelledby={button_id} hidden={!props.expanded} ref={panel}>
                { props.children.clone() }
                { section_link(&props.id, options.language, link_status) }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StaticSectionProps {
    id: AttrValue,
    heading: AttrValue,
    children: Html,
}

/// A section of the prerendered fallback: a plain heading and its content.
#[function_component]
fn StaticSection(props: &StaticSectionProps) -> Html {
    let options = use_options();
    let heading_tag = heading_tag(options.section_heading_level());
    let heading_id = format!("{}{}-heading", options.id_prefix, props.id);
    let panel_id = format!("{}{}-panel", options.id_prefix, props.id);
    html! {
        <section class="section" data-section-id={props.id.clone()} aria-labelledby={heading_id.clone()}>
            <@{heading_tag} class="section-heading" id={heading_id}>{ text_node(props.heading.clone()) }</@>
            <div class="panel" id={panel_id}>{ props.children.clone() }</div>
        </section>
    }
}

/// Focuses the next, previous, first or last section button; false if there is none.
fn move_focus(event: &KeyboardEvent, key: &str) -> bool {
    let Some(current) = event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return false;
    };
    let Some(list) = current.closest(".content").ok().flatten() else {
        return false;
    };
    let Ok(nodes) = list.query_selector_all(".section-button") else {
        return false;
    };
    let buttons: Vec<HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into().ok())
        .collect();
    let Some(here) = buttons.iter().position(|b| *b == current) else {
        return false;
    };
    let last = buttons.len() - 1;
    let next = match key {
        "ArrowDown" => (here + 1).min(last),
        "ArrowUp" => here.saturating_sub(1),
        "Home" => 0,
        _ => last,
    };
    buttons[next].focus().is_ok()
}

/// "Link to this section": copies the host page's URL with `#<section id>` (which
/// opens the section, see `use_deep_link`) and says so in `status`.
fn section_link(id: &AttrValue, language: Language, status: UseStateHandle<String>) -> Html {
    let strings = language.strings();
    let onclick = {
        let (id, status) = (id.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let page = window.location().href().unwrap_or_default();
            let url = format!("{}#{id}", page.split('#').next().unwrap_or_default());
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = copy_text(&window, &url).await;
                let label = if copied {
                    strings.link_copied
                } else {
                    strings.copy_this_link
                };
                status.set(format!("{label} {url}"));
            });
        })
    };
    html! {
        <p class="section-link" lang={language.tag()}>
            <button type="button" class="link-button" part="link-button" {onclick}>{ text_node(strings.link_to_section) }</button>
            { " " }
            <span class="link-status" role="status">{ (*status).clone() }</span>
        </p>
    }
}

/// Writes `text` to the clipboard where the page allows it (secure contexts).
async fn copy_text(window: &web_sys::Window, text: &str) -> bool {
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !available {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
