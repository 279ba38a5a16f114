use yew::prelude::*;

use super::heading_tag;
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::model::{Monograph, SourceKind};
use crate::monograph::validate::added_texts;
use crate::options::Options;
use crate::static_markup::{static_html, Markup};

#[derive(Properties, PartialEq)]
pub struct LeafletHeaderProps {
    pub monograph: Monograph,
}

/// The id of the leaflet's title, which names the summary's regions too.
pub fn title_id(options: &Options) -> String {
    format!("{}title", options.id_prefix)
}

/// Title, names and form of the drug, and who reviewed what when: always
/// visible, so a reader can judge the leaflet before opening any section.
/// Written once as static markup: nothing in it changes while it is shown.
#[function_component]
pub fn LeafletHeader(props: &LeafletHeaderProps) -> Html {
    let options = use_options();
    let strings = options.language.strings();
    let lang = options.language.tag();
    let meta = &props.monograph.meta;
    let facts = [
        (strings.pronunciation, meta.pronunciation.as_deref()),
        (strings.generic_name, Some(&*meta.generic_name)),
        (strings.brand_name, Some(&*meta.brand_name)),
        (strings.dosage_form, Some(&*meta.dosage_form)),
        (strings.drug_class, Some(&*meta.drug_class)),
    ];
    let title_tag = heading_tag(options.heading_level);
    let title_id = title_id(&options);
    static_html("header", &[("class", "leaflet-header")], |out| {
        out.element(
            title_tag,
            &[("class", "title"), ("part", "title"), ("id", &title_id)],
            |out| out.text(&meta.title),
        );
        out.element("dl", &[("class", "drug-facts")], |out| {
            for (label, value) in facts {
                let Some(value) = value else { continue };
                out.element("div", &[("class", "drug-fact")], |out| {
                    out.element("dt", &[("lang", lang)], |out| {
                        out.text(label);
                        out.text(":");
                    });
                    out.text(" ");
                    out.element("dd", &[], |out| out.text(value));
                });
            }
        });
        provenance(out, &props.monograph, options.language);
    })
}

/// Who reviewed which text: the base document's review line as it was written,
/// labelled as covering the original text only, then when the added text was
/// compiled, from which sources, and whether a pharmacist has reviewed it.
fn provenance(out: &mut dyn Markup, monograph: &Monograph, language: Language) {
    let strings = language.strings();
    let meta = &monograph.meta;
    let lang = language.tag();
    // Names and roles are the monograph's words, in its language.
    let content = |out: &mut dyn Markup, text: &str| {
        out.element("span", &[("lang", &meta.language)], |out| out.text(text))
    };
    out.element("div", &[("class", "provenance")], |out| {
        out.element("p", &[("class", "review"), ("lang", lang)], |out| {
            out.element("strong", &[("class", "review-label")], |out| {
                out.text(strings.original_text)
            });
            out.text(" ");
            out.text(strings.reviewed_by);
            out.text(" ");
            content(out, &meta.reviewed_by);
            out.text(". ");
            out.text(strings.last_updated);
            out.text(" ");
            date(out, &meta.last_updated, language);
            out.text(".");
        });
        let Some(additions) = &meta.additions else {
            return;
        };
        let cited: Vec<AttrValue> = added_texts(monograph)
            .iter()
            .map(|added| added.source.doc.clone())
            .collect();
        let added_from: Vec<String> = monograph
            .sources
            .iter()
            // The editors' own notes are not a source the facts were compiled from.
            .filter(|source| cited.contains(&source.id) && source.kind != Some(SourceKind::Editorial))
            .map(|source| match &source.revised {
                Some(revised) => format!("{} ({})", source.id, language.format_iso(revised)),
                None => source.id.to_string(),
            })
            .collect();
        out.element("p", &[("class", "review"), ("lang", lang)], |out| {
            out.element("strong", &[("class", "review-label")], |out| {
                out.text(strings.added_text)
            });
            for text in [" ", strings.compiled_on, " "] {
                out.text(text);
            }
            date(out, &additions.compiled, language);
            for text in [
                " ",
                strings.compiled_from,
                " ",
                &added_from.join(", "),
                " ",
                strings.see_sources,
                " ",
            ] {
                out.text(text);
            }
            out.element(
                "span",
                &[("class", "review-status"), ("part", "review-status")],
                |out| match &additions.review {
                    Some(review) => {
                        out.text(strings.additions_reviewed_by);
                        out.text(" ");
                        content(out, &review.name);
                        out.text(", ");
                        content(out, &review.role);
                        out.text(&format!(", {} ", strings.reviewed_on));
                        date(out, &review.date, language);
                        out.text(".");
                    }
                    None => out.text(strings.not_yet_reviewed),
                },
            );
        });
    });
}

/// A `<time>` in running text.
fn date(out: &mut dyn Markup, iso: &str, language: Language) {
    out.element("time", &[("datetime", iso)], |out| {
        out.text(&language.format_iso(iso))
    });
}
