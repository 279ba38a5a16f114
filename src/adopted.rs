//! What a reader did in the pasted fallback before the WASM arrived: which of
//! its native disclosures they opened or closed (by hand, by find in page or
//! by a deep link), which section's summary had focus, and where they were
//! reading. Read once, as the element mounts and before its shadow root hides
//! the fallback, so the leaflet takes over where the reader was.

use yew::AttrValue;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Adopted {
    /// The open sections, when they differ from the fallback's start (the
    /// first open, as the element's default): the reader changed them.
    pub open: Option<Vec<AttrValue>>,
    /// The section whose summary had focus.
    pub focused: Option<AttrValue>,
    /// The section the viewport's top was in, and its top's distance from
    /// the viewport's top.
    pub anchor: Option<(AttrValue, f64)>,
}

#[cfg(target_arch = "wasm32")]
impl Adopted {
    /// The state of the fallback inside `host`; `None` without one.
    pub fn read(host: &web_sys::HtmlElement) -> Option<Adopted> {
        use wasm_bindgen::JsCast;
        // The fallback is the host's own markup, written by the prerender:
        // found by its attributes, as no handle to it exists.
        let sections = host.query_selector_all("details[data-section-id]").ok()?;
        let focus = host
            .owner_document()
            .and_then(|document| document.active_element());
        let mut adopted = Adopted::default();
        let (mut open, mut changed) = (Vec::new(), false);
        for index in 0..sections.length() {
            let Some(section) = sections
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let Some(id) = section.get_attribute("data-section-id").map(AttrValue::from) else {
                continue;
            };
            let is_open = section.has_attribute("open");
            changed |= is_open != (index == 0);
            if focus.as_ref().is_some_and(|focus| section.contains(Some(focus))) {
                adopted.focused = Some(id.clone());
            }
            let rect = section.get_bounding_client_rect();
            if adopted.anchor.is_none() && rect.top() <= 0.0 && rect.bottom() > 0.0 {
                adopted.anchor = Some((id.clone(), rect.top()));
            }
            if is_open {
                open.push(id);
            }
        }
        if sections.length() == 0 {
            return None;
        }
        adopted.open = changed.then_some(open);
        Some(adopted)
    }
}
