use std::rc::Rc;

use yew::prelude::*;

use super::accordion::Controller;
use super::invalid_monograph::InvalidMonograph;
use super::leaflet::Leaflet;
use super::text_node;
use crate::content::Content;
use crate::monograph::decimal::decimal;
use crate::options::Options;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub content: Content,
    #[prop_or_default]
    pub options: Options,
    #[prop_or_default]
    pub controller: Controller,
    /// (section id, expanded) whenever a section opens or closes.
    #[prop_or_default]
    pub on_section_change: Callback<(AttrValue, bool)>,
    /// After a monograph is first shown, with its id.
    #[prop_or_default]
    pub on_ready: Callback<AttrValue>,
    /// Whenever the reader shows or hides each line's source marker.
    #[prop_or_default]
    pub on_sources_change: Callback<bool>,
    /// Changed when the content is replaced or an app parked by one element
    /// shows another's, so the accordion starts afresh.
    #[prop_or_default]
    pub revision: usize,
    /// The sections (ids, space-separated) the reader left open in the pasted
    /// fallback: the leaflet starts with them.
    #[prop_or_default]
    pub fallback_open: Option<AttrValue>,
}

/// The root of a mounted `<drug-leaflet>`.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let body = match &props.content {
        Content::Monograph(monograph) => html! {
            <Leaflet
                key={decimal(props.revision)}
                monograph={monograph.clone()}
                controller={props.controller.clone()}
                on_section_change={props.on_section_change.clone()}
                on_ready={props.on_ready.clone()}
                on_sources_change={props.on_sources_change.clone()}
                fallback_open={props.fallback_open.clone()}
            />
        },
        Content::Invalid(problems) => html! { <InvalidMonograph problems={Rc::clone(problems)} /> },
        // The host's pasted fallback, or a status line, until the data arrives.
        Content::Loading { pasted: true, .. } => html! { <slot /> },
        Content::Loading { pasted: false, .. } | Content::Reading => {
            let language = props.options.language;
            html! { <p class="loading" role="status" lang={language.tag()}>{ text_node(language.strings().loading) }</p> }
        }
        Content::Nothing => return Html::default(),
    };
    html! {
        <ContextProvider<Options> context={props.options.clone()}>
            { body }
        </ContextProvider<Options>>
    }
}
