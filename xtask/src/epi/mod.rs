//! `cargo xtask import-epi`: a FHIR ePI package leaflet (HL7 ePI implementation
//! guide: a document `Bundle` whose first entry is a `Composition`) to a
//! monograph file, checked by the same rules as a hand-written one. The leaflet
//! is its own source: its text is converted, never added to.

pub mod bundle;
pub mod narrative;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use implicit_clone::unsync::IArray;
use monograph::model::{
    Block, Meta, Monograph, Section, Source, SourceKind, SourceRef, RESERVED_SECTION_IDS,
};
use monograph::validate::{is_jurisdiction, is_language_tag, is_slug, validate};
use monograph::{date::IsoDate, loader};

use bundle::{EpiSection, Leaflet};

/// The id of the one source an imported monograph declares: the ePI itself.
pub const SOURCE_ID: &str = "ePI";

#[derive(Debug, Default, Clone)]
pub struct ImportOptions {
    /// The monograph's id (`--id`); by default the product's invented name as a slug.
    pub id: Option<String>,
    /// The section whose first list holds the signs that need medical help now
    /// (`--urgent section[3].section[0]`): copied into the urgent box.
    pub urgent: Option<String>,
    /// Who reviewed the leaflet's text (`--reviewed-by "<name, role>"`), for an
    /// ePI whose Composition names no attester. The author published the
    /// leaflet; that is not a review, so it is never used for the review line.
    pub reviewed_by: Option<String>,
    /// The country or region the leaflet is for (`--jurisdiction EU`): the
    /// bundles this importer reads do not state it.
    pub jurisdiction: Option<String>,
    /// Made-up data (`--example`): the leaflet shows a "not a real medicine" banner.
    pub example: bool,
}

/// What the import did, for the report printed to stdout.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// `section[0] -> what-examplamab-is "1. What Examplamab is"`.
    pub sections: Vec<String>,
    /// Headings the narrative gave instead of `title`.
    pub headings_from_narrative: Vec<String>,
    pub converted_by_rule: Vec<String>,
    /// `path: message`; any error means nothing is written.
    pub errors: Vec<String>,
}

impl ImportReport {
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (title, lines) in [
            ("sections imported", &self.sections),
            ("headings taken from the narrative", &self.headings_from_narrative),
            ("elements converted by rule", &self.converted_by_rule),
            ("errors", &self.errors),
        ] {
            let _ = writeln!(out, "{title} ({}):", lines.len());
            for line in lines {
                let _ = writeln!(out, "  {line}");
            }
        }
        out
    }
}

/// Converts the Bundle JSON `text`; the monograph is `None` when there are errors.
pub fn convert(text: &str, options: &ImportOptions) -> (Option<Monograph>, ImportReport) {
    let mut report = ImportReport::default();
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            report.errors.push(format!("bundle: not JSON: {error}"));
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
    if let Some(monograph) = &monograph {
        let checked = validate(monograph);
        report
            .errors
            .extend(checked.errors.iter().map(|p| format!("monograph {p}")));
    }
    let ok = report.errors.is_empty();
    (monograph.filter(|_| ok), report)
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
    let file = out_dir.join(format!("{}.toml", monograph.meta.id));
    let toml = toml::to_string(&monograph).context("writing the monograph as TOML")?;
    let header = format!(
        "# Imported from the FHIR ePI {} by `cargo xtask import-epi`.\n\
         # Every item cites its ePI section code. Change the ePI and import it again\n\
         # rather than editing this file, so it stays the leaflet as approved.\n\n",
        bundle.file_name().unwrap_or_default().to_string_lossy()
    );
    fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    fs::write(&file, header + &toml).with_context(|| format!("writing {}", file.display()))?;
    // The file as the build and check-content will read it.
    let loaded = loader::load(&file);
    let problems: Vec<String> = match &loaded {
        Ok(loaded) => loaded.report.errors.iter().map(ToString::to_string).collect(),
        Err(error) => vec![error.to_string()],
    };
    if !problems.is_empty() {
        fs::remove_file(&file).with_context(|| format!("removing {}", file.display()))?;
        report
            .errors
            .extend(problems.into_iter().map(|p| format!("{}: {p}", file.display())));
        return Ok((report, None));
    }
    Ok((report, Some(file)))
}

/// `cargo xtask import-epi <bundle.json> --jurisdiction <code> [--id <slug>] [--urgent <section>] [--reviewed-by <who>] [--example] [--out <dir>]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let mut options = ImportOptions::default();
    let mut out_dir = root.join("monographs");
    let mut bundle = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .with_context(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "--id" => options.id = Some(value("--id")?),
            "--urgent" => options.urgent = Some(value("--urgent")?),
            "--reviewed-by" => options.reviewed_by = Some(value("--reviewed-by")?),
            "--jurisdiction" => options.jurisdiction = Some(value("--jurisdiction")?),
            "--example" => options.example = true,
            "--out" => out_dir = PathBuf::from(value("--out")?),
            flag if flag.starts_with("--") => bail!("import-epi: unknown option {flag}"),
            path if bundle.is_none() => bundle = Some(PathBuf::from(path)),
            extra => bail!("import-epi takes one bundle, not also {extra:?}"),
        }
    }
    let bundle = bundle.context(
        "import-epi <bundle.json> --jurisdiction <code> [--id <slug>] [--urgent <section>] [--reviewed-by <who>] [--example] [--out <dir>]",
    )?;
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
    let id = options.id.clone().unwrap_or_else(|| slug(&product.brand_name));
    if !is_slug(&id) {
        report.errors.push(format!(
            "--id: {id:?} is not a slug (lowercase letters, digits and single hyphens)"
        ));
    }
    let day = leaflet.date.get(..10).unwrap_or(&leaflet.date);
    if IsoDate::parse_day(day).is_none() {
        report.errors.push(format!(
            "entry[0].resource.date: {:?} does not start with a YYYY-MM-DD date",
            leaflet.date
        ));
    }
    // The monograph's own rule, reported at its place in the ePI.
    if !is_language_tag(&leaflet.language) {
        report.errors.push(format!(
            "entry[0].resource.language: {:?} is not a BCP 47 language tag",
            leaflet.language
        ));
    }

    if let (Some(party), Some(_)) = (&leaflet.approved_by, &options.reviewed_by) {
        report.errors.push(format!(
            "--reviewed-by: the ePI names who approved it ({party}), which the review line shows; leave the option out"
        ));
    }
    let jurisdiction = options.jurisdiction.clone().unwrap_or_else(|| {
        report.errors.push(
            "--jurisdiction: the bundle does not say which country or region the leaflet is for; pass --jurisdiction <code> \
             (an ISO 3166-1 code such as IE, or EU for a centrally authorised medicine)"
                .to_owned(),
        );
        String::new()
    });
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
        ids: Vec::new(),
        lists: Vec::new(),
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
            language: leaflet.language.clone().into(),
            pronunciation: None,
            generic_name: product.generic_name.clone().into(),
            brand_name: product.brand_name.clone().into(),
            dosage_form: product.dose_form.clone().into(),
            drug_class: Some(product.class.clone().into()),
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
            rights: None,
            attribution: None,
        }]),
        summary: IArray::from(urgent.into_iter().collect::<Vec<_>>()),
        sections: IArray::from(sections),
    })
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
    /// Section ids given so far, to keep them unique.
    ids: Vec<String>,
    /// Each converted section's path, heading and first list: what `--urgent` picks from.
    lists: Vec<(String, String, Option<Block>)>,
}

impl SectionConverter<'_> {
    /// A top-level ePI section as a leaflet section: its narrative, then each
    /// nested section as a subheading and its blocks.
    fn section(&mut self, section: &EpiSection) -> Option<Section> {
        let (heading, blocks) = self.content(section, 0)?;
        let id = self.id(section.title.as_deref().unwrap_or(&heading), &section.path);
        self.report.sections.push(format!(
            "{} -> {id} {heading:?} ({} blocks)",
            section.path,
            blocks.len()
        ));
        if blocks.is_empty() {
            self.report.errors.push(format!(
                "{}: no narrative and no sections: nothing to show",
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
                "{}.code: is required: every item cites its section's code",
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
                    "{}.title: is required when the narrative does not open with a heading",
                    section.path
                ));
                String::new()
            }
        };
        let mut blocks = narrative.blocks;
        let first_list = blocks.iter().find(|b| matches!(b, Block::List { .. })).cloned();
        self.lists
            .push((section.path.clone(), heading.clone(), first_list));
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

    /// A unique slug for a section id, from its title.
    fn id(&mut self, title: &str, path: &str) -> String {
        let mut base = slug(title);
        if base.is_empty() {
            base = format!("section-{}", self.ids.len() + 1);
            self.report
                .converted_by_rule
                .push(format!("{path}.title: no letters for an id -> {base}"));
        }
        let mut id = base.clone();
        let mut n = 1;
        while self.ids.contains(&id) || RESERVED_SECTION_IDS.contains(&id.as_str()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.ids.push(id.clone());
        id
    }

    /// The urgent box: a copy of the first list of the `--urgent` section, with
    /// that section's heading. An ePI has no such field, so it is chosen, never guessed.
    fn urgent(&mut self, chosen: Option<&str>) -> Option<Block> {
        let candidates = || {
            let with_a_list: Vec<String> = self
                .lists
                .iter()
                .filter(|(_, _, list)| list.is_some())
                .map(|(path, heading, _)| format!("{path} ({heading:?})"))
                .collect();
            if with_a_list.is_empty() {
                "none".to_owned()
            } else {
                with_a_list.join(", ")
            }
        };
        let Some(chosen) = chosen else {
            let message = format!(
                "--urgent: the leaflet needs a \"get medical help\" box, always in view; name the section whose first list holds the signs that need medical help now (sections with a list: {})",
                candidates()
            );
            self.report.errors.push(message);
            return None;
        };
        let found = self.lists.iter().find(|(path, _, _)| path == chosen);
        match found {
            Some((_, heading, Some(Block::List { lead, source, items }))) => Some(Block::Urgent {
                heading: heading.clone().into(),
                lead: lead.clone(),
                source: source.clone(),
                items: items.clone(),
            }),
            _ => {
                let message = format!(
                    "--urgent: {chosen:?} is not a section with a list (sections with a list: {})",
                    candidates()
                );
                self.report.errors.push(message);
                None
            }
        }
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

/// A title as an id: accented Latin letters without their accents, then
/// lowercase ASCII words joined by hyphens.
pub fn slug(title: &str) -> String {
    let folded: String = title.chars().map(fold_accent).collect();
    monograph::markup::slug(&folded)
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ç' => 'c',
        'Ç' => 'C',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_spanish_words_whole() {
        assert_eq!(
            slug("1. Qué es Examplamab y para qué se utiliza"),
            "1-que-es-examplamab-y-para-que-se-utiliza"
        );
        assert_eq!(slug("Año"), "ano");
    }
}
