use yew::prelude::*;

use super::heading_tag;
use crate::hooks::use_options;
use crate::i18n::Language;
use crate::monograph::decimal::decimal;
use crate::monograph::model::{Monograph, SourceKind, SourceRef};
use crate::monograph::validate::added_sources;
use crate::options::Options;
use crate::static_markup::{static_html, Markup};

#[derive(Properties, PartialEq)]
pub struct LeafletHeaderProps {
    pub monograph: Monograph,
}

/// The id of the leaflet's title, which names the summary's regions too.
pub fn title_id(options: &Options) -> String {
    [options.id_prefix.as_str(), "title"].concat()
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
    // What a patient needs to recognise the medicine; the drug class (a
    // pharmacist's filing word) is under "About this leaflet".
    let facts = [
        (strings.pronunciation, meta.pronunciation.as_deref()),
        (strings.generic_name, Some(&*meta.generic_name)),
        (strings.brand_name, Some(&*meta.brand_name)),
        (strings.dosage_form, Some(&*meta.dosage_form)),
    ];
    let drug_facts = |out: &mut dyn Markup, facts: &[(&str, Option<&str>)]| {
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
    };
    let title_tag = heading_tag(options.heading_level);
    let title_id = title_id(&options);
    static_html("header", &[("class", "leaflet-header")], |out| {
        if meta.example {
            example_banner(out, options.language);
        }
        out.element(
            title_tag,
            &[("class", "title"), ("part", "title"), ("id", &title_id)],
            |out| out.text(&meta.title),
        );
        drug_facts(out, &facts);
        // One walk of the added texts for the status line and the provenance.
        let added = added_sources(&props.monograph);
        let signed = signed_off(&props.monograph, added.len());
        status(out, &props.monograph, signed, options.language);
        let about = [("class", "about"), ("part", "about")];
        let open_about = [("class", "about"), ("part", "about"), ("open", "")];
        // Open in the fallback, which has no script or style of ours to open it.
        let attributes: &[(&str, &str)] = if options.interactive { &about } else { &open_about };
        out.element("details", attributes, |out| {
            out.element("summary", &[("lang", lang)], |out| {
                out.text(strings.about_this_leaflet)
            });
            // Left out, not left empty, when the source gives no class.
            if let Some(class) = meta.drug_class.as_deref() {
                drug_facts(out, &[(strings.drug_class, Some(class))]);
            }
            provenance(out, &props.monograph, &added, signed, options.language);
        });
    })
}

/// "TEST DATA: NOT A REAL MEDICINE": made-up content must never pass for a
/// medicine's, in any view (it is text, so the fallback shows it unstyled too).
pub fn example_banner(out: &mut dyn Markup, language: Language) {
    out.element(
        "p",
        &[
            ("class", "example-banner"),
            ("part", "example-banner"),
            ("lang", language.tag()),
        ],
        |out| out.text(language.strings().example_banner),
    );
}

/// The one line a reader needs before trusting the leaflet: whose rules it
/// follows (country and document) and whether the added text was reviewed.
/// The rest of the provenance is under "About this leaflet".
fn status(out: &mut dyn Markup, monograph: &Monograph, signed: (usize, usize), language: Language) {
    let strings = language.strings();
    let meta = &monograph.meta;
    out.element("p", &[("class", "status"), ("lang", language.tag())], |out| {
        if let Some(code) = &meta.jurisdiction {
            out.text(&strings.written_for.written_for(code));
        }
        // The regulator's document the leaflet follows, named as its sources list names it.
        let followed = monograph
            .sources
            .iter()
            .find(|s| matches!(s.kind, Some(SourceKind::Label | SourceKind::PackageLeaflet)));
        if let Some(source) = followed {
            out.text(" ");
            out.text(strings.follows);
            out.text(" ");
            let name = source.short_name.clone().unwrap_or_else(|| source.title.clone());
            out.element("span", &[("lang", &meta.language)], |out| out.text(&name));
            out.text(".");
        }
        if meta.additions.is_some() {
            out.text(" ");
            out.element("strong", &[("class", "status-review")], |out| match signed {
                (0, _) => out.text(strings.added_text_not_reviewed),
                (signed, all) if signed == all => out.text(strings.added_text_reviewed),
                (signed, all) => {
                    count_of(out, signed, all, language);
                    out.text(strings.texts_reviewed_by_pharmacist);
                }
            });
        }
    });
}

/// Who reviewed which text: the base document's review line as it was written,
/// labelled as covering the original text only, then when the added text was
/// compiled, from which sources, and whether a pharmacist has reviewed it.
fn provenance(
    out: &mut dyn Markup,
    monograph: &Monograph,
    added: &[&SourceRef],
    (signed, all): (usize, usize),
    language: Language,
) {
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
        let cited: Vec<AttrValue> = added.iter().map(|source| source.doc.clone()).collect();
        let added_from: Vec<String> = monograph
            .sources
            .iter()
            // The editors' own notes are not a source the facts were compiled from.
            .filter(|source| cited.contains(&source.id) && source.kind != Some(SourceKind::Editorial))
            .map(|source| match &source.revised {
                Some(revised) => [source.id.as_str(), " (", &language.format_iso(revised), ")"].concat(),
                None => source.id.as_str().to_owned(),
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
                |out| {
                    match signed {
                        0 => return out.text(strings.not_yet_reviewed),
                        _ if signed == all => out.text(strings.all_reviewed_by),
                        _ => {
                            count_of(out, signed, all, language);
                            out.text(strings.texts_reviewed_by);
                        }
                    }
                    for (n, review) in additions.reviews.iter().enumerate() {
                        out.text(if n == 0 { " " } else { strings.and_between });
                        content(out, &review.name);
                        out.text(", ");
                        content(out, &review.role);
                        if let Some(registration) = &review.registration {
                            out.text(" (");
                            content(out, registration);
                            out.text(")");
                        }
                        out.text(&[", ", strings.reviewed_on, " "].concat());
                        date(out, &review.date, language);
                    }
                    out.text(if signed == all {
                        "."
                    } else {
                        strings.rest_not_reviewed
                    });
                },
            );
        });
    });
}

/// "96 of 97 ".
fn count_of(out: &mut dyn Markup, signed: usize, all: usize, language: Language) {
    out.text(
        &[
            &decimal(signed),
            " ",
            language.strings().of,
            " ",
            &decimal(all),
            " ",
        ]
        .concat(),
    );
}

/// How many of the `all` added texts a pharmacist signed off, and `all`.
fn signed_off(monograph: &Monograph, all: usize) -> (usize, usize) {
    let signed = monograph
        .meta
        .additions
        .as_ref()
        .map_or(0, |a| a.reviews.iter().map(|r| r.texts.len()).sum());
    (signed, all)
}

/// A `<time>` in running text.
fn date(out: &mut dyn Markup, iso: &str, language: Language) {
    out.element("time", &[("datetime", iso)], |out| {
        out.text(&language.format_iso(iso))
    });
}
