//! Which accordion sections are open, and the actions that change it. Kept apart
//! from the view so the rules (first open at start, show all, hide all) are
//! plain data that host tests can check.

use std::rc::Rc;

use yew::Reducible;

use crate::options::Expanded;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accordion {
    open: Vec<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccordionAction {
    Toggle(usize),
    Open(usize),
    /// Exactly these sections open (a reader's remembered state).
    Restore(Vec<usize>),
    ExpandAll,
    CollapseAll,
}

impl Accordion {
    /// `count` sections, open as the `expanded` attribute asks.
    pub fn new(count: usize, expanded: Expanded) -> Self {
        Accordion {
            open: (0..count)
                .map(|i| match expanded {
                    Expanded::First => i == 0,
                    Expanded::All => true,
                    Expanded::None => false,
                })
                .collect(),
        }
    }

    /// Sections whose state differs from `previous`, with their new state.
    pub fn changes_since<'a>(&'a self, previous: &'a Accordion) -> impl Iterator<Item = (usize, bool)> + 'a {
        self.open
            .iter()
            .zip(&previous.open)
            .enumerate()
            .filter(|(_, (now, before))| now != before)
            .map(|(index, (now, _))| (index, *now))
    }

    pub fn is_open(&self, index: usize) -> bool {
        self.open.get(index).copied().unwrap_or(false)
    }

    /// Indexes of the open sections.
    pub fn open_indexes(&self) -> Vec<usize> {
        (0..self.open.len()).filter(|&i| self.open[i]).collect()
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
            AccordionAction::Open(index) => {
                if let Some(open) = self.open.get_mut(index) {
                    *open = true;
                }
            }
            AccordionAction::Restore(open) => {
                self.open.fill(false);
                for index in open {
                    if let Some(section) = self.open.get_mut(index) {
                        *section = true;
                    }
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
        let state = Accordion::new(3, Expanded::First);
        assert!(state.is_open(0));
        assert!(!state.is_open(1) && !state.is_open(2));
        assert!(!state.all_open());
    }

    #[test]
    fn toggle_flips_one_section_and_ignores_unknown_ones() {
        let state = reduce(Accordion::new(3, Expanded::First), AccordionAction::Toggle(2));
        assert!(state.is_open(0) && state.is_open(2) && !state.is_open(1));
        let state = reduce(state, AccordionAction::Toggle(0));
        assert!(!state.is_open(0));
        assert_eq!(reduce(state.clone(), AccordionAction::Toggle(9)), state);
    }

    #[test]
    fn the_expanded_attribute_sets_the_start() {
        assert!(Accordion::new(3, Expanded::All).all_open());
        let none = Accordion::new(3, Expanded::None);
        assert!((0..3).all(|i| !none.is_open(i)));
    }

    #[test]
    fn open_opens_without_toggling_and_changes_are_reported() {
        let before = Accordion::new(3, Expanded::First);
        let after = reduce(before.clone(), AccordionAction::Open(0));
        assert_eq!(after, before, "an open section stays open");
        let after = reduce(before.clone(), AccordionAction::Open(2));
        assert_eq!(after.changes_since(&before).collect::<Vec<_>>(), [(2, true)]);
        let all = reduce(after.clone(), AccordionAction::CollapseAll);
        assert_eq!(
            all.changes_since(&after).collect::<Vec<_>>(),
            [(0, false), (2, false)]
        );
    }

    #[test]
    fn restore_opens_exactly_the_remembered_sections() {
        let state = reduce(
            Accordion::new(4, Expanded::First),
            AccordionAction::Restore(vec![1, 3, 9]),
        );
        assert_eq!(state.open_indexes(), [1, 3]);
    }

    #[test]
    fn expand_all_and_collapse_all() {
        let all = reduce(Accordion::new(4, Expanded::First), AccordionAction::ExpandAll);
        assert!(all.all_open());
        let none = reduce(all, AccordionAction::CollapseAll);
        assert!((0..4).all(|i| !none.is_open(i)));
    }
}
