//! `console_error_panic_hook` 0.1.7, as yew installs it, with one change: in a
//! build whose panics abort at once (`-Cpanic=immediate-abort`, dist/'s WASM)
//! the hook is empty. There std never calls a panic hook, but the real one
//! still ships, and with it all of `core::fmt` (it writes the panic's message
//! and location): about 1 KB brotli. Every other build (the browser tests, a
//! dist without `rust-src`) logs panics to `console.error` as the original does.

use std::panic::PanicHookInfo;

#[cfg(all(target_arch = "wasm32", not(panic = "immediate-abort")))]
mod console {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console)]
        pub fn error(msg: String);

        pub type Error;

        #[wasm_bindgen(constructor)]
        pub fn new() -> Error;

        #[wasm_bindgen(structural, method, getter)]
        pub fn stack(error: &Error) -> String;
    }
}

#[cfg(all(target_arch = "wasm32", not(panic = "immediate-abort")))]
fn hook_impl(info: &PanicHookInfo) {
    let mut msg = info.to_string();
    // The stack in the message itself: not every console shows the stack of
    // `console.error`, and Firefox's cleans up Rust symbols in it.
    msg.push_str("\n\nStack:\n\n");
    msg.push_str(&console::Error::new().stack());
    // Safari's devtools rewrite logged messages; trailing white space breaks
    // their heuristics (rustwasm/console_error_panic_hook#7).
    msg.push_str("\n\n");
    console::error(msg);
}

#[cfg(all(not(target_arch = "wasm32"), not(panic = "immediate-abort")))]
fn hook_impl(info: &PanicHookInfo) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "{info}");
}

/// Never called: a panic aborts before any hook runs.
#[cfg(panic = "immediate-abort")]
fn hook_impl(_: &PanicHookInfo) {}

/// A panic hook for `std::panic::set_hook` that logs panics to
/// `console.error` (on other targets, to stderr).
pub fn hook(info: &PanicHookInfo) {
    hook_impl(info);
}

/// Sets the hook the first time it is called; later calls do nothing.
#[inline]
pub fn set_once() {
    use std::sync::Once;
    static SET_HOOK: Once = Once::new();
    SET_HOOK.call_once(|| {
        std::panic::set_hook(Box::new(hook));
    });
}
