//! "What changed since you last read": the sections the monograph's revisions
//! changed after the reader's last visit (the host's `last-read`, or with
//! `remember="local"` the last revision this browser showed), marked by their
//! headings and named, as links that open them, in one line under the header.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::accordion::section_button_id;
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::date::IsoDate;
use crate::monograph::model::Monograph;
use crate::options::{Options, Remember};
use crate::static_markup::{static_html, Markup};

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

/// When the reader last read the leaflet: the host's `last-read`, or the
/// later revision this browser showed (`remember="local"`), read once a mount.
#[hook]
pub fn use_last_read(monograph: &Monograph, options: &Options) -> Option<IsoDate> {
    let local = options.remember == Remember::Local && options.interactive;
    let stored = *use_state(|| local.then(|| seen(monograph)).flatten());
    options.last_read.max(stored)
}

/// The last revision this browser showed of `monograph`, from localStorage
/// (`drug-leaflet:last-revision:<id>`), which then becomes its newest. Only
/// with `remember="local"`, which the server renderer never has; storage
/// that is missing or refused keeps nothing.
fn seen(monograph: &Monograph) -> Option<IsoDate> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let key = ["drug-leaflet:last-revision:", &monograph.meta.id].concat();
    let seen = storage.get_item(&key).ok().flatten();
    if let Some(newest) = monograph.revisions.last() {
        let _ = storage.set_item(&key, &newest.date);
    }
    IsoDate::parse_day(&seen?)
}

/// "Updated March 3, 2026", after a section's title in its button.
pub fn updated_mark(out: &mut dyn Markup, date: IsoDate, language: Language) {
    out.text(" ");
    out.element(
        "span",
        &[("class", "updated-mark"), ("lang", language.tag())],
        |out| out.text(&[language.strings().updated, " ", &language.format_date(date)].concat()),
    );
}

#[derive(Properties, PartialEq)]
pub struct UpdatesLineProps {
    pub updated: Rc<Vec<Updated>>,
    pub since: IsoDate,
    /// The content's language, which the sections' names are in.
    pub content_lang: AttrValue,
}

/// "Updated since you last read on March 3, 2026: How it is given, Side
/// effects", each name a link to its section's button, which the glossary
/// links' listener (`use_term_links`) follows: the section opens and its
/// button takes focus. Plain text in the reading order, written once with
/// the leaflet: a screen reader meets it after the header, as a sighted
/// reader does, and hears it once (a live region would interrupt, and
/// speak again on each change). Static markup: no yew node or listener.
#[function_component]
pub fn UpdatesLine(props: &UpdatesLineProps) -> Html {
    let options = use_options();
    let language = options.language;
    let attributes = [("class", "updated-since"), ("lang", language.tag())];
    static_html("p", &attributes, |out| {
        out.text(language.strings().updated_since);
        out.text(&[" ", &language.format_date(props.since), ": "].concat());
        for (n, updated) in props.updated.iter().enumerate() {
            if n > 0 {
                out.text(", ");
            }
            let href = ["#", &section_button_id(&options, &updated.id)].concat();
            out.element("a", &[("href", &href), ("lang", &props.content_lang)], |out| {
                out.text(&updated.heading)
            });
        }
    })
}
