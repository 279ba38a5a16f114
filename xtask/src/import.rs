//! What the importers share beyond the narrative: the report, section ids
//! and the "Get medical help" box taken from a section.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use implicit_clone::unsync::{IArray, IString};
use monograph::date::IsoDate;
use monograph::loader;
use monograph::model::{Block, Item, Monograph, Revision, Section, RESERVED_SECTION_IDS};
use monograph::validate::validate;

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

/// A command's arguments: `--flag value` options and `--switch`es, each
/// named in advance, and the others (its files) in order.
pub struct Args {
    values: Vec<(String, String)>,
    switches: Vec<String>,
    pub others: Vec<String>,
}

impl Args {
    /// Reads `args` of `command`, whose options are `flags` (with a value)
    /// and `switches` (without).
    pub fn parse(command: &str, args: &[String], flags: &[&str], switches: &[&str]) -> Result<Self> {
        let mut parsed = Args {
            values: Vec::new(),
            switches: Vec::new(),
            others: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if !arg.starts_with("--") {
                parsed.others.push(arg.clone());
                continue;
            }
            if switches.contains(&arg.as_str()) {
                parsed.switches.push(arg.clone());
                continue;
            }
            if !flags.contains(&arg.as_str()) {
                let known: Vec<&str> = flags.iter().chain(switches).copied().collect();
                bail!("{command}: unknown option {arg} (options: {})", known.join(", "));
            }
            let Some(value) = args.next() else {
                bail!("{command}: {arg} needs a value");
            };
            parsed.values.push((arg.clone(), value.clone()));
        }
        Ok(parsed)
    }

    /// Whether `switch` was given.
    pub fn has(&self, switch: &str) -> bool {
        self.switches.iter().any(|given| given == switch)
    }

    /// The value of `flag`, the last one given.
    pub fn value(&self, flag: &str) -> Option<String> {
        self.values
            .iter()
            .rev()
            .find(|(name, _)| name == flag)
            .map(|(_, value)| value.clone())
    }
}

/// `monograph` checked by the rules a hand-written one passes, their errors
/// added to the report's (`monograph <path>: …`); `None` when the report has
/// any error.
pub fn validated(monograph: Option<Monograph>, report: &mut ImportReport) -> Option<Monograph> {
    if let Some(monograph) = &monograph {
        let checked = validate(monograph);
        report
            .errors
            .extend(checked.errors.iter().map(|p| format!("monograph {p}")));
    }
    monograph.filter(|_| report.errors.is_empty())
}

/// Writes `monograph` as `out_dir/<id>.toml` under the `header` comment and
/// loads it back as the build and check-content will: a file with a problem
/// is removed again and its problems join the report's errors (`None`).
/// Where `<id>.toml` is the drug's leaflet in another language (by primary
/// subtag: `en-GB` replaces an `en` file), the document is that drug's
/// leaflet in its own language: `<id>.<language>.toml`.
pub fn write_checked(
    monograph: &Monograph,
    out_dir: &Path,
    header: &str,
    report: &mut ImportReport,
) -> Result<Option<PathBuf>> {
    let (id, language) = (&monograph.meta.id, &monograph.meta.language);
    let main = out_dir.join(format!("{id}.toml"));
    let main_language = main
        .exists()
        .then(|| loader::load(&main).ok())
        .flatten()
        .map(|loaded| loaded.monograph.meta.language);
    let translation = loader::translation_name(id, language);
    let file = match main_language {
        Some(main_language) if loader::translation_name(id, &main_language) != translation => {
            out_dir.join(format!("{translation}.toml"))
        }
        _ => main,
    };
    let toml = toml::to_string(monograph).context("writing the monograph as TOML")?;
    fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    fs::write(&file, format!("{header}{toml}")).with_context(|| format!("writing {}", file.display()))?;
    let problems: Vec<String> = match &loader::load(&file) {
        Ok(loaded) => loaded.report.errors.iter().map(ToString::to_string).collect(),
        Err(error) => vec![error.to_string()],
    };
    if problems.is_empty() {
        return Ok(Some(file));
    }
    fs::remove_file(&file).with_context(|| format!("removing {}", file.display()))?;
    report
        .errors
        .extend(problems.into_iter().map(|p| format!("{}: {p}", file.display())));
    Ok(None)
}

/// The previous version of an imported monograph (`--previous <file>`): a
/// monograph file (`.toml`, whose revisions are kept), else the previous
/// document itself, converted by `convert` as the new one is.
pub fn previous_version(file: &Path, convert: impl FnOnce(&str) -> Option<Monograph>) -> Result<Monograph> {
    if file.extension().is_some_and(|e| e == "toml") {
        let loaded = loader::load(file).with_context(|| format!("--previous {}", file.display()))?;
        return Ok(loaded.monograph);
    }
    let text = fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    match convert(&text) {
        Some(monograph) => Ok(monograph),
        None => bail!(
            "--previous {}: the previous version does not import cleanly",
            file.display()
        ),
    }
}

/// `monograph` with the revision `--previous <file>` computes (as
/// `record_revision` does), checked again; as it was without a file.
pub fn with_previous(
    mut monograph: Monograph,
    previous: Option<&Path>,
    convert: impl FnOnce(&str) -> Option<Monograph>,
    report: &mut ImportReport,
) -> Result<Option<Monograph>> {
    let Some(file) = previous else {
        return Ok(Some(monograph));
    };
    let previous = previous_version(file, convert)?;
    record_revision(&mut monograph, &previous, report);
    Ok(validated(Some(monograph), report))
}

/// A section's words, white space aside: its heading and every text in it,
/// not the places they cite (a renumbered source is not a change a reader sees).
fn section_words(section: &Section) -> String {
    let mut words = vec![section.heading.to_string()];
    let mut push = |text: &Option<IString>| words.extend(text.iter().map(ToString::to_string));
    for block in section.blocks.iter() {
        match block {
            Block::Paragraph { text, .. } | Block::Note { text, .. } | Block::Figure { text, .. } => {
                push(&Some(text.clone()))
            }
            Block::Subheading { heading } => push(&Some(heading.clone())),
            Block::List { lead, items, .. } | Block::Urgent { lead, items, .. } => {
                push(lead);
                items.iter().for_each(|item| push(&Some(item.text.clone())));
            }
            Block::KeyFacts { heading, items } => {
                push(&Some(heading.clone()));
                items.iter().for_each(|item| push(&Some(item.text.clone())));
            }
            Block::Definitions { items } => items.iter().for_each(|item| {
                push(&Some(item.term.clone()));
                push(&Some(item.definition.clone()));
            }),
        }
    }
    let joined = words.join(" ");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Records in `monograph` what changed since `previous`: the sections whose
/// words differ, or that are new, as a revision dated by the new document
/// (`meta.last_updated`), after `previous`'s revisions (those naming removed
/// sections lose them). None when nothing changed; the report says which
/// sections changed and which were removed.
pub fn record_revision(monograph: &mut Monograph, previous: &Monograph, report: &mut ImportReport) {
    let before = |id: &str| previous.sections.iter().find(|s| s.id == id).map(section_words);
    let changed: Vec<&Section> = monograph
        .sections
        .iter()
        .filter(|section| before(&section.id) != Some(section_words(section)))
        .collect();
    let kept = |id: &IString| monograph.sections.iter().any(|s| s.id == *id);
    for removed in previous.sections.iter().filter(|s| !kept(&s.id)) {
        report.converted_by_rule.push(format!(
            "--previous: section {} is gone from the new version",
            removed.id
        ));
    }
    let mut revisions: Vec<Revision> = previous
        .revisions
        .iter()
        .filter_map(|revision| {
            let sections: Vec<IString> = revision.sections.iter().filter(|id| kept(id)).cloned().collect();
            (!sections.is_empty()).then(|| Revision {
                sections: sections.into(),
                ..revision.clone()
            })
        })
        .collect();
    let date = monograph.meta.last_updated.clone();
    if changed.is_empty() {
        report
            .converted_by_rule
            .push("--previous: no section changed; no revision recorded".to_owned());
    } else {
        let headings: Vec<&str> = changed.iter().map(|s| s.heading.as_str()).collect();
        report.converted_by_rule.push(format!(
            "--previous: revision {date}: {}",
            changed
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        let latest = revisions.last().map(|r| r.date.clone());
        if let Some(latest) = latest.filter(|l| IsoDate::parse_day(l) >= IsoDate::parse_day(&date)) {
            report.errors.push(format!(
                "--previous: the new version is dated {date}, not after the previous one's last revision ({latest}); pass an older version"
            ));
            return;
        }
        revisions.push(Revision {
            date: date.clone(),
            summary: format!(
                "New version of the leaflet: changed text in {}.",
                headings.join(", ")
            )
            .into(),
            sections: changed.iter().map(|s| s.id.clone()).collect::<Vec<_>>().into(),
        });
    }
    monograph.revisions = revisions.into();
}

/// Section ids made unique within one leaflet.
#[derive(Default)]
pub struct SectionIds(Vec<String>);

impl SectionIds {
    /// A unique slug from `title` (`section-N` when it has no letters, which
    /// the report says), never one the leaflet keeps for itself.
    pub fn take(&mut self, title: &str, place: &str, report: &mut ImportReport) -> String {
        let mut base = slug(title);
        if base.is_empty() {
            base = format!("section-{}", self.0.len() + 1);
            report
                .converted_by_rule
                .push(format!("{place}: no letters for an id -> {base}"));
        }
        let mut id = base.clone();
        let mut n = 1;
        while self.0.contains(&id) || RESERVED_SECTION_IDS.contains(&id.as_str()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.0.push(id.clone());
        id
    }
}

/// The "Get medical help" box from a section's own blocks, under its heading:
/// a copy of its first list; in a section without a list, its paragraphs and
/// notes, one item each (leaflets that write each sign as a paragraph).
pub fn urgent_box(heading: &str, blocks: &[Block]) -> Option<Block> {
    let first_list = blocks.iter().find_map(|block| match block {
        Block::List { lead, source, items } => Some((lead.clone(), source.clone(), items.clone())),
        _ => None,
    });
    let (lead, source, items) = first_list.or_else(|| {
        let paragraphs: Vec<Item> = blocks
            .iter()
            .filter_map(|block| match block {
                Block::Paragraph { text, source } | Block::Note { text, source } => Some(Item {
                    text: text.clone(),
                    source: source.clone(),
                }),
                _ => None,
            })
            .collect();
        (!paragraphs.is_empty()).then(|| (None, None, IArray::from(paragraphs)))
    })?;
    Some(Block::Urgent {
        heading: heading.into(),
        lead,
        source,
        items,
    })
}

/// What a section would give the box, for a message that lists the
/// candidates: "a list", "3 paragraphs", or `None`.
pub fn urgent_candidate(blocks: &[Block]) -> Option<String> {
    if blocks.iter().any(|b| matches!(b, Block::List { .. })) {
        return Some("a list".to_owned());
    }
    let paragraphs = blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. } | Block::Note { .. }))
        .count();
    (paragraphs > 0).then(|| format!("{paragraphs} paragraph{}", if paragraphs == 1 { "" } else { "s" }))
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

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn options_take_a_value_switches_none_and_the_rest_are_files() {
        let parsed = Args::parse(
            "import-x",
            &args(&["a.xml", "--id", "x", "--example", "b.xml", "--id", "y"]),
            &["--id", "--out"],
            &["--example", "--dry"],
        )
        .expect("parsed");
        assert_eq!(parsed.others, ["a.xml", "b.xml"]);
        assert_eq!(parsed.value("--id").as_deref(), Some("y"));
        assert_eq!(parsed.value("--out"), None);
        assert!(parsed.has("--example"));
        assert!(!parsed.has("--dry"));
        let unknown = Args::parse("import-x", &args(&["--idd", "x"]), &["--id"], &["--example"])
            .err()
            .expect("refused");
        assert_eq!(
            unknown.to_string(),
            "import-x: unknown option --idd (options: --id, --example)"
        );
        let bare = Args::parse("import-x", &args(&["a.xml", "--id"]), &["--id"], &[])
            .err()
            .expect("refused");
        assert_eq!(bare.to_string(), "import-x: --id needs a value");
    }

    #[test]
    fn ids_keep_spanish_words_whole() {
        assert_eq!(
            slug("1. Qué es Examplamab y para qué se utiliza"),
            "1-que-es-examplamab-y-para-que-se-utiliza"
        );
        assert_eq!(slug("Año"), "ano");
    }
}
