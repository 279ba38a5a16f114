use std::rc::Rc;

use yew::prelude::*;

use crate::controller::Controller;
use crate::options::Expanded;
use crate::state::Accordion;

/// The accordion's open sections: reachable from the element's JS API through
/// `controller`, and reported through `on_change(index, expanded)` whatever
/// changed them (a click, a key, `expandAll()`...).
#[hook]
pub fn use_accordion(
    count: usize,
    expanded: Expanded,
    controller: &Controller,
    on_change: Callback<(usize, bool)>,
) -> UseReducerHandle<Accordion> {
    let accordion = use_reducer_eq(|| Accordion::new(count, expanded));
    {
        let dispatcher = accordion.dispatcher();
        use_effect_with(controller.clone(), move |controller| {
            controller.connect(Some(dispatcher));
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
                on_change.emit(change);
            }
        });
    }
    accordion
}
