//! drug-leaflet: a patient medication leaflet as a `<drug-leaflet>` custom
//! element, written with yew and compiled to WebAssembly. See ARCHITECTURE.md.

pub mod bundled;
pub mod components;
pub mod content;
pub mod controller;
#[cfg(target_arch = "wasm32")]
mod element;
pub mod events;
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod host_monograph;
pub mod i18n;
/// The monograph's model and rules, from the `drug-leaflet-monograph` crate.
pub use monograph;
pub mod options;
pub mod state;
pub mod text;

/// Talc instead of std's dlmalloc: about 1.3 KB brotli smaller in the WASM,
/// and it frees and merges blocks (leaflets mount and unmount: a bump
/// allocator would leak).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub use element::{define_element, yew_apps, TAG_NAME};
