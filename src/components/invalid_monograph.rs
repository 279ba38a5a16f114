use std::rc::Rc;

use yew::prelude::*;

use super::text_node;
use crate::content::DRUG_PATH;
use crate::hooks::use_options;
use crate::monograph::validate::Problem;

#[derive(Properties, PartialEq)]
pub struct InvalidMonographProps {
    pub problems: Rc<[Problem]>,
}

/// Shown instead of a leaflet whose data is wrong or could not be loaded: a
/// patient must never see a half-checked leaflet, and the integrator must see
/// why. What the host pasted inside the element stays readable below.
#[function_component]
pub fn InvalidMonograph(props: &InvalidMonographProps) -> Html {
    let language = use_options().language;
    let strings = language.strings();
    let not_loaded = props
        .problems
        .first()
        .is_some_and(|problem| problem.path == DRUG_PATH);
    html! {
        <>
            <div class="alert" role="alert" part="alert" lang={language.tag()}>
                <p>{ text_node(if not_loaded { strings.not_loaded } else { strings.invalid_monograph }) }</p>
                <ul>
                    { for props.problems.iter().map(|problem| html! { <li>{ text_node(problem.line()) }</li> }) }
                </ul>
            </div>
            <slot />
        </>
    }
}
