use std::rc::Rc;

use yew::prelude::*;

use super::invalid_monograph::InvalidMonograph;
use super::leaflet::Leaflet;
use crate::controller::Controller;
use crate::monograph::model::Monograph;
use crate::monograph::validate::Problem;
use crate::options::Options;

/// What the element shows: a monograph, or why it cannot show one.
// One value per mounted element, moved rarely: boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Content {
    Monograph(Monograph),
    Invalid(Rc<[Problem]>),
}

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Content::Monograph(a), Content::Monograph(b)) => a == b,
            (Content::Invalid(a), Content::Invalid(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub content: Content,
    #[prop_or_default]
    pub options: Options,
    #[prop_or_default]
    pub controller: Controller,
    /// (section id, expanded) whenever a section opens or closes.
    #[prop_or_default]
    pub on_toggle: Callback<(AttrValue, bool)>,
    /// After a monograph is first shown, with its id.
    #[prop_or_default]
    pub on_ready: Callback<AttrValue>,
    /// Bumped when the content is replaced, so the accordion starts afresh.
    #[prop_or_default]
    pub revision: u32,
}

/// The root of a mounted `<drug-leaflet>`.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let body = match &props.content {
        Content::Monograph(monograph) => html! {
            <Leaflet
                key={props.revision}
                monograph={monograph.clone()}
                controller={props.controller.clone()}
                on_toggle={props.on_toggle.clone()}
                on_ready={props.on_ready.clone()}
            />
        },
        Content::Invalid(problems) => html! { <InvalidMonograph problems={Rc::clone(problems)} /> },
    };
    html! {
        <ContextProvider<Options> context={props.options.clone()}>
            { body }
        </ContextProvider<Options>>
    }
}
