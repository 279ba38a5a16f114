use wasm_bindgen::prelude::*;
use web_sys::{Event, EventTarget};

/// An event listener that is removed when dropped: return it from an effect's
/// cleanup so a leaflet leaves no listener behind on the host page.
pub struct EventListener {
    target: EventTarget,
    event: &'static str,
    callback: Closure<dyn Fn(Event)>,
}

impl EventListener {
    pub fn new(
        target: &EventTarget,
        event: &'static str,
        handler: impl Fn(Event) + 'static,
    ) -> EventListener {
        let callback = Closure::<dyn Fn(Event)>::new(handler);
        // Adding fails only for a target that is gone; there is nothing to hear then.
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        EventListener {
            target: target.clone(),
            event,
            callback,
        }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event, self.callback.as_ref().unchecked_ref());
    }
}
