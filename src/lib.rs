//! drug-leaflet: a patient medication leaflet as a `<drug-leaflet>` custom
//! element, written with yew and compiled to WebAssembly. See ARCHITECTURE.md.

pub mod bundled;
pub mod components;
pub mod console;
pub mod content;
#[cfg(target_arch = "wasm32")]
pub mod door;
#[cfg(target_arch = "wasm32")]
mod element;
pub mod events;
pub mod hooks;
pub mod i18n;
/// The monograph's model and rules, from the `drug-leaflet-monograph` crate.
pub use monograph;
#[cfg(target_arch = "wasm32")]
mod monograph_object;
pub mod options;
mod static_markup;
pub mod text;

/// dist/'s allocator (the `small-allocator` feature): talc, a smaller WASM
/// than std's dlmalloc.
#[cfg(all(feature = "small-allocator", target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub use element::{define_element, yew_apps, TAG_NAME};
