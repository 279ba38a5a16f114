//! Which accordion sections are open, keyed by section id, whether each
//! line's source marker shows, and the last "Link to this section" answer;
//! and the actions that change them. Kept apart from the view so the rules
//! (first open at start, show all, hide all, the host's choice of markers
//! replacing the reader's) are plain data that host tests can check.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::monograph::model::Monograph;
use crate::options::Expanded;

pub use crate::monograph::model::SOURCES_SECTION_ID;

/// In a `crash-test` build, toggling this section panics.
#[cfg(feature = "crash-test")]
pub const CRASH_TEST_SECTION: &str = "storage";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accordion {
    /// Every section in order, with whether it is open.
    sections: Vec<(AttrValue, bool)>,
    /// The host's `sources` value (inline or not), and the reader's choice
    /// ("Show the source of each line") since that value last changed.
    host_sources: bool,
    reader_sources: Option<bool>,
    /// What "Link to this section" last said, under which section.
    link_status: Option<(AttrValue, AttrValue)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccordionAction {
    Toggle(AttrValue),
    Open(AttrValue),
    /// Exactly these sections open (a reader's remembered state).
    Restore(Vec<AttrValue>),
    ExpandAll,
    CollapseAll,
    /// The host's `sources` value: it replaces the reader's choice.
    HostSources(bool),
    /// The reader ticked (true) or unticked the markers' checkbox.
    ReaderSources(bool),
    /// "Link to this section" answered: (section id, what it says).
    LinkStatus(AttrValue, AttrValue),
}

impl Accordion {
    /// The monograph's sections and then Sources, open as `expanded` asks,
    /// with the markers as the host's `sources` says.
    pub fn for_monograph(monograph: &Monograph, expanded: Expanded, sources_inline: bool) -> Self {
        let ids = monograph
            .sections
            .iter()
            .map(|section| section.id.clone())
            .chain([AttrValue::Static(SOURCES_SECTION_ID)]);
        Accordion {
            host_sources: sources_inline,
            ..Accordion::new(ids, expanded)
        }
    }

    pub fn new(ids: impl IntoIterator<Item = AttrValue>, expanded: Expanded) -> Self {
        let sections = ids
            .into_iter()
            .enumerate()
            .map(|(i, id)| (id, expanded.opens(i)))
            .collect();
        Accordion {
            sections,
            host_sources: false,
            reader_sources: None,
            link_status: None,
        }
    }

    /// Sections whose state differs from `previous`, with their new state.
    pub fn changes_since<'a>(
        &'a self,
        previous: &'a Accordion,
    ) -> impl Iterator<Item = (AttrValue, bool)> + 'a {
        self.sections
            .iter()
            .zip(&previous.sections)
            .filter(|((_, now), (_, before))| now != before)
            .map(|((id, now), _)| (id.clone(), *now))
    }

    pub fn has(&self, id: &str) -> bool {
        self.sections.iter().any(|(section, _)| section == id)
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.sections.iter().any(|(section, open)| *open && section == id)
    }

    /// Ids of the open sections, in order.
    pub fn open_ids(&self) -> impl Iterator<Item = &AttrValue> {
        self.sections.iter().filter(|(_, open)| *open).map(|(id, _)| id)
    }

    pub fn all_open(&self) -> bool {
        self.sections.iter().all(|(_, open)| *open)
    }

    /// Whether each line's source marker shows: the reader's choice, else the host's.
    pub fn sources_inline(&self) -> bool {
        self.reader_sources.unwrap_or(self.host_sources)
    }

    pub fn host_sources(&self) -> bool {
        self.host_sources
    }

    /// The reader's new choice of markers, if they made one since `previous`.
    pub fn reader_sources_since(&self, previous: &Accordion) -> Option<bool> {
        self.reader_sources
            .filter(|_| self.reader_sources != previous.reader_sources)
    }

    /// What "Link to this section" last said: (section id, text).
    pub fn link_status(&self) -> Option<(&AttrValue, &AttrValue)> {
        self.link_status.as_ref().map(|(id, text)| (id, text))
    }

    fn section(&mut self, id: &str) -> Option<&mut bool> {
        self.sections
            .iter_mut()
            .find(|(section, _)| section == id)
            .map(|(_, open)| open)
    }

    pub fn apply(&mut self, action: AccordionAction) {
        match action {
            AccordionAction::Toggle(id) => {
                #[cfg(feature = "crash-test")]
                if id == CRASH_TEST_SECTION {
                    panic!("crash-test build: toggling {id} panics");
                }
                if let Some(open) = self.section(&id) {
                    *open = !*open;
                }
            }
            AccordionAction::Open(id) => {
                if let Some(open) = self.section(&id) {
                    *open = true;
                }
            }
            AccordionAction::Restore(ids) => {
                for (id, open) in &mut self.sections {
                    *open = ids.contains(id);
                }
            }
            AccordionAction::ExpandAll => self.sections.iter_mut().for_each(|(_, open)| *open = true),
            AccordionAction::CollapseAll => self.sections.iter_mut().for_each(|(_, open)| *open = false),
            AccordionAction::HostSources(inline) => {
                self.host_sources = inline;
                self.reader_sources = None;
            }
            AccordionAction::ReaderSources(inline) => self.reader_sources = Some(inline),
            AccordionAction::LinkStatus(id, text) => self.link_status = Some((id, text)),
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

    fn three(expanded: Expanded) -> Accordion {
        Accordion::new(["a", "b", "c"].map(AttrValue::Static), expanded)
    }

    fn reduce(state: Accordion, action: AccordionAction) -> Accordion {
        (*Rc::new(state).reduce(action)).clone()
    }

    fn id(id: &'static str) -> AttrValue {
        AttrValue::Static(id)
    }

    #[test]
    fn only_the_first_section_is_open_at_start() {
        let state = three(Expanded::First);
        assert!(state.is_open("a"));
        assert!(!state.is_open("b") && !state.is_open("c"));
        assert!(!state.all_open());
    }

    #[test]
    fn toggle_flips_one_section_and_ignores_unknown_ones() {
        let state = reduce(three(Expanded::First), AccordionAction::Toggle(id("c")));
        assert!(state.is_open("a") && state.is_open("c") && !state.is_open("b"));
        let state = reduce(state, AccordionAction::Toggle(id("a")));
        assert!(!state.is_open("a"));
        assert_eq!(reduce(state.clone(), AccordionAction::Toggle(id("zz"))), state);
        assert!(!state.has("zz") && state.has("b"));
    }

    #[test]
    fn the_expanded_attribute_sets_the_start() {
        assert!(three(Expanded::All).all_open());
        assert_eq!(three(Expanded::None).open_ids().count(), 0);
    }

    #[test]
    fn open_opens_without_toggling_and_changes_are_reported_by_id() {
        let before = three(Expanded::First);
        let after = reduce(before.clone(), AccordionAction::Open(id("a")));
        assert_eq!(after, before, "an open section stays open");
        let after = reduce(before.clone(), AccordionAction::Open(id("c")));
        assert_eq!(
            after.changes_since(&before).collect::<Vec<_>>(),
            [(id("c"), true)]
        );
        let none = reduce(after.clone(), AccordionAction::CollapseAll);
        assert_eq!(
            none.changes_since(&after).collect::<Vec<_>>(),
            [(id("a"), false), (id("c"), false)]
        );
    }

    #[test]
    fn restore_opens_exactly_the_remembered_sections() {
        let state = reduce(
            three(Expanded::First),
            AccordionAction::Restore(vec![id("b"), id("c"), id("gone")]),
        );
        assert_eq!(state.open_ids().cloned().collect::<Vec<_>>(), [id("b"), id("c")]);
    }

    #[test]
    fn expand_all_and_collapse_all() {
        let all = reduce(three(Expanded::First), AccordionAction::ExpandAll);
        assert!(all.all_open());
        let none = reduce(all, AccordionAction::CollapseAll);
        assert_eq!(none.open_ids().count(), 0);
    }

    #[test]
    fn a_monograph_gives_its_sections_then_sources() {
        let monograph = crate::bundled::by_id(crate::bundled::DEFAULT_ID).expect("bundled");
        let state = Accordion::for_monograph(&monograph, Expanded::All, false);
        let ids: Vec<AttrValue> = state.open_ids().cloned().collect();
        assert_eq!(ids.first().map(AttrValue::as_str), Some("what-is-nusinersen"));
        assert_eq!(ids.last().map(AttrValue::as_str), Some(SOURCES_SECTION_ID));
        assert_eq!(ids.len(), monograph.sections.len() + 1);
    }

    #[test]
    fn the_host_sets_the_markers_the_reader_may_change_them_until_the_host_changes_again() {
        let host_inline = Accordion {
            host_sources: true,
            ..three(Expanded::First)
        };
        assert!(host_inline.sources_inline());
        let hidden = reduce(host_inline.clone(), AccordionAction::ReaderSources(false));
        assert!(!hidden.sources_inline());
        assert_eq!(hidden.reader_sources_since(&host_inline), Some(false));
        assert_eq!(hidden.reader_sources_since(&hidden), None, "reported once");
        let host_again = reduce(hidden.clone(), AccordionAction::HostSources(true));
        assert!(host_again.sources_inline());
        assert_eq!(
            host_again.reader_sources_since(&hidden),
            None,
            "the host's change is not the reader's"
        );
        assert_eq!(host_again.open_ids().count(), 1, "sections untouched");
    }

    #[test]
    fn a_link_status_is_kept_under_its_section() {
        let state = reduce(
            three(Expanded::First),
            AccordionAction::LinkStatus(id("b"), id("Link copied: https://example.org/#b")),
        );
        assert_eq!(
            state.link_status(),
            Some((&id("b"), &id("Link copied: https://example.org/#b")))
        );
    }
}
