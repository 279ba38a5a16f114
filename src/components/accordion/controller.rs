//! Lets the element's JS API (`expandAll()`, `collapseAll()`, `open(id)`) reach
//! the accordion state that lives inside the yew app.

use std::cell::RefCell;
use std::rc::Rc;

use yew::{AttrValue, UseReducerHandle};

use super::state::{Accordion, AccordionAction};

#[derive(Clone, Default)]
pub struct Controller {
    /// The handle of the leaflet's first render: its sections never change while
    /// it is mounted (new content mounts a new leaflet, which connects anew), and
    /// dispatching through any handle reaches the current state.
    accordion: Rc<RefCell<Option<UseReducerHandle<Accordion>>>>,
}

/// One controller a mounted element: equal only to itself, so passing it as a
/// prop never re-renders anything.
impl PartialEq for Controller {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.accordion, &other.accordion)
    }
}

impl Controller {
    pub fn connect(&self, accordion: Option<UseReducerHandle<Accordion>>) {
        *self.accordion.borrow_mut() = accordion;
    }

    /// Sends `action` to the accordion; false when no leaflet is showing.
    pub fn dispatch(&self, action: AccordionAction) -> bool {
        match self.accordion.borrow().as_ref() {
            Some(accordion) => {
                accordion.dispatch(action);
                true
            }
            None => false,
        }
    }

    /// Opens section `id`; false when no leaflet is showing or it has no such section.
    pub fn open(&self, id: &str) -> bool {
        let known = self.accordion.borrow().as_ref().is_some_and(|a| a.has(id));
        known && self.dispatch(AccordionAction::Open(AttrValue::from(id.to_owned())))
    }
}
