use yew::prelude::*;

use crate::adopted::Adopted;
use crate::components::accordion::AccordionControls;

/// The leaflet takes over where the reader was in the pasted fallback: the
/// section they were reading stays where it was in the viewport, and the
/// section whose summary had focus gives focus to its button.
#[hook]
pub fn use_adopted_place(adopted: Option<Adopted>, controls: AccordionControls) {
    use_effect_with((), move |_| {
        let Some(adopted) = adopted else {
            return;
        };
        if let (Some((id, top)), Some(window)) = (&adopted.anchor, web_sys::window()) {
            if let Some(section) = controls.section_element(id) {
                let moved = section.get_bounding_client_rect().top() - top;
                window.scroll_by_with_x_and_y(0.0, moved);
            }
        }
        if let Some(button) = adopted.focused.and_then(|id| controls.section_button(&id)) {
            let _ = button.focus();
        }
    });
}
