//! Lets the element's JS API (`expandAll()`, `collapseAll()`, `open(id)`) reach
//! the accordion state that lives inside the yew app.

use std::cell::RefCell;
use std::rc::Rc;

use yew::UseReducerDispatcher;

use crate::state::{Accordion, AccordionAction};

#[derive(Clone, Default)]
pub struct Controller {
    dispatcher: Rc<RefCell<Option<UseReducerDispatcher<Accordion>>>>,
}

/// One controller a mounted element: equal only to itself, so passing it as a
/// prop never re-renders anything.
impl PartialEq for Controller {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dispatcher, &other.dispatcher)
    }
}

impl Controller {
    pub fn connect(&self, dispatcher: Option<UseReducerDispatcher<Accordion>>) {
        *self.dispatcher.borrow_mut() = dispatcher;
    }

    /// Sends `action` to the accordion; false when no leaflet is showing.
    pub fn dispatch(&self, action: AccordionAction) -> bool {
        match self.dispatcher.borrow().as_ref() {
            Some(dispatcher) => {
                dispatcher.dispatch(action);
                true
            }
            None => false,
        }
    }
}
