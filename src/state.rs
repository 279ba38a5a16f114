//! Which accordion sections are open, and the actions that change it. Kept apart
//! from the view so the rules (first open at start, show all, hide all) are
//! plain data that host tests can check.

use std::rc::Rc;

use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accordion {
    open: Vec<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccordionAction {
    Toggle(usize),
    ExpandAll,
    CollapseAll,
}

impl Accordion {
    /// `count` sections with only the first open, as a reader first sees them.
    pub fn first_open(count: usize) -> Self {
        Accordion {
            open: (0..count).map(|i| i == 0).collect(),
        }
    }

    pub fn is_open(&self, index: usize) -> bool {
        self.open.get(index).copied().unwrap_or(false)
    }

    pub fn all_open(&self) -> bool {
        self.open.iter().all(|open| *open)
    }

    fn apply(&mut self, action: AccordionAction) {
        match action {
            AccordionAction::Toggle(index) => {
                if let Some(open) = self.open.get_mut(index) {
                    *open = !*open;
                }
            }
            AccordionAction::ExpandAll => self.open.fill(true),
            AccordionAction::CollapseAll => self.open.fill(false),
        }
    }
}

impl Reducible for Accordion {
    type Action = AccordionAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: Accordion, action: AccordionAction) -> Accordion {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn only_the_first_section_is_open_at_start() {
        let state = Accordion::first_open(3);
        assert!(state.is_open(0));
        assert!(!state.is_open(1) && !state.is_open(2));
        assert!(!state.all_open());
    }

    #[test]
    fn toggle_flips_one_section_and_ignores_unknown_ones() {
        let state = reduce(Accordion::first_open(3), AccordionAction::Toggle(2));
        assert!(state.is_open(0) && state.is_open(2) && !state.is_open(1));
        let state = reduce(state, AccordionAction::Toggle(0));
        assert!(!state.is_open(0));
        assert_eq!(reduce(state.clone(), AccordionAction::Toggle(9)), state);
    }

    #[test]
    fn expand_all_and_collapse_all() {
        let all = reduce(Accordion::first_open(4), AccordionAction::ExpandAll);
        assert!(all.all_open());
        let none = reduce(all, AccordionAction::CollapseAll);
        assert!((0..4).all(|i| !none.is_open(i)));
    }
}
