//! "What changed since you last read": the sections the monograph's revisions
//! changed after the reader's last visit (the host's `last-read`, or with
//! `remember="local"` the last revision this browser showed), marked by their
//! headings and named, as buttons that open them, in one line under the header.

use std::rc::Rc;

use yew::prelude::*;

use super::text_node;
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::date::IsoDate;
use crate::monograph::model::Monograph;
use crate::options::{Options, Remember};
use crate::static_markup::Markup;

/// A section changed since the last reading, and its latest change's date.
#[derive(Clone, Debug, PartialEq)]
pub struct Updated {
    pub id: AttrValue,
    pub heading: AttrValue,
    pub date: IsoDate,
}

/// The sections changed after `since`, in the leaflet's order; none without a date.
pub fn updated_since(monograph: &Monograph, since: Option<IsoDate>) -> Vec<Updated> {
    let Some(since) = since else {
        return Vec::new();
    };
    let sections = monograph.sections.iter().filter_map(|section| {
        let date = monograph
            .revisions
            .iter()
            .filter(|revision| revision.sections.contains(&section.id))
            .filter_map(|revision| IsoDate::parse_day(&revision.date))
            .filter(|date| *date > since)
            .max()?;
        Some(Updated {
            id: section.id.clone(),
            heading: section.heading.clone(),
            date,
        })
    });
    sections.collect()
}

/// localStorage key of the last revision this browser showed of drug `id`.
pub fn seen_key(id: &str) -> String {
    format!("drug-leaflet:last-revision:{id}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// When the reader last read the leaflet: the host's `last-read`, or the
/// later revision this browser showed (`remember="local"`), which this visit
/// then moves to the newest. Storage that is missing or refused keeps nothing.
#[hook]
pub fn use_last_read(monograph: &Monograph, options: &Options) -> Option<IsoDate> {
    let local = options.remember == Remember::Local && options.interactive;
    let key = seen_key(&monograph.meta.id);
    // Read once, before this visit writes its own.
    let stored = *use_state({
        let key = key.clone();
        move || {
            let seen = local.then(|| local_storage()?.get_item(&key).ok().flatten());
            seen.flatten().and_then(|date| IsoDate::parse_day(&date))
        }
    });
    let newest = monograph.revisions.last().map(|revision| revision.date.clone());
    use_effect_with((local, newest), move |(local, newest)| {
        if let (true, Some(newest), Some(storage)) = (*local, newest, local_storage()) {
            let _ = storage.set_item(&key, newest);
        }
    });
    options.last_read.max(stored)
}

/// "Updated March 3, 2026", after a section's title in its button.
pub fn updated_mark(out: &mut dyn Markup, date: IsoDate, language: Language) {
    out.text(" ");
    out.element(
        "span",
        &[("class", "updated-mark"), ("lang", language.tag())],
        |out| {
            out.text(&format!(
                "{} {}",
                language.strings().updated,
                language.format_date(date)
            ))
        },
    );
}

#[derive(Properties, PartialEq)]
pub struct UpdatesLineProps {
    pub updated: Rc<Vec<Updated>>,
    pub since: IsoDate,
    /// The content's language, which the sections' names are in.
    pub content_lang: AttrValue,
    pub on_open: Callback<AttrValue>,
}

/// "Updated since you last read on March 3, 2026: How it is given, Side
/// effects", each name a button that opens its section. Plain text in the
/// reading order, written once with the leaflet: a screen reader meets it
/// after the header, as a sighted reader does, and hears it once (a live
/// region would interrupt, and announce again on each change).
#[function_component]
pub fn UpdatesLine(props: &UpdatesLineProps) -> Html {
    let language = use_options().language;
    let links = props.updated.iter().enumerate().map(|(n, updated)| {
        let (id, on_open) = (updated.id.clone(), props.on_open.clone());
        html! {
            <>
                if n > 0 { { ", " } }
                <button
                    type="button"
                    class="link-button"
                    lang={props.content_lang.clone()}
                    onclick={move |_| on_open.emit(id.clone())}
                >{ text_node(updated.heading.clone()) }</button>
            </>
        }
    });
    html! {
        <p class="updated-since" lang={language.tag()}>
            { text_node(language.strings().updated_since) }
            { format!(" {}: ", language.format_date(props.since)) }
            { for links }
        </p>
    }
}
