//! End-to-end tests of the built `dist/` on the host pages in `tests/pages/`, in
//! real browsers through WebDriver, and the npm package in apps built with
//! Vite and webpack (`bundlers`). They need `dist/` and the browsers, so
//! `cargo test` skips them and `cargo xtask test` runs them
//! (`cargo test -p drug-leaflet-e2e -- --ignored`).

mod accessibility;
mod clinical;
mod common;
mod crash;
mod door;
mod embedding;
mod epi;
mod fallback;
#[path = "../fixtures/mod.rs"]
mod fixtures;
mod harness;
mod injection;
mod keyboard;
mod links;
mod no_webassembly;
mod on_demand;
mod package;
mod read_aloud;
mod review_sheet;
mod snippet;
mod spl;

/// One `#[tokio::test]` a test and a browser, in a module named after the browser.
macro_rules! in_browsers {
    ($($theme:ident::$test:ident),* $(,)?) => {
        in_browsers!(@browser chromium, Chromium: $($theme::$test),*);
        in_browsers!(@browser firefox, Firefox: $($theme::$test),*);
        in_browsers!(@browser webkit, WebKit: $($theme::$test),*);
    };
    (@browser $module:ident, $browser:ident: $($theme:ident::$test:ident),*) => {
        mod $module {
            $(
                #[tokio::test]
                #[ignore = "needs dist/ and browsers: run `cargo xtask test`"]
                async fn $test() {
                    crate::$theme::$test(crate::harness::Browser::$browser).await;
                }
            )*
        }
    };
}

in_browsers!(
    embedding::plain_page,
    embedding::strict_csp,
    embedding::trusted_types,
    embedding::hostile_css,
    embedding::two_instances,
    embedding::moved_between_parents,
    embedding::invalid_monograph,
    embedding::property_set_before_definition,
    door::the_door_loads_once_on_first_use,
    door::a_broken_door_is_named_and_the_leaflet_carries_on,
    fallback::fallback_without_webassembly,
    fallback::fallback_when_a_file_is_broken,
    fallback::fallback_without_javascript,
    fallback::fallback_is_replaced_by_the_leaflet,
    fallback::fallback_state_carries_over_on_upgrade,
    fallback::fallback_follows_a_link_to_a_section,
    snippet::fallback_snippet_is_pinned_and_accessible,
    no_webassembly::text_version_without_webassembly,
    crash::a_crash_leaves_every_leaflet_readable,
    accessibility::accessibility,
    accessibility::urgent_box_in_every_state,
    accessibility::landmarks_are_unique_with_two_leaflets,
    accessibility::targets_and_focus_at_320_px_and_200_percent_text,
    clinical::urgent_contact,
    clinical::urgent_contact_in_the_fallback,
    clinical::sources_told_once_a_section,
    keyboard::keyboard_walkthrough,
    links::deep_links,
    injection::injection_corpus,
    epi::imported_epi_leaflets,
    spl::imported_spl_leaflets,
    on_demand::a_slow_drug_shows_loading_then_its_leaflet,
    on_demand::elements_asking_for_one_drug_share_its_request,
    on_demand::the_loader_fetches_a_named_drug_beside_the_wasm,
    on_demand::a_malformed_pin_is_refused_before_any_request,
    on_demand::a_pin_set_while_the_file_loads_decides,
    on_demand::switching_to_the_bundled_drug_and_back_fetches_nothing,
    on_demand::the_listed_integrity_pins_the_file,
    on_demand::lang_shows_the_drugs_leaflet_in_that_language,
    on_demand::each_failure_names_the_drug_and_the_reason,
    on_demand::a_csp_blocking_the_data_file_is_named,
    on_demand::demo_portal,
);

/// The npm package in the apps that bundle it: Chromium is enough to show what
/// the bundlers emitted (the leaflet itself runs in every browser above).
mod bundlers {
    #[tokio::test]
    #[ignore = "needs the bundled apps and Chromium: run `cargo xtask test`"]
    async fn vite_app() {
        crate::package::bundled_app("vite-app").await;
    }

    #[tokio::test]
    #[ignore = "needs the bundled apps and Chromium: run `cargo xtask test`"]
    async fn webpack_app() {
        crate::package::bundled_app("webpack-app").await;
    }

    #[tokio::test]
    #[ignore = "needs the bundled apps and Chromium: run `cargo xtask test`"]
    async fn webpack_app_awaits_define_element() {
        crate::package::define_element_resolves().await;
    }
}

/// A WASM 10 s late: 10 s of one test thread, so in one engine; the phone's
/// first screen needs Chromium's device emulation, print media its emulation;
/// read aloud runs on a scripted engine, the same in every browser.
mod only_chromium {
    in_browsers!(@browser chromium, Chromium:
        fallback::fallback_while_the_wasm_is_late,
        snippet::fallback_snippet_prints_every_section_without_javascript,
        snippet::fallback_snippet_prints_every_section_before_the_wasm,
        clinical::phone_first_screen,
        review_sheet::review_sheet,
        read_aloud::listen_reads_the_urgent_box_with_a_local_voice
    );
}
