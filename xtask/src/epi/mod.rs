//! `cargo xtask import-epi`: a FHIR ePI package leaflet (HL7 ePI implementation
//! guide: a document `Bundle` whose first entry is a `Composition`) to a
//! monograph file, checked by the same rules as a hand-written one. The leaflet
//! is its own source: its text is converted, never added to.

pub mod bundle;

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use implicit_clone::unsync::IArray;
use monograph::date::IsoDate;
use monograph::model::{Block, Meta, Monograph, Rights, Section, Source, SourceKind, SourceRef};
use monograph::validate::{is_jurisdiction, is_language_tag, is_slug};

pub use crate::import::ImportReport;
use crate::import::{
    slug, urgent_box, urgent_candidate, validated, with_previous, write_checked, Args, SectionIds,
};
use crate::narrative::xhtml as narrative;
use bundle::{EpiSection, Leaflet, StatedJurisdiction};

/// How the command is called: the message for a call without a bundle.
pub const USAGE: &str = "import-epi <bundle.json> --jurisdiction <code> [--id <slug>] [--urgent <section>] \
     [--reviewed-by <who>] [--language <tag>] [--generic-name <name>] [--dosage-form <form>] [--example] [--out <dir>] \
     [--previous <old bundle.json or monograph.toml>]";

/// The id of the one source an imported monograph declares: the ePI itself.
pub const SOURCE_ID: &str = "ePI";

#[derive(Debug, Default, Clone)]
pub struct ImportOptions {
    /// The monograph's id (`--id`); by default the product's invented name as a slug.
    pub id: Option<String>,
    /// The section whose first list (or, without a list, whose paragraphs)
    /// holds the signs that need medical help now (`--urgent
    /// section[3].section[0]`): copied into the urgent box.
    pub urgent: Option<String>,
    /// Who reviewed the leaflet's text (`--reviewed-by "<name, role>"`), for an
    /// ePI whose Composition names no attester. The author published the
    /// leaflet; that is not a review, so it is never used for the review line.
    pub reviewed_by: Option<String>,
    /// The country or region the leaflet is for (`--jurisdiction EU`), for a
    /// bundle whose product name's `usage` does not state one it can take.
    pub jurisdiction: Option<String>,
    /// Made-up data (`--example`): the leaflet shows a "not a real medicine" banner.
    pub example: bool,
    /// The content's language (`--language <tag>`), for an ePI whose
    /// Composition and Bundle both leave it out.
    pub language: Option<String>,
    /// The generic name (`--generic-name`), for an ePI with neither a scientific
    /// name part nor an active `Ingredient`.
    pub generic_name: Option<String>,
    /// The dosage form (`--dosage-form`), for an ePI that does not give one.
    pub dosage_form: Option<String>,
    /// The previous version (`--previous`): its bundle, or the monograph
    /// imported from it, whose revisions are kept. The sections changed since
    /// become a revision dated by the new leaflet.
    pub previous: Option<PathBuf>,
}

/// Converts the Bundle JSON `text`; the monograph is `None` when there are errors.
pub fn convert(text: &str, options: &ImportOptions) -> (Option<Monograph>, ImportReport) {
    let mut report = ImportReport::default();
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            report
                .errors
                .push(format!("bundle: not JSON: {error}; fix the file"));
            return (None, report);
        }
    };
    let leaflet = match bundle::read(&value) {
        Ok(leaflet) => leaflet,
        Err(errors) => {
            report.errors = errors;
            return (None, report);
        }
    };
    let monograph = monograph(&leaflet, options, &mut report);
    let monograph = validated(monograph, &mut report);
    (monograph, report)
}

/// Imports `bundle` into `out_dir/<id>.toml`, written only when the import has
/// no errors and the written file loads back without one.
pub fn import(
    bundle: &Path,
    out_dir: &Path,
    options: &ImportOptions,
) -> Result<(ImportReport, Option<PathBuf>)> {
    let text = fs::read_to_string(bundle).with_context(|| format!("reading {}", bundle.display()))?;
    let (monograph, mut report) = convert(&text, options);
    let Some(monograph) = monograph else {
        return Ok((report, None));
    };
    let previous = |text: &str| convert(text, options).0;
    let Some(monograph) = with_previous(monograph, options.previous.as_deref(), previous, &mut report)?
    else {
        return Ok((report, None));
    };
    let header = format!(
        "# Imported from the FHIR ePI {} by `cargo xtask import-epi`.\n\
         # Every item cites its ePI section code. Change the ePI and import it again\n\
         # rather than editing this file, so it stays the leaflet as approved.\n\n",
        bundle.file_name().unwrap_or_default().to_string_lossy()
    );
    let written = write_checked(&monograph, out_dir, &header, &mut report)?;
    Ok((report, written))
}

/// `cargo xtask import-epi <bundle.json> --jurisdiction <code> [--id <slug>] [--urgent <section>] [--reviewed-by <who>]
/// [--language <tag>] [--generic-name <name>] [--dosage-form <form>] [--example] [--out <dir>]
/// [--previous <old bundle.json or monograph.toml>]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let args = Args::parse(
        "import-epi",
        args,
        &[
            "--id",
            "--urgent",
            "--reviewed-by",
            "--jurisdiction",
            "--language",
            "--generic-name",
            "--dosage-form",
            "--out",
            "--previous",
        ],
        &["--example"],
    )?;
    let options = ImportOptions {
        id: args.value("--id"),
        urgent: args.value("--urgent"),
        reviewed_by: args.value("--reviewed-by"),
        jurisdiction: args.value("--jurisdiction"),
        example: args.has("--example"),
        language: args.value("--language"),
        generic_name: args.value("--generic-name"),
        dosage_form: args.value("--dosage-form"),
        previous: args.value("--previous").map(PathBuf::from),
    };
    let out_dir = args
        .value("--out")
        .map_or_else(|| root.join("monographs"), PathBuf::from);
    let bundle = match args.others.as_slice() {
        [bundle] => PathBuf::from(bundle),
        [] => bail!("{USAGE}"),
        [_, extra, ..] => bail!("import-epi takes one bundle, not also {extra:?}"),
    };
    let (report, written) = import(&bundle, &out_dir, &options)?;
    print!("{}", report.text());
    match written {
        Some(file) => {
            println!("wrote {}", file.display());
            Ok(())
        }
        None => bail!(
            "{}: {} error(s), nothing written",
            bundle.display(),
            report.errors.len()
        ),
    }
}

fn monograph(leaflet: &Leaflet, options: &ImportOptions, report: &mut ImportReport) -> Option<Monograph> {
    let product = &leaflet.product;
    let brand_name = product.brand_name.clone().unwrap_or_else(|| {
        report.errors.push(format!(
            "{}: no product name: add a productName or an invented name part",
            product.at
        ));
        String::new()
    });
    let generic_name = stated_or_passed(
        product.generic_name.as_deref(),
        options.generic_name.as_deref(),
        (
            &product.at,
            "scientific name part or active Ingredient (the generic name)",
        ),
        "--generic-name \"<name>\"",
        report,
    );
    let dosage_form = stated_or_passed(
        product.dose_form.as_deref(),
        options.dosage_form.as_deref(),
        (
            &product.at,
            "dose form part or combinedPharmaceuticalDoseForm (the dosage form)",
        ),
        "--dosage-form \"<form>\"",
        report,
    );
    let language = stated_or_passed(
        leaflet.language.as_deref(),
        options.language.as_deref(),
        (
            "entry[0].resource.language",
            "language in the Composition or the Bundle",
        ),
        "--language <tag>",
        report,
    );
    let id = options.id.clone().unwrap_or_else(|| slug(&brand_name));
    if !is_slug(&id) {
        report.errors.push(format!(
            "--id: {id:?} is not a slug: pass --id with lowercase letters, digits and single hyphens"
        ));
    }
    let day = leaflet.date.get(..10).unwrap_or(&leaflet.date);
    if IsoDate::parse_day(day).is_none() {
        report.errors.push(format!(
            "entry[0].resource.date: {:?} does not start with a YYYY-MM-DD date: fix the Composition's date",
            leaflet.date
        ));
    }
    // The monograph's own rule, reported at its place in the ePI.
    if !language.is_empty() && !is_language_tag(&language) {
        report.errors.push(format!(
            "entry[0].resource.language: {language:?} is not a BCP 47 language tag: fix it in the ePI",
        ));
    }

    if let (Some(party), Some(_)) = (&leaflet.approved_by, &options.reviewed_by) {
        report.errors.push(format!(
            "--reviewed-by: the ePI names who approved it ({party}), which the review line shows; leave the option out"
        ));
    }
    let usage = format!("{}.usage", product.at);
    let jurisdiction = match (&product.jurisdiction, options.jurisdiction.as_deref()) {
        (StatedJurisdiction::Code(code), None) => code.clone(),
        (StatedJurisdiction::Code(code), Some(_)) => {
            report.errors.push(format!(
                "--jurisdiction: the ePI gives it ({code:?}, at {usage}); leave the option out"
            ));
            String::new()
        }
        (_, Some(passed)) => passed.to_owned(),
        (StatedJurisdiction::NotStated, None) => {
            report.errors.push(
                "--jurisdiction: the bundle does not say which country or region the leaflet is for; pass --jurisdiction <code> \
                 (an ISO 3166-1 code such as IE, or EU for a centrally authorised medicine)"
                    .to_owned(),
            );
            String::new()
        }
        (StatedJurisdiction::Unusable(found), None) => {
            report.errors.push(format!(
                "{usage}: names {found}, not one two-letter country code or EU; pass --jurisdiction <code> for the leaflet"
            ));
            String::new()
        }
    };
    if !jurisdiction.is_empty() && !is_jurisdiction(&jurisdiction) {
        report.errors.push(format!(
            "--jurisdiction: {jurisdiction:?} is not a country or region code: use two capital letters (ISO 3166-1, such as IE) or EU"
        ));
    }
    let reviewed_by = review_line(leaflet, options).unwrap_or_else(|| {
        report.errors.push(format!(
            "entry[0].resource.attester: names no one who approved this leaflet; pass --reviewed-by \"<name, role>\" \
             to say who reviewed its text ({}, the author, published it: that is not a review)",
            leaflet.author
        ));
        String::new()
    });
    let mut converter = SectionConverter {
        report,
        ids: SectionIds::default(),
        own_blocks: Vec::new(),
    };
    let mut top = leaflet.sections.iter().collect::<Vec<_>>();
    // The EU template wraps the numbered sections in one "Package leaflet"
    // section: its sections are the leaflet's.
    if let [wrapper] = top.as_slice() {
        if !wrapper.sections.is_empty() && is_only_a_heading(wrapper) {
            converter.report.converted_by_rule.push(format!(
                "{}: holds only sections -> its sections are the leaflet's sections",
                wrapper.path
            ));
            top = wrapper.sections.iter().collect();
        }
    }
    let sections: Vec<Section> = top.into_iter().filter_map(|s| converter.section(s)).collect();
    let urgent = converter.urgent(options.urgent.as_deref());
    let report = converter.report;
    if !report.errors.is_empty() {
        return None;
    }
    Some(Monograph {
        meta: Meta {
            id: id.into(),
            title: leaflet.title.clone().into(),
            language: language.into(),
            pronunciation: None,
            generic_name: generic_name.into(),
            brand_name: brand_name.into(),
            dosage_form: dosage_form.into(),
            drug_class: product.class.clone().map(Into::into),
            reviewed_by: reviewed_by.into(),
            last_updated: day.to_owned().into(),
            based_on: SOURCE_ID.into(),
            jurisdiction: Some(jurisdiction.into()),
            example: options.example,
            additions: None,
        },
        sources: IArray::from(vec![Source {
            id: SOURCE_ID.into(),
            title: leaflet.title.clone().into(),
            publisher: Some(leaflet.author.clone().into()),
            revised: Some(day.to_owned().into()),
            kind: Some(SourceKind::PackageLeaflet),
            note: leaflet
                .identifier
                .as_ref()
                .map(|id| format!("FHIR ePI {id}").into()),
            short_name: None,
            // A regulator's approved leaflet: reusable if the source is acknowledged
            // (the EMA's terms); the acknowledgement itself is the publisher's to word.
            rights: Some(Rights::ReuseWithAcknowledgement),
            attribution: None,
        }]),
        summary: IArray::from(urgent.into_iter().collect::<Vec<_>>()),
        sections: IArray::from(sections),
        revisions: IArray::default(),
    })
}

/// A header field the ePI states, else the one its flag passes: never both,
/// so the approved leaflet's own words are not overridden by accident.
/// `missing` is where the ePI would say it and what it would be.
fn stated_or_passed(
    stated: Option<&str>,
    passed: Option<&str>,
    missing: (&str, &str),
    flag: &str,
    report: &mut ImportReport,
) -> String {
    let (at, what) = missing;
    let flag_name = flag.split(' ').next().unwrap_or(flag);
    match (stated, passed.map(str::trim).filter(|p| !p.is_empty())) {
        (Some(stated), None) => stated.to_owned(),
        (None, Some(passed)) => passed.to_owned(),
        (Some(stated), Some(_)) => {
            report.errors.push(format!(
                "{flag_name}: the ePI gives it ({stated:?}, at {at}); leave the option out"
            ));
            String::new()
        }
        (None, None) => {
            report
                .errors
                .push(format!("{at}: the ePI has no {what}: pass {flag}"));
            String::new()
        }
    }
}

/// The header's review line: the attester (who approved the text), else what
/// `--reviewed-by` says; never the author.
fn review_line(leaflet: &Leaflet, options: &ImportOptions) -> Option<String> {
    let approved = leaflet
        .approved_by
        .as_ref()
        .map(|party| format!("{party}, which approved this package leaflet"));
    approved.or_else(|| options.reviewed_by.clone().filter(|who| !who.trim().is_empty()))
}

struct SectionConverter<'a> {
    report: &'a mut ImportReport,
    ids: SectionIds,
    /// Each converted section's path, heading and own blocks (not its nested
    /// sections'): what `--urgent` picks from.
    own_blocks: Vec<(String, String, Vec<Block>)>,
}

impl SectionConverter<'_> {
    /// A top-level ePI section as a leaflet section: its narrative, then each
    /// nested section as a subheading and its blocks.
    fn section(&mut self, section: &EpiSection) -> Option<Section> {
        let (heading, blocks) = self.content(section, 0)?;
        let title = section.title.as_deref().unwrap_or(&heading);
        let id = self
            .ids
            .take(title, &format!("{}.title", section.path), self.report);
        self.report.sections.push(format!(
            "{} -> {id} {heading:?} ({} blocks)",
            section.path,
            blocks.len()
        ));
        if blocks.is_empty() {
            self.report.errors.push(format!(
                "{}: no narrative and no sections: nothing to show; add its text or remove the section",
                section.path
            ));
            return None;
        }
        Some(Section {
            id: id.into(),
            heading: heading.into(),
            blocks: IArray::from(blocks),
        })
    }

    /// The heading and the blocks of a section and of the sections inside it.
    /// `depth` is 0 for a leaflet section, 1 for a section inside it, and so on.
    fn content(&mut self, section: &EpiSection, depth: usize) -> Option<(String, Vec<Block>)> {
        let Some(code) = section.code.clone() else {
            self.report.errors.push(format!(
                "{}.code: is required: every item cites its section's code; add the section's code",
                section.path
            ));
            return None;
        };
        let source = SourceRef {
            doc: SOURCE_ID.into(),
            section: Some(code.into()),
        };
        let path = format!("{}.text.div", section.path);
        let narrative = section
            .div
            .as_deref()
            .map(|div| narrative::convert(div, &path, &source))
            .unwrap_or_default();
        self.report.converted_by_rule.extend(narrative.by_rule);
        self.report.errors.extend(narrative.errors);
        let title = section.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let heading = match (&narrative.heading_line, title) {
            (Some(line), title) => {
                self.report.headings_from_narrative.push(format!(
                    "{path}: {line:?} (title: {})",
                    title.map_or("none".to_owned(), |t| format!("{t:?}"))
                ));
                line.clone()
            }
            (None, Some(title)) => title.to_owned(),
            (None, None) => {
                self.report.errors.push(format!(
                    "{}.title: is required when the narrative does not open with a heading; add a title",
                    section.path
                ));
                String::new()
            }
        };
        let mut blocks = narrative.blocks;
        self.own_blocks
            .push((section.path.clone(), heading.clone(), blocks.clone()));
        for nested in &section.sections {
            if let Some((subheading, nested_blocks)) = self.content(nested, depth + 1) {
                if depth > 0 {
                    self.report.converted_by_rule.push(format!(
                        "{}: a section {} levels deep -> a subheading like the others (one level of subheadings)",
                        nested.path,
                        depth + 1
                    ));
                }
                blocks.push(Block::Subheading {
                    heading: subheading.into(),
                });
                blocks.extend(nested_blocks);
            }
        }
        Some((heading, blocks))
    }

    /// The urgent box from the `--urgent` section (see `urgent_box`), under
    /// that section's heading. An ePI has no such field, so it is chosen,
    /// never guessed.
    fn urgent(&mut self, chosen: Option<&str>) -> Option<Block> {
        let candidates = || {
            let candidates: Vec<String> = self
                .own_blocks
                .iter()
                .filter_map(|(path, heading, blocks)| {
                    urgent_candidate(blocks).map(|gives| format!("{path} ({heading:?}, {gives})"))
                })
                .collect();
            if candidates.is_empty() {
                "none".to_owned()
            } else {
                candidates.join(", ")
            }
        };
        let Some(chosen) = chosen else {
            let message = format!(
                "--urgent: the leaflet needs a \"get medical help\" box, always in view; pass --urgent with the section whose first list (or, without a list, whose paragraphs) holds the signs that need medical help now (candidates: {})",
                candidates()
            );
            self.report.errors.push(message);
            return None;
        };
        let found = self.own_blocks.iter().find(|(path, _, _)| path == chosen);
        let urgent = found.and_then(|(_, heading, blocks)| urgent_box(heading, blocks));
        if urgent.is_none() {
            let message = format!(
                "--urgent: {chosen:?} is not a section with a list or paragraphs; pass one of the candidates: {}",
                candidates()
            );
            self.report.errors.push(message);
        }
        urgent
    }
}

/// An ePI section with nothing of its own but (at most) a heading line.
fn is_only_a_heading(section: &EpiSection) -> bool {
    let Some(div) = &section.div else {
        return true;
    };
    let source = SourceRef {
        doc: SOURCE_ID.into(),
        section: None,
    };
    let narrative = narrative::convert(div, &format!("{}.text.div", section.path), &source);
    narrative.errors.is_empty() && narrative.blocks.is_empty()
}
