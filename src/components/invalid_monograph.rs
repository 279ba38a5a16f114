use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_options;
use crate::monograph::validate::Problem;

#[derive(Properties, PartialEq)]
pub struct InvalidMonographProps {
    pub problems: Rc<[Problem]>,
}

/// Shown instead of a leaflet whose data is wrong: a patient must never see a
/// half-checked leaflet, and the integrator must see why.
#[function_component]
pub fn InvalidMonograph(props: &InvalidMonographProps) -> Html {
    let language = use_options().language;
    let strings = language.strings();
    html! {
        <div class="alert" role="alert" part="alert" lang={language.tag()}>
            <p>{ strings.invalid_monograph }</p>
            <ul>
                { for props.problems.iter().map(|problem| html! { <li>{ problem.to_string() }</li> }) }
            </ul>
        </div>
    }
}
