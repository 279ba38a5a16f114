//! `cargo xtask import-spl`: the patient sections of an FDA Structured Product
//! Labeling document (HL7 v3 XML, as DailyMed publishes it): Medication Guide,
//! Patient Package Insert, Patient Medication Information, Instructions for
//! Use. Each document with one becomes a monograph, checked by the same rules
//! as a hand-written one; the label is its own source, converted, never added to.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use implicit_clone::unsync::IArray;
use monograph::date::IsoDate;
use monograph::model::{Block, Meta, Monograph, Rights, Section, Source, SourceKind, SourceRef};
use monograph::validate::is_slug;
use roxmltree::{Document, Node};

use crate::import::{
    slug, urgent_box, urgent_candidate, validated, with_previous, write_checked, Args, ImportReport,
    SectionIds,
};
use crate::narrative::spl::{is, text_of, Spl, HL7};

/// The id of the one source an imported monograph declares: the SPL itself.
pub const SOURCE_ID: &str = "SPL";

/// The LOINC codes of the sections written for patients, with their names.
pub const PATIENT_SECTIONS: [(&str, &str); 4] = [
    ("42231-1", "Medication Guide"),
    ("42230-3", "Patient Package Insert"),
    ("68498-5", "Patient Medication Information"),
    ("59845-8", "Instructions for Use"),
];

/// How the command is called: the message for a call without files.
pub const USAGE: &str = "import-spl <file.xml|dir>... [--out DIR] [--id <slug>] [--urgent <heading>] \
     [--previous <old file.xml or monograph.toml>]";

/// The approval sentence a Medication Guide carries, which the review line quotes.
const APPROVAL: &str = "approved by the U.S. Food and Drug Administration";

/// The list headings and leads the urgent box is taken from by default.
const MOST_IMPORTANT: &str = "most important information";
const URGENT_LEADS: [&str; 2] = ["call your healthcare provider right away", "get emergency help"];

#[derive(Debug, Default, Clone)]
pub struct SplOptions {
    /// The monograph's id (`--id`, one document only); by default the product's name as a slug.
    pub id: Option<String>,
    /// The heading of the section or subheading whose first list (else its
    /// paragraphs) is the urgent box (`--urgent`), instead of the default.
    pub urgent: Option<String>,
    /// The previous version (`--previous`, one document only): its SPL, or
    /// the monograph imported from it, whose revisions are kept. The sections
    /// changed since become a revision dated by the new label.
    pub previous: Option<PathBuf>,
}

/// What became of one SPL file.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Written(PathBuf),
    /// No patient section: nothing to import, and no error.
    Skipped,
    /// The urgent box has no default here: `--urgent` must name it.
    NeedsDecision,
    Failed,
}

/// One file's import: its report and what became of it.
pub struct FileImport {
    pub file: PathBuf,
    pub report: ImportReport,
    pub outcome: Outcome,
}

/// Converts the SPL `xml`: `Ok(None)` when it has no patient section;
/// otherwise the monograph (`None` with errors) and the report.
pub fn convert(xml: &str, options: &SplOptions) -> Result<Option<(Option<Monograph>, ImportReport)>, String> {
    let document = Document::parse(xml).map_err(|e| format!("not well-formed XML: {e}; fix the file"))?;
    let root = document.root_element();
    if !is(root, "document") {
        return Err(format!(
            "/{}: not an SPL document (its root is not <document xmlns=\"{HL7}\">); import an SPL XML file",
            root.tag_name().name()
        ));
    }
    let patient_sections: Vec<(Node, &str, &str)> = root
        .descendants()
        .filter(|n| is(*n, "section"))
        .filter_map(|section| {
            let code = child(section, "code")?.attribute("code")?;
            let (code, name) = PATIENT_SECTIONS.iter().find(|(c, _)| *c == code)?;
            Some((section, *code, *name))
        })
        // A patient section inside another is one of its subsections.
        .filter(|(section, _, _)| {
            !section
                .ancestors()
                .skip(1)
                .any(|a| is(a, "section") && patient_code(a).is_some())
        })
        .collect();
    if patient_sections.is_empty() {
        return Ok(None);
    }
    let mut report = ImportReport::default();
    let header = Header::read(root, &mut report);
    let vocabulary = Spl::new(&document);
    let mut converter = Converter {
        document: &document,
        vocabulary: &vocabulary,
        report: &mut report,
        ids: SectionIds::default(),
    };
    let mut sections = Vec::new();
    for (section, code, name) in patient_sections {
        sections.extend(converter.patient_section(section, code, name));
    }
    let sections = converter.split_on_questions(sections);
    let sections = converter.leaflet_sections(sections);
    let urgent = converter.urgent(&sections, options.urgent.as_deref());
    let monograph = header.monograph(options, &sections, urgent, &mut report);
    let monograph = validated(monograph, &mut report);
    Ok(Some((monograph, report)))
}

/// Imports one SPL file into `out_dir/<id>.toml`, written only when the import
/// has no errors and the written file loads back without one.
pub fn import(file: &Path, out_dir: &Path, options: &SplOptions) -> Result<FileImport> {
    let xml = fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let done = |report, outcome| FileImport {
        file: file.to_owned(),
        report,
        outcome,
    };
    let (monograph, mut report) = match convert(&xml, options) {
        Err(error) => {
            let report = ImportReport {
                errors: vec![format!("{}: {error}", file.display())],
                ..ImportReport::default()
            };
            return Ok(done(report, Outcome::Failed));
        }
        Ok(None) => return Ok(done(ImportReport::default(), Outcome::Skipped)),
        Ok(Some(converted)) => converted,
    };
    let Some(monograph) = monograph else {
        let undecided =
            !report.errors.is_empty() && report.errors.iter().all(|e| e.starts_with("--urgent: "));
        let outcome = if undecided {
            Outcome::NeedsDecision
        } else {
            Outcome::Failed
        };
        return Ok(done(report, outcome));
    };
    let previous = |xml: &str| convert(xml, options).ok().flatten().and_then(|(m, _)| m);
    let Some(monograph) = with_previous(monograph, options.previous.as_deref(), previous, &mut report)?
    else {
        return Ok(done(report, Outcome::Failed));
    };
    let header = format!(
        "# Imported from the FDA SPL {} by `cargo xtask import-spl`.\n\
         # Every item cites its patient section. Change the SPL (a newer version) and\n\
         # import it again rather than editing this file, so it stays the label as approved.\n\n",
        file.file_name().unwrap_or_default().to_string_lossy()
    );
    let outcome = match write_checked(&monograph, out_dir, &header, &mut report)? {
        Some(written) => Outcome::Written(written),
        None => Outcome::Failed,
    };
    Ok(done(report, outcome))
}

/// The `.xml` files `paths` name: a file as given, a folder's `*.xml` in name order.
pub fn xml_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut in_dir: Vec<PathBuf> = fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()
            .with_context(|| format!("reading {}", path.display()))?;
        in_dir.retain(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")));
        in_dir.sort();
        files.extend(in_dir);
    }
    Ok(files)
}

/// `cargo xtask import-spl <file.xml|dir>... [--out DIR] [--id <slug>] [--urgent <heading>]
/// [--previous <old file.xml or monograph.toml>]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let args = Args::parse(
        "import-spl",
        args,
        &["--out", "--id", "--urgent", "--media", "--previous"],
        &[],
    )?;
    if args.value("--media").is_some() {
        bail!(
            "import-spl: --media is not supported yet: images are imported as figures of their text alternative, shown as \"Picture: <alt>\""
        );
    }
    let options = SplOptions {
        id: args.value("--id"),
        urgent: args.value("--urgent"),
        previous: args.value("--previous").map(PathBuf::from),
    };
    let out_dir = args
        .value("--out")
        .map_or_else(|| root.join("monographs"), PathBuf::from);
    if args.others.is_empty() {
        bail!("{USAGE}");
    }
    let paths: Vec<PathBuf> = args.others.iter().map(PathBuf::from).collect();
    let files = xml_files(&paths)?;
    if options.previous.is_some() && files.len() > 1 {
        bail!(
            "import-spl: --previous is the previous version of one document: pass one file with it, not {}",
            files.len()
        );
    }
    if options.id.is_some() && files.len() > 1 {
        bail!(
            "import-spl: --id names one monograph: pass one file with it, not {}",
            files.len()
        );
    }
    let mut failed = 0;
    let mut undecided = 0;
    // Each monograph written so far, with the document it came from: two
    // documents of one product would otherwise overwrite each other unseen.
    let mut written_from: Vec<(PathBuf, &PathBuf)> = Vec::new();
    for file in &files {
        let import = import(file, &out_dir, &options)?;
        println!("== {}", file.display());
        match &import.outcome {
            Outcome::Skipped => println!("skipped: no patient section (Medication Guide, Patient Package Insert, Patient Medication Information or Instructions for Use)"),
            outcome => {
                print!("{}", import.report.text());
                match outcome {
                    Outcome::Written(written) => {
                        println!("wrote {}", written.display());
                        if let Some((_, first)) = written_from.iter().find(|(w, _)| w == written) {
                            failed += 1;
                            println!(
                                "failed: {} already came from {}; import them one at a time, each with its own --id",
                                written.display(),
                                first.display()
                            );
                        }
                        written_from.push((written.clone(), file));
                    }
                    Outcome::NeedsDecision => {
                        undecided += 1;
                        println!("needs a decision: pass --urgent <heading>; nothing written");
                    }
                    _ => {
                        failed += 1;
                        println!("failed: {} error(s), nothing written", import.report.errors.len());
                    }
                }
            }
        }
    }
    println!(
        "{} file(s): {failed} failed, {undecided} need an --urgent decision",
        files.len()
    );
    if failed + undecided > 0 {
        bail!("import-spl: {failed} file(s) failed and {undecided} need a decision");
    }
    Ok(())
}

/// The first HL7 child of `node` named `name`.
fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|c| is(*c, name))
}

/// The HL7 children of `node` named `name`.
fn children<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children().filter(move |c| is(*c, name))
}

fn patient_code(section: Node) -> Option<&'static str> {
    let code = child(section, "code")?.attribute("code")?;
    PATIENT_SECTIONS.iter().find(|(c, _)| *c == code).map(|(c, _)| *c)
}

/// An element's place, as an XPath: `/document/component/structuredBody/component[3]/section/text`.
fn xpath(node: Node) -> String {
    let mut steps: Vec<String> = node
        .ancestors()
        .filter(Node::is_element)
        .map(|n| {
            let name = n.tag_name().name();
            let same = |s: &Node| s.is_element() && s.tag_name().name() == name;
            // Both iterators start at the node itself.
            let index = n.prev_siblings().skip(1).filter(same).count();
            let siblings = index + n.next_siblings().skip(1).filter(same).count();
            if siblings == 0 {
                name.to_owned()
            } else {
                format!("{name}[{}]", index + 1)
            }
        })
        .collect();
    steps.reverse();
    format!("/{}", steps.join("/"))
}

/// The document's own facts: title, product, labeler, version and date.
struct Header {
    title: String,
    brand_name: Option<String>,
    generic_name: Option<String>,
    dosage_form: Option<String>,
    labeler: Option<String>,
    set_id: Option<String>,
    version: Option<String>,
    /// `YYYY-MM-DD`, from `effectiveTime`'s `YYYYMMDD…`.
    effective: Option<String>,
    approval: Option<String>,
}

impl Header {
    fn read(root: Node, report: &mut ImportReport) -> Self {
        let product = root.descendants().find(|n| {
            is(*n, "manufacturedProduct") && n.parent().is_some_and(|p| is(p, "manufacturedProduct"))
        });
        let text = |node: Option<Node>| node.map(text_of).filter(|t| !t.is_empty());
        let effective = child(root, "effectiveTime").and_then(|t| t.attribute("value"));
        let effective = effective.and_then(|value| {
            let day = format!("{}-{}-{}", value.get(..4)?, value.get(4..6)?, value.get(6..8)?);
            IsoDate::parse_day(&day).map(|_| day)
        });
        if effective.is_none() {
            report.errors.push(
                "/document/effectiveTime: needs a value starting YYYYMMDD (the revision date); fix the document"
                    .to_owned(),
            );
        }
        Header {
            title: text(child(root, "title")).unwrap_or_default(),
            brand_name: text(product.and_then(|p| child(p, "name"))),
            generic_name: text(
                product
                    .and_then(|p| child(p, "asEntityWithGeneric"))
                    .and_then(|g| child(g, "genericMedicine"))
                    .and_then(|g| child(g, "name")),
            ),
            dosage_form: product
                .and_then(|p| child(p, "formCode"))
                .and_then(|f| f.attribute("displayName"))
                .map(str::to_owned),
            labeler: text(
                child(root, "author")
                    .and_then(|a| child(a, "assignedEntity"))
                    .and_then(|a| child(a, "representedOrganization"))
                    .and_then(|o| child(o, "name")),
            ),
            set_id: child(root, "setId")
                .and_then(|s| s.attribute("root"))
                .map(str::to_owned),
            version: child(root, "versionNumber")
                .and_then(|v| v.attribute("value"))
                .map(str::to_owned),
            effective,
            approval: None,
        }
    }

    /// The review line: the label's own approval sentence, else its version
    /// and date as FDA-approved labeling. Never the labeler: publishing a
    /// label is not reviewing it.
    fn review_line(&self) -> String {
        self.approval.clone().unwrap_or_else(|| {
            format!(
                "FDA-approved labeling, version {}, effective {}",
                self.version.as_deref().unwrap_or("not stated"),
                self.effective.as_deref().unwrap_or_default()
            )
        })
    }

    fn monograph(
        mut self,
        options: &SplOptions,
        sections: &[Section],
        urgent: Option<Block>,
        report: &mut ImportReport,
    ) -> Option<Monograph> {
        let mut required = |value: &Option<String>, place: &str, what: &str| {
            value.clone().unwrap_or_else(|| {
                report
                    .errors
                    .push(format!("{place}: the document has no {what}; fix the document"));
                String::new()
            })
        };
        let product = "/document/…/manufacturedProduct/manufacturedProduct";
        let brand_name = required(&self.brand_name, &format!("{product}/name"), "product name");
        let generic_name = required(
            &self.generic_name,
            &format!("{product}/asEntityWithGeneric/genericMedicine/name"),
            "generic name",
        );
        let dosage_form = required(
            &self.dosage_form,
            &format!("{product}/formCode/@displayName"),
            "dosage form",
        );
        let labeler = required(
            &self.labeler,
            "/document/author/assignedEntity/representedOrganization/name",
            "labeler",
        );
        if self.title.is_empty() {
            report
                .errors
                .push("/document/title: the document has no title; fix the document".to_owned());
        }
        let id = options.id.clone().unwrap_or_else(|| slug(&brand_name));
        if !is_slug(&id) {
            report.errors.push(format!(
                "--id: {id:?} is not a slug: pass --id with lowercase letters, digits and single hyphens"
            ));
        }
        self.approval = approval_sentence(sections);
        if !report.errors.is_empty() {
            return None;
        }
        let day = self.effective.clone().unwrap_or_default();
        let note = format!(
            "FDA Structured Product Labeling, set id {}, version {}",
            self.set_id.as_deref().unwrap_or("not stated"),
            self.version.as_deref().unwrap_or("not stated")
        );
        Some(Monograph {
            meta: Meta {
                id: id.into(),
                title: self.title.clone().into(),
                language: "en".into(),
                pronunciation: None,
                generic_name: generic_name.into(),
                brand_name: brand_name.into(),
                dosage_form: dosage_form.into(),
                drug_class: None,
                reviewed_by: self.review_line().into(),
                last_updated: day.clone().into(),
                based_on: SOURCE_ID.into(),
                // An FDA label is written for patients in the United States.
                jurisdiction: Some("US".into()),
                example: false,
                additions: None,
            },
            sources: IArray::from(vec![Source {
                id: SOURCE_ID.into(),
                title: self.title.into(),
                publisher: Some(labeler.into()),
                revised: Some(day.into()),
                kind: Some(SourceKind::Label),
                note: Some(note.into()),
                short_name: None,
                // A US government work.
                rights: Some(Rights::PublicDomain),
                attribution: None,
            }]),
            summary: IArray::from(urgent.into_iter().collect::<Vec<_>>()),
            sections: IArray::from(sections.to_vec()),
            revisions: IArray::default(),
        })
    }
}

/// The sentence of the text that says the FDA approved it ("This Medication
/// Guide has been approved by the U.S. Food and Drug Administration."), whole.
fn approval_sentence(sections: &[Section]) -> Option<String> {
    sections.iter().flat_map(|s| s.blocks.iter()).find_map(|block| {
        let (Block::Paragraph { text, .. } | Block::Note { text, .. }) = block else {
            return None;
        };
        let at = text.find(APPROVAL)?;
        let start = text[..at].rfind(". ").map_or(0, |i| i + 2);
        let end = at + APPROVAL.len();
        let end = if text[end..].starts_with('.') {
            end + 1
        } else {
            end
        };
        Some(text[start..end].to_owned())
    })
}

/// A leaflet section before its id: heading and blocks.
struct Draft {
    heading: String,
    blocks: Vec<Block>,
    /// Where it came from, for the report.
    place: String,
    /// Its patient section, which its blocks cite.
    source: SourceRef,
}

struct Converter<'a, 'input> {
    document: &'a Document<'input>,
    vocabulary: &'a Spl,
    report: &'a mut ImportReport,
    ids: SectionIds,
}

impl Converter<'_, '_> {
    /// A patient section as leaflet sections: its own text (under its title,
    /// or the bold line it opens with), then each of its subsections, with
    /// theirs as subheadings. Every block cites the patient section.
    fn patient_section(&mut self, section: Node, code: &str, name: &str) -> Vec<Draft> {
        let title = child(section, "title").map(text_of).filter(|t| !t.is_empty());
        let text = child(section, "text");
        // A section without a title is cited by the heading line it opens with.
        let cited_title = title.clone().or_else(|| {
            let probe = SourceRef {
                doc: SOURCE_ID.into(),
                section: None,
            };
            text.and_then(|t| self.vocabulary.convert(self.document, t, "", &probe).heading_line)
        });
        let source = SourceRef {
            doc: SOURCE_ID.into(),
            section: Some(format!("{code} {}", cited_title.as_deref().unwrap_or(name)).into()),
        };
        let mut drafts = Vec::new();
        let (heading, blocks) = self.content(section, &source, 0);
        let heading = heading.unwrap_or_else(|| name.to_owned());
        drafts.push(Draft {
            heading,
            blocks,
            place: xpath(section),
            source: source.clone(),
        });
        for sub in children(section, "component").filter_map(|c| child(c, "section")) {
            let (heading, blocks) = self.content(sub, &source, 1);
            let heading = heading.unwrap_or_else(|| {
                self.report.errors.push(format!(
                    "{}: a subsection with no <title> and no heading line to open its text; add a title",
                    xpath(sub)
                ));
                String::new()
            });
            drafts.push(Draft {
                heading,
                blocks,
                place: xpath(sub),
                source: source.clone(),
            });
        }
        drafts
    }

    /// The heading (title, else the text's opening heading line) and blocks
    /// of `section`'s own text; at `depth` 1 and below, its subsections follow
    /// as subheadings with their blocks.
    fn content(&mut self, section: Node, source: &SourceRef, depth: usize) -> (Option<String>, Vec<Block>) {
        let title = child(section, "title").map(text_of).filter(|t| !t.is_empty());
        let mut blocks = Vec::new();
        let mut heading_line = None;
        if let Some(text) = child(section, "text") {
            let narrative = self.vocabulary.convert(self.document, text, &xpath(text), source);
            self.report.converted_by_rule.extend(narrative.by_rule);
            self.report.errors.extend(narrative.errors);
            blocks = narrative.blocks;
            heading_line = narrative.heading_line;
        }
        let heading = match (heading_line, title) {
            (Some(line), Some(title)) if line.eq_ignore_ascii_case(&title) => Some(title),
            // The title heads the section; a different opening line stays, below it.
            (Some(line), Some(title)) => {
                blocks.insert(0, Block::Subheading { heading: line.into() });
                Some(title)
            }
            (Some(line), None) => {
                self.report
                    .headings_from_narrative
                    .push(format!("{}: {line:?} (no title)", xpath(section)));
                Some(line)
            }
            (None, title) => title,
        };
        if depth > 0 {
            for sub in children(section, "component").filter_map(|c| child(c, "section")) {
                let (subheading, sub_blocks) = self.content(sub, source, depth + 1);
                if let Some(subheading) = subheading {
                    blocks.push(Block::Subheading {
                        heading: subheading.into(),
                    });
                }
                blocks.extend(sub_blocks);
            }
        }
        (heading, blocks)
    }

    /// A Medication Guide's questions ("What is the most important
    /// information I should know about …?") written as bold lines rather than
    /// subsections: each starts a leaflet section of its own.
    fn split_on_questions(&mut self, drafts: Vec<Draft>) -> Vec<Draft> {
        let mut split = Vec::new();
        for draft in drafts {
            let mut current = Draft {
                heading: draft.heading,
                blocks: Vec::new(),
                place: draft.place.clone(),
                source: draft.source.clone(),
            };
            for block in draft.blocks {
                match block {
                    Block::Subheading { heading } if heading.trim_end().ends_with('?') => {
                        self.report.converted_by_rule.push(format!(
                            "{}: the question {:?} -> a section of its own",
                            draft.place,
                            heading.as_str()
                        ));
                        let next = Draft {
                            heading: heading.to_string(),
                            blocks: Vec::new(),
                            place: draft.place.clone(),
                            source: draft.source.clone(),
                        };
                        split.push(std::mem::replace(&mut current, next));
                    }
                    other => current.blocks.push(other),
                }
            }
            split.push(current);
        }
        split
    }

    /// The drafts as leaflet sections with unique ids. A draft with no text
    /// of its own (a "MEDICATION GUIDE" line before the first question) is left
    /// out; a heading line with nothing under it is kept as a paragraph.
    fn leaflet_sections(&mut self, drafts: Vec<Draft>) -> Vec<Section> {
        let mut sections = Vec::new();
        for mut draft in drafts {
            if draft.blocks.is_empty() {
                self.report.converted_by_rule.push(format!(
                    "{}: the heading {:?} has no text of its own -> left out",
                    draft.place, draft.heading
                ));
                continue;
            }
            if let Some(Block::Subheading { heading }) = draft.blocks.last().cloned() {
                self.report.converted_by_rule.push(format!(
                    "{}: the line {:?} ends its section -> a paragraph",
                    draft.place,
                    heading.as_str()
                ));
                draft.blocks.pop();
                draft.blocks.push(Block::Paragraph {
                    text: heading,
                    source: Some(draft.source.clone()),
                });
            }
            let id = self.ids.take(&draft.heading, &draft.place, self.report);
            self.report.sections.push(format!(
                "{} -> {id} {:?} ({} blocks)",
                draft.place,
                draft.heading,
                draft.blocks.len()
            ));
            sections.push(Section {
                id: id.into(),
                heading: draft.heading.into(),
                blocks: IArray::from(draft.blocks),
            });
        }
        sections
    }

    /// The urgent box: the `--urgent` heading's first list (else its
    /// paragraphs); by default the first list under the "most important
    /// information" heading, else a list led by "Call your healthcare provider
    /// right away" or "Get emergency help". Without either the import asks.
    fn urgent(&mut self, sections: &[Section], chosen: Option<&str>) -> Option<Block> {
        let groups = heading_groups(sections);
        if let Some(chosen) = chosen {
            let found = groups
                .iter()
                .find(|(heading, _)| heading.trim().eq_ignore_ascii_case(chosen.trim()))
                .and_then(|(heading, blocks)| urgent_box(heading, blocks));
            if found.is_none() {
                self.report.errors.push(format!(
                    "--urgent: no heading {chosen:?} with a list or paragraphs; pass one of the candidates: {}",
                    candidates(&groups)
                ));
            }
            return found;
        }
        let most_important = groups
            .iter()
            .filter(|(heading, _)| heading.to_lowercase().contains(MOST_IMPORTANT))
            .find_map(|(heading, blocks)| {
                blocks
                    .iter()
                    .any(|b| matches!(b, Block::List { .. }))
                    .then(|| urgent_box(heading, blocks))
                    .flatten()
            });
        let led = || {
            groups.iter().find_map(|(heading, blocks)| {
                blocks.iter().find_map(|block| match block {
                    Block::List {
                        lead: Some(lead),
                        source,
                        items,
                    } if URGENT_LEADS.iter().any(|l| lead.to_lowercase().contains(l)) => {
                        Some(Block::Urgent {
                            heading: heading.clone().into(),
                            lead: Some(lead.clone()),
                            source: source.clone(),
                            items: items.clone(),
                        })
                    }
                    _ => None,
                })
            })
        };
        let found = most_important.or_else(led);
        if found.is_none() {
            self.report.errors.push(format!(
                "--urgent: no list under a \"{MOST_IMPORTANT}\" heading, nor one led by \"Call your healthcare provider right away\" or \"Get emergency help\"; pass --urgent <heading> with one of the candidates: {}",
                candidates(&groups)
            ));
        }
        found
    }
}

/// Each section's heading with its blocks before its first subheading, and
/// each subheading with the blocks under it: what `--urgent` can name.
fn heading_groups(sections: &[Section]) -> Vec<(String, Vec<Block>)> {
    let mut groups = Vec::new();
    for section in sections {
        let mut current = (section.heading.to_string(), Vec::new());
        for block in section.blocks.iter() {
            if let Block::Subheading { heading } = &block {
                groups.push(std::mem::replace(&mut current, (heading.to_string(), Vec::new())));
            } else {
                current.1.push(block.clone());
            }
        }
        groups.push(current);
    }
    groups
}

fn candidates(groups: &[(String, Vec<Block>)]) -> String {
    let listed: Vec<String> = groups
        .iter()
        .filter_map(|(heading, blocks)| {
            urgent_candidate(blocks).map(|gives| format!("{heading:?} ({gives})"))
        })
        .collect();
    if listed.is_empty() {
        "none".to_owned()
    } else {
        listed.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_an_spl_document_says_what_to_import() {
        let not_xml = convert("<document", &SplOptions::default()).expect_err("refused");
        assert!(not_xml.starts_with("not well-formed XML: "), "{not_xml}");
        assert!(not_xml.ends_with("; fix the file"), "{not_xml}");
        let html = convert("<html><body/></html>", &SplOptions::default()).expect_err("refused");
        assert_eq!(
            html,
            "/html: not an SPL document (its root is not <document xmlns=\"urn:hl7-org:v3\">); import an SPL XML file"
        );
    }

    #[test]
    fn the_approval_sentence_is_taken_whole_from_its_paragraph() {
        let section = |text: &str| Section {
            id: "s".into(),
            heading: "S".into(),
            blocks: IArray::from(vec![Block::Paragraph {
                text: text.into(),
                source: None,
            }]),
        };
        assert_eq!(
            approval_sentence(&[section(
                "Keep it cold. This Patient Information has been approved by the U.S. Food and Drug Administration. Revised: 1/2026"
            )])
            .as_deref(),
            Some("This Patient Information has been approved by the U.S. Food and Drug Administration.")
        );
        assert_eq!(approval_sentence(&[section("Approved labeling.")]), None);
    }

    #[test]
    fn places_are_xpaths_with_an_index_only_among_namesakes() {
        let xml = format!(
            "<document xmlns=\"{HL7}\"><component/><component><section><text/></section></component></document>"
        );
        let document = Document::parse(&xml).expect("XML");
        let text = document.descendants().find(|n| is(*n, "text")).expect("text");
        assert_eq!(xpath(text), "/document/component[2]/section/text");
    }
}
