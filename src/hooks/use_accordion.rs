use std::rc::Rc;

use yew::prelude::*;

use crate::controller::Controller;
use crate::monograph::model::Monograph;
use crate::options::Expanded;
use crate::state::Accordion;

/// The accordion's open sections: reachable from the element's JS API through
/// `controller`, and reported through `on_section_change(id, expanded)` whatever
/// changed them (a click, a key, `expandAll()`...).
#[hook]
pub fn use_accordion(
    monograph: &Monograph,
    expanded: Expanded,
    controller: &Controller,
    on_section_change: Callback<(AttrValue, bool)>,
) -> UseReducerHandle<Accordion> {
    let accordion = {
        let monograph = monograph.clone();
        use_reducer_eq(move || Accordion::for_monograph(&monograph, expanded))
    };
    {
        let handle = accordion.clone();
        use_effect_with(controller.clone(), move |controller| {
            controller.connect(Some(handle));
            let controller = controller.clone();
            move || controller.connect(None)
        });
    }
    let previous = use_mut_ref(|| Rc::new((*accordion).clone()));
    {
        let current = accordion.clone();
        use_effect_with(accordion.clone(), move |_| {
            let now = Rc::new((*current).clone());
            let before = std::mem::replace(&mut *previous.borrow_mut(), Rc::clone(&now));
            for change in now.changes_since(&before) {
                on_section_change.emit(change);
            }
        });
    }
    accordion
}
