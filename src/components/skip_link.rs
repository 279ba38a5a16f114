use web_sys::HtmlElement;
use yew::prelude::*;

use super::text_node;
use crate::hooks::use_options;

#[derive(Properties, PartialEq)]
pub struct SkipLinkProps {
    /// The element (with `tabindex="-1"`) that receives focus.
    pub target: NodeRef,
}

/// The first focusable element of the leaflet. A fragment link cannot reach into
/// a shadow root from the host document, so the click moves focus in code; the
/// `href` keeps it a real link, which works natively in the light-DOM fallback.
#[function_component]
pub fn SkipLink(props: &SkipLinkProps) -> Html {
    let options = use_options();
    let onclick = {
        let target = props.target.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(target) = target.cast::<HtmlElement>() {
                // Focus can only fail on a detached node; nothing to do then.
                let _ = target.focus();
            }
        })
    };
    html! {
        <a class="skip-link" part="skip-link" lang={options.language.tag()} href={["#", &options.id_prefix, "leaflet-content"].concat()} {onclick}>
            { text_node(options.language.strings().skip_link) }
        </a>
    }
}
