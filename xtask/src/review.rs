//! `cargo xtask review <id>`: the pharmacist's review sheet (`target/review/<id>.html`),
//! the sign-off it leads to (`--sign`, appended to `monographs/<id>.review.toml`)
//! and the move of an old whole-monograph review into that record (`--migrate`).
//! Also what `check-content` and `dist` say about sign-offs and reuse rights.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use monograph::loader::{self, Loaded};
use monograph::markup::{preview, shown_text};
use monograph::model::{Block, Monograph, Rights, Source, SourceRef};
use monograph::review::{
    review_file_path, text_states, ReviewFile, SignOff, SignOffState, SignedText, TextState,
};
use monograph::validate::{is_slug, sourced_texts};

const USAGE: &str = "\
cargo xtask review <id> [--out FILE]
cargo xtask review <id> --sign (--sheet <sheet id> | --only <hash,...>) --reviewer \"<name>\" --role \"<role>\"
                         [--registration \"<number>\"] [--date YYYY-MM-DD]
cargo xtask review <id> --migrate";

/// Said at the top of every `<id>.review.toml`: a pharmacist or an editor
/// opening it should know what it is and not to edit the hashes by hand.
const RECORD_HEADER: &str = "\
# Pharmacists' sign-offs of this monograph's added texts, and the permissions
# the hospital holds for sources that need one. Written by
# `cargo xtask review <id> --sign` (and `--migrate`): each [[signoff]] names
# the texts it covers by place and by a hash of the text as it was signed, so a
# text edited since is unreviewed again. Add a [[permission]] by hand:
#   [[permission]]
#   source = \"<source id>\"
#   note = \"<who granted what, when, and where the letter is filed>\"
";

/// A monograph file loaded without errors, its sign-off record and where
/// each added text stands.
pub struct Reviewed {
    pub path: PathBuf,
    pub monograph: Monograph,
    pub record: ReviewFile,
    pub states: Vec<TextState>,
}

impl Reviewed {
    /// Loads `path` and its record; a file with errors is refused with them,
    /// since a sheet or a sign-off of an invalid leaflet would be worthless.
    pub fn open(path: &Path) -> Result<Reviewed> {
        let name = path.display().to_string();
        let Loaded { monograph, report } = match loader::load(path) {
            Ok(loaded) => loaded,
            Err(error) => bail!("{name}: {error}"),
        };
        if !report.errors.is_empty() {
            bail!(
                "{name} has errors; fix them first (`cargo xtask check-content` lists them):\n{}",
                report.lines(&name).join("\n")
            );
        }
        let record = read_record(path)?;
        let states = text_states(&monograph, &record);
        Ok(Reviewed {
            path: path.to_path_buf(),
            monograph,
            record,
            states,
        })
    }

    pub fn counts(&self) -> SignOffCounts {
        SignOffCounts::of(&self.states)
    }
}

/// How many of a monograph's added texts are signed off as they are now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignOffCounts {
    pub signed: usize,
    pub total: usize,
}

impl SignOffCounts {
    pub fn of(states: &[TextState]) -> SignOffCounts {
        SignOffCounts {
            signed: states.iter().filter(|t| is_signed(t)).count(),
            total: states.len(),
        }
    }
}

impl fmt::Display for SignOffCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.total {
            0 => f.write_str("no added texts to sign off"),
            total => write!(f, "{} of {total} added texts signed off", self.signed),
        }
    }
}

fn is_signed(text: &TextState) -> bool {
    matches!(text.state, SignOffState::Signed(_))
}

/// Why a text still needs a pharmacist ("not signed off", "changed since
/// the sign-off of <date>"); `None` when it is signed off as it is.
pub fn pending(text: &TextState) -> Option<String> {
    match &text.state {
        SignOffState::Signed(_) => None,
        SignOffState::Unreviewed => Some("not signed off".to_owned()),
        SignOffState::ChangedSince(date) => Some(format!("changed since the sign-off of {date}")),
    }
}

/// The monographs in `folder`, sorted (the loader leaves the sign-off records out).
pub fn monograph_files_in(folder: &Path) -> Result<Vec<PathBuf>> {
    loader::monograph_files(folder).with_context(|| format!("cannot read {}", folder.display()))
}

/// Every monograph file in `folder`, opened with its record (or why it could not be).
pub fn reviewed_monographs(folder: &Path) -> Result<Vec<Result<Reviewed>>> {
    let files = monograph_files_in(folder)?;
    Ok(files.iter().map(|path| Reviewed::open(path)).collect())
}

/// The record beside the monograph file `path`; an empty one when there is none yet.
pub fn read_record(path: &Path) -> Result<ReviewFile> {
    let record_path = review_file_path(path);
    match fs::read_to_string(&record_path) {
        Ok(text) => toml::from_str(&text)
            .with_context(|| format!("{} is not a sign-off record", record_path.display())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(ReviewFile::default()),
        Err(error) => Err(error).with_context(|| format!("cannot read {}", record_path.display())),
    }
}

fn write_record(path: &Path, record: &ReviewFile) -> Result<PathBuf> {
    let record_path = review_file_path(path);
    let body = toml::to_string(record).context("writing the sign-off record as TOML")?;
    fs::write(&record_path, format!("{RECORD_HEADER}\n{body}"))
        .with_context(|| format!("cannot write {}", record_path.display()))?;
    Ok(record_path)
}

/// `cargo xtask review ...` with its arguments after `review`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let Some((id, flags)) = args.split_first() else {
        bail!("review needs a monograph id\n\n{USAGE}");
    };
    if !is_slug(id) {
        bail!("{id:?} is not a monograph id (lowercase letters, digits and single hyphens)\n\n{USAGE}");
    }
    let path = root.join("monographs").join(format!("{id}.toml"));
    if !path.is_file() {
        bail!("there is no {}", path.display());
    }
    match parse_flags(flags)? {
        Action::Sheet { out } => {
            let out = out.unwrap_or_else(|| root.join("target/review").join(format!("{id}.html")));
            let sheet = write_sheet(&path, &out)?;
            println!(
                "review: wrote {}: {} added texts for review ({}), {} from the original page\n\
                 review: sign it off with `cargo xtask review {id} --sign --sheet {} --reviewer \"...\" --role \"...\"`",
                out.display(),
                sheet.counts.total,
                sheet.counts,
                sheet.original,
                sheet.id
            );
            Ok(())
        }
        Action::Sign { signer, chosen } => {
            let signed = sign(&path, &signer, &chosen)?;
            println!(
                "review: recorded {} text(s) signed off by {}, {}, on {} in {}\nreview: {}",
                signed.texts,
                signer.name,
                signer.role,
                signer.date,
                signed.record.display(),
                signed.counts
            );
            Ok(())
        }
        Action::Migrate => {
            let migrated = migrate(&path)?;
            println!(
                "review: moved [meta.additions.review] of {} into {}: {} text(s) signed off by {}, {}, on {}\nreview: {}",
                path.display(),
                migrated.record.display(),
                migrated.texts,
                migrated.reviewer.name,
                migrated.reviewer.role,
                migrated.reviewer.date,
                migrated.counts
            );
            Ok(())
        }
    }
}

enum Action {
    Sheet { out: Option<PathBuf> },
    Sign { signer: Signer, chosen: Chosen },
    Migrate,
}

/// Who signs off, and on which day (`YYYY-MM-DD`).
#[derive(Clone, Debug)]
pub struct Signer {
    pub name: String,
    pub role: String,
    pub registration: Option<String>,
    pub date: String,
}

fn parse_flags(flags: &[String]) -> Result<Action> {
    let mut out = None;
    let (mut sign, mut migrate) = (false, false);
    let (mut name, mut role, mut registration, mut date, mut only) = (None, None, None, None, None);
    let mut sheet = None;
    let mut rest = flags.iter();
    while let Some(flag) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .with_context(|| format!("{flag} needs a value\n\n{USAGE}"))
        };
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--sign" => sign = true,
            "--migrate" => migrate = true,
            "--reviewer" => name = Some(value()?),
            "--role" => role = Some(value()?),
            "--registration" => registration = Some(value()?),
            "--date" => date = Some(value()?),
            "--sheet" => sheet = Some(value()?),
            "--only" => {
                only = Some(
                    value()?
                        .split(',')
                        .map(|hash| hash.trim().to_owned())
                        .filter(|hash| !hash.is_empty())
                        .collect::<Vec<_>>(),
                )
            }
            other => bail!("review does not take {other:?}\n\n{USAGE}"),
        }
    }
    let signing = [
        name.is_some(),
        role.is_some(),
        registration.is_some(),
        date.is_some(),
        only.is_some(),
        sheet.is_some(),
    ];
    match (sign, migrate) {
        (true, true) => bail!("--sign and --migrate are separate steps\n\n{USAGE}"),
        (false, true) if out.is_none() && !signing.contains(&true) => Ok(Action::Migrate),
        (false, true) => bail!("--migrate takes no other option\n\n{USAGE}"),
        (false, false) if !signing.contains(&true) => Ok(Action::Sheet { out }),
        (false, false) => {
            bail!("--reviewer, --role, --registration, --date, --sheet and --only go with --sign\n\n{USAGE}")
        }
        (true, false) if out.is_some() => {
            bail!("--out writes the sheet; --sign writes the record\n\n{USAGE}")
        }
        (true, false) => {
            let date = date.unwrap_or_else(today_utc);
            if monograph::date::IsoDate::parse_day(&date).is_none() {
                bail!("--date {date:?} is not a day as YYYY-MM-DD");
            }
            let signer = Signer {
                name: non_empty(name, "--reviewer")?,
                role: non_empty(role, "--role")?,
                registration,
                date,
            };
            // What the pharmacist saw: the sheet as a whole, or the hashes ticked on it.
            let chosen = match (sheet, only) {
                (Some(sheet), None) => Chosen::Sheet(sheet),
                (None, Some(hashes)) => Chosen::Only(hashes),
                _ => bail!("--sign takes either --sheet <sheet id> (every text the sheet listed) or --only <hash,...>\n\n{USAGE}"),
            };
            Ok(Action::Sign { signer, chosen })
        }
    }
}

fn non_empty(value: Option<String>, flag: &str) -> Result<String> {
    match value {
        Some(value) if !value.trim().is_empty() => Ok(value.trim().to_owned()),
        _ => bail!("--sign needs {flag} \"...\"\n\n{USAGE}"),
    }
}

/// Today in UTC as `YYYY-MM-DD`: the default day of a sign-off.
pub fn today_utc() -> String {
    let now = crate::timestamp::iso8601_utc(std::time::SystemTime::now());
    now.split('T').next().unwrap_or_default().to_owned()
}

/// What `sign` and `migrate` recorded.
pub struct Recorded {
    /// How many texts the new sign-off covers.
    pub texts: usize,
    pub record: PathBuf,
    pub counts: SignOffCounts,
}

/// Which texts a sign-off covers: what the pharmacist saw.
pub enum Chosen {
    /// Every text not yet signed off, as the sheet with this id listed them:
    /// refused if any has changed since.
    Sheet(String),
    /// The texts with these hashes.
    Only(Vec<String>),
}

/// The id of the review sheet of these texts: a hash of the hashes of the
/// texts it lists for review, so any edit since the sheet changes it.
pub fn sheet_id(states: &[TextState]) -> String {
    let pending: Vec<&str> = states
        .iter()
        .filter(|t| !is_signed(t))
        .map(|t| t.hash.as_str())
        .collect();
    monograph::review::short_hash(&pending.join(","))
}

/// Appends a sign-off by `signer` to the record of the monograph at `path`,
/// of the `chosen` texts. A sheet id that no longer matches the texts, or a
/// hash that is no current text's, is an error.
pub fn sign(path: &Path, signer: &Signer, chosen: &Chosen) -> Result<Recorded> {
    let Reviewed {
        mut record, states, ..
    } = Reviewed::open(path)?;
    let chosen: Vec<&TextState> = match chosen {
        Chosen::Sheet(sheet) => {
            let now = sheet_id(&states);
            if *sheet != now {
                bail!(
                    "{} changed since review sheet {sheet} was written (its texts for review are sheet {now} now): \
                     write the sheet again with `cargo xtask review` and have the changes reviewed",
                    path.display()
                );
            }
            states.iter().filter(|t| !is_signed(t)).collect()
        }
        Chosen::Only(hashes) => {
            let unknown: Vec<&str> = hashes
                .iter()
                .filter(|hash| !states.iter().any(|t| &t.hash == *hash))
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                bail!(
                    "no added text of {} has the hash {} (the review sheet lists each text's hash)",
                    path.display(),
                    unknown.join(", ")
                );
            }
            states.iter().filter(|t| hashes.contains(&t.hash)).collect()
        }
    };
    if chosen.is_empty() {
        bail!(
            "nothing to sign off in {}: {}",
            path.display(),
            SignOffCounts::of(&states)
        );
    }
    let texts = chosen.len();
    record.signoffs.push(sign_off(signer, chosen));
    let record_path = write_record(path, &record)?;
    Ok(Recorded {
        texts,
        record: record_path,
        counts: Reviewed::open(path)?.counts(),
    })
}

fn sign_off(signer: &Signer, texts: Vec<&TextState>) -> SignOff {
    SignOff {
        name: signer.name.clone(),
        role: signer.role.clone(),
        registration: signer.registration.clone(),
        date: signer.date.clone(),
        texts: texts
            .into_iter()
            .map(|t| SignedText {
                place: t.place.clone(),
                hash: t.hash.clone(),
            })
            .collect(),
    }
}

/// What `migrate` did: the sign-off it recorded, and whose.
pub struct Migrated {
    pub reviewer: Signer,
    pub texts: usize,
    pub record: PathBuf,
    pub counts: SignOffCounts,
}

/// The monograph's old whole-monograph review, as the TOML had it.
#[derive(Deserialize)]
struct OldDocument {
    meta: OldMeta,
}

#[derive(Deserialize)]
struct OldMeta {
    additions: Option<OldAdditions>,
}

#[derive(Deserialize)]
struct OldAdditions {
    review: Option<OldReview>,
}

#[derive(Deserialize)]
struct OldReview {
    name: String,
    role: String,
    date: String,
}

/// The table header the old review sat under.
const OLD_REVIEW_TABLE: &str = "[meta.additions.review]";

/// Turns `[meta.additions.review]` (one review of the whole monograph) into
/// a sign-off of every current added text by that reviewer on that date, in
/// the record, and takes the table's lines out of the monograph file.
pub fn migrate(path: &Path) -> Result<Migrated> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let old: OldDocument = toml::from_str(&text)
        .with_context(|| format!("{} is not TOML with a [meta] table", path.display()))?;
    let Some(review) = old.meta.additions.and_then(|a| a.review) else {
        bail!(
            "{} has no {OLD_REVIEW_TABLE} table: nothing to migrate",
            path.display()
        );
    };
    let migrated_text = without_old_review(&text);
    let Loaded { monograph, report } = loader::parse(&migrated_text)
        .with_context(|| format!("{} without {OLD_REVIEW_TABLE}", path.display()))?;
    if !report.errors.is_empty() {
        bail!(
            "{} has errors besides the old review; fix them first:\n{}",
            path.display(),
            report.lines(&path.display().to_string()).join("\n")
        );
    }
    // The old rule: a review older than the additions it covered did not
    // count, so it cannot become a sign-off of today's texts.
    let compiled = monograph.meta.additions.as_ref().map(|a| a.compiled.to_string());
    if let Some(compiled) = compiled.filter(|compiled| review.date.as_str() < compiled.as_str()) {
        bail!(
            "{OLD_REVIEW_TABLE} is dated {} but the added text was compiled on {compiled}: it did not cover \
             today's texts, so nothing is migrated; have them reviewed and signed with --sign",
            review.date
        );
    }
    let reviewer = Signer {
        name: review.name,
        role: review.role,
        registration: None,
        date: review.date,
    };
    let mut record = read_record(path)?;
    let states = text_states(&monograph, &ReviewFile::default());
    record.signoffs.push(sign_off(&reviewer, states.iter().collect()));
    // The record first: if it cannot be written, the monograph keeps its review.
    let record_path = write_record(path, &record)?;
    fs::write(path, &migrated_text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Migrated {
        texts: states.len(),
        record: record_path,
        counts: Reviewed::open(path)?.counts(),
        reviewer,
    })
}

/// `text` without the old review table: its header line and the lines of
/// its keys, up to the next table or blank line.
fn without_old_review(text: &str) -> String {
    let mut kept = Vec::new();
    let mut in_table = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed == OLD_REVIEW_TABLE {
            in_table = true;
            // The blank line that set the table apart goes with it.
            if kept.last().is_some_and(|l: &&str| l.trim().is_empty()) {
                kept.pop();
            }
            continue;
        }
        if in_table && (trimmed.is_empty() || trimmed.starts_with('[')) {
            in_table = false;
        }
        if !in_table {
            kept.push(line);
        }
    }
    let mut out = kept.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A source whose reuse must be cleared before publishing and for which the
/// record holds no permission, with the texts that rest on it.
pub struct Clearance<'a> {
    /// Its index in `sources`.
    pub index: usize,
    pub source: &'a Source,
    /// The places of the texts citing it (or, for `meta.based_on`, citing nothing).
    pub places: Vec<String>,
}

impl Clearance<'_> {
    /// One line for `check-content`'s warning, `dist`'s summary and its refusal.
    pub fn message(&self, record_name: &str) -> String {
        format!(
            "{} ({}): {}: {} text(s) rest on it and {record_name} records no permission ([[permission]] source = \"{}\")",
            self.source.id.as_str(),
            self.source.short_name.as_deref().unwrap_or(self.source.title.as_str()),
            rights_in_words(self.source.rights),
            self.places.len(),
            self.source.id.as_str()
        )
    }
}

/// The sources that need a permission (`permission-required`, `unknown` or
/// no rights given) which the record lacks, among those any text rests on:
/// a declared source nothing is taken from needs no clearance.
pub fn uncleared_sources<'a>(monograph: &'a Monograph, record: &ReviewFile) -> Vec<Clearance<'a>> {
    let texts = sourced_texts(monograph);
    let based_on = monograph.meta.based_on.as_str();
    monograph
        .sources
        .iter()
        .enumerate()
        .filter(|(_, source)| Rights::needs_clearance(source.rights))
        .filter(|(_, source)| !record.permissions.iter().any(|p| p.source == source.id.as_str()))
        .map(|(index, source)| Clearance {
            index,
            source,
            places: texts
                .iter()
                .filter(|t| t.source.map_or(based_on, |s| s.doc.as_str()) == source.id.as_str())
                .map(|t| t.path.clone())
                .collect(),
        })
        .filter(|clearance| !clearance.places.is_empty())
        .collect()
}

/// The name of the record of the monograph file `path`, as messages give it.
pub fn record_name(path: &Path) -> String {
    review_file_path(path)
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// What a publisher may do with a source's text, in the words of the
/// leaflet's Sources section.
pub fn rights_in_words(rights: Option<Rights>) -> &'static str {
    match rights {
        Some(Rights::PublicDomain) => "public domain (a US government work)",
        Some(Rights::ReuseWithAcknowledgement) => "reuse allowed with acknowledgement of the source",
        Some(Rights::Ogl3) => "Open Government Licence v3.0",
        Some(Rights::PermissionRequired) => "needs the publisher's written permission",
        Some(Rights::Own) => "the leaflet's own text",
        Some(Rights::Unknown) | None => "rights not known; ask the publisher",
    }
}

/// Where a text is, as a reader of the leaflet finds it: "Nusinersen side
/// effects › list 2 › item 3" for `sections[1].blocks[6].items[2].text`.
/// The path itself when it names nothing in `monograph`.
pub fn readable_place(monograph: &Monograph, path: &str) -> String {
    place_parts(monograph, path).map_or_else(|| path.to_owned(), |parts| parts.join(" › "))
}

fn place_parts(monograph: &Monograph, path: &str) -> Option<Vec<String>> {
    let mut segments = path.split('.');
    let first = segments.next()?;
    let (mut parts, blocks, at) = match indexed(first, "summary") {
        Some(at) => (Vec::new(), &monograph.summary[..], at),
        None => {
            let section = monograph.sections.get(indexed(first, "sections")?)?;
            let at = indexed(segments.next()?, "blocks")?;
            (vec![section.heading.to_string()], &section.blocks[..], at)
        }
    };
    let block = blocks.get(at)?;
    match block {
        Block::KeyFacts { heading, .. } | Block::Urgent { heading, .. } => parts.push(heading.to_string()),
        // Its definitions are known by their terms.
        Block::Definitions { .. } => {}
        _ => {
            // Counted from the last subheading, as a reader sees the blocks under it.
            let from = blocks[..at]
                .iter()
                .rposition(|b| matches!(b, Block::Subheading { .. }))
                .map_or(0, |s| s + 1);
            if let Some(Block::Subheading { heading }) = from.checked_sub(1).and_then(|s| blocks.get(s)) {
                parts.push(heading.to_string());
            }
            let kind = block_kind(block);
            let nth = blocks[from..=at].iter().filter(|b| block_kind(b) == kind).count();
            parts.push(format!("{kind} {nth}"));
        }
    }
    match (segments.next()?, segments.next(), block) {
        ("text", None, _) => {}
        ("lead", None, _) => parts.push("lead-in".to_owned()),
        (item, Some("definition"), Block::Definitions { items }) => {
            let term = &items.get(indexed(item, "items")?)?.term;
            parts.push(format!("definition of “{term}”"));
        }
        (item, Some("text"), _) => parts.push(format!("item {}", indexed(item, "items")? + 1)),
        _ => return None,
    }
    Some(parts)
}

/// `n` from `name[n]`.
fn indexed(segment: &str, name: &str) -> Option<usize> {
    segment
        .strip_prefix(name)?
        .strip_prefix('[')?
        .strip_suffix(']')?
        .parse()
        .ok()
}

fn block_kind(block: &Block) -> &'static str {
    match block {
        Block::Paragraph { .. } => "paragraph",
        Block::List { .. } => "list",
        Block::Note { .. } => "note",
        Block::Figure { .. } => "figure",
        Block::Definitions { .. } => "definitions",
        Block::Subheading { .. } => "subheading",
        Block::KeyFacts { .. } => "key facts",
        Block::Urgent { .. } => "urgent box",
    }
}

/// `text` safe inside HTML text and double-quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What a written sheet holds.
pub struct Sheet {
    /// `sheet_id` of the texts it lists, which `--sign --sheet` checks.
    pub id: String,
    pub counts: SignOffCounts,
    /// Texts from the original page, listed apart.
    pub original: usize,
}

/// Writes the review sheet of the monograph at `path` to `out`.
pub fn write_sheet(path: &Path, out: &Path) -> Result<Sheet> {
    let reviewed = Reviewed::open(path)?;
    let (html, sheet) = sheet_html(&reviewed);
    if let Some(dir) = out.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    fs::write(out, html).with_context(|| format!("cannot write {}", out.display()))?;
    Ok(sheet)
}

/// The sheet as one HTML page (its own `<style>`, no script, no other file)
/// and what it holds. Every monograph string goes through `escape_html`.
pub fn sheet_html(reviewed: &Reviewed) -> (String, Sheet) {
    let Reviewed {
        path,
        monograph,
        record,
        states,
    } = reviewed;
    let meta = &monograph.meta;
    let e = escape_html;
    let counts = SignOffCounts::of(states);
    let based_on = meta.based_on.as_str();
    let original: Vec<_> = sourced_texts(monograph)
        .into_iter()
        .filter(|t| t.source.is_none_or(|s| s.doc == based_on))
        .collect();
    let id = meta.id.as_str();
    let mut html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Review sheet: {title}</title>\n<style>{SHEET_CSS}</style>\n</head>\n<body>\n<header>\n\
         <p class=\"kicker\">Pharmacist's review sheet · written {today} by <code>cargo xtask review {id}</code></p>\n\
         <h1 lang=\"{lang}\">{title}</h1>\n<p class=\"names\" lang=\"{lang}\">{generic} ({brand}) · {form}{class}</p>\n\
         <dl class=\"facts\">\n",
        title = e(&meta.title),
        today = today_utc(),
        id = e(id),
        lang = e(&meta.language),
        generic = e(&meta.generic_name),
        brand = e(&meta.brand_name),
        form = e(&meta.dosage_form),
        // Left out when the source gives no class.
        class = meta
            .drug_class
            .as_deref()
            .map(|class| format!(" · {}", e(class)))
            .unwrap_or_default(),
    );
    let based_on_title = monograph
        .sources
        .iter()
        .find(|s| s.id == based_on)
        .map_or(based_on, |s| s.title.as_str());
    let facts = [
        (
            "Written for",
            meta.jurisdiction
                .as_deref()
                .unwrap_or("no country named")
                .to_owned(),
        ),
        (
            "Original page",
            format!(
                "{based_on_title}, reviewed by {}, last updated {}",
                meta.reviewed_by.as_str(),
                meta.last_updated.as_str()
            ),
        ),
        (
            "Added text compiled",
            meta.additions
                .as_ref()
                .map_or("nothing added".to_owned(), |a| a.compiled.to_string()),
        ),
        ("Review status", review_status(reviewed)),
    ];
    for (term, value) in facts {
        html.push_str(&format!("<div><dt>{term}</dt><dd>{}</dd></div>\n", e(&value)));
    }
    html.push_str(&format!(
        "</dl>\n<p class=\"how\">For each added text: tick OK, or write the wording it should have. Then sign at the end. \
         The editors record your sign-off of this sheet with <code>cargo xtask review {} --sign --sheet {}</code> \
         (refused if any text changed since it was written), or of the ticked texts with <code>--only</code> and their hashes; \
         a text edited after it shows as not reviewed again.</p>\n</header>\n<main>\n\
         <section aria-labelledby=\"added\">\n<h2 id=\"added\">Added texts for review ({})</h2>\n\
         <p>{counts}. In reading order; each with where it is, the words the patient reads, the source it cites and \
         what that source's publisher allows.</p>\n<ol class=\"texts\">\n",
        e(id),
        sheet_id(states),
        states.len()
    ));
    for text in states {
        html.push_str(&text_entry(monograph, record, text));
    }
    html.push_str(&format!(
        "</ol>\n</section>\n<section aria-labelledby=\"original\">\n\
         <h2 id=\"original\">From the original page ({})</h2>\n\
         <p>These texts are the words of {}, unchanged (the build checks each against <code>monographs/{}.base.txt</code>), \
         reviewed by {}. They are listed for reference and are not part of this sign-off.</p>\n<ol class=\"original\">\n",
        original.len(),
        e(based_on_title),
        e(id),
        e(&meta.reviewed_by)
    ));
    for text in &original {
        html.push_str(&format!(
            "<li><span class=\"place\">{}</span> <span lang=\"{}\">{}</span></li>\n",
            e(&readable_place(monograph, &text.path)),
            e(&meta.language),
            e(&shown_text(text.text))
        ));
    }
    html.push_str(&format!(
        "</ol>\n</section>\n<section aria-labelledby=\"signoff\" class=\"signoff\">\n<h2 id=\"signoff\">Sign-off</h2>\n\
         <p>I have reviewed the {} added texts above as marked: those ticked OK may be shown to patients as written; \
         the others as I have corrected them.</p>\n<dl class=\"sign\">\n",
        states.len()
    ));
    for field in ["Name", "Role", "Registration number", "Date", "Signature"] {
        html.push_str(&format!("<div><dt>{field}</dt><dd></dd></div>\n"));
    }
    html.push_str(&format!(
        "</dl>\n<p class=\"file\">Monograph: <code>{}</code>; sign-off record: <code>{}</code></p>\n\
         </section>\n</main>\n</body>\n</html>\n",
        e(&path.file_name().unwrap_or_default().to_string_lossy()),
        e(&record_name(path))
    ));
    let sheet = Sheet {
        id: sheet_id(states),
        counts,
        original: original.len(),
    };
    (html, sheet)
}

/// The header's line about the added text's review, as the leaflet words it.
fn review_status(reviewed: &Reviewed) -> String {
    let counts = reviewed.counts();
    let reviews = reviewed
        .monograph
        .meta
        .additions
        .as_ref()
        .map(|a| a.reviews.to_vec())
        .unwrap_or_default();
    let by: Vec<String> = reviews
        .iter()
        .map(|r| format!("{}, {}, on {}", r.name.as_str(), r.role.as_str(), r.date.as_str()))
        .collect();
    match counts {
        SignOffCounts { total: 0, .. } => "Nothing added to the original page".to_owned(),
        SignOffCounts { signed: 0, .. } => "Not yet reviewed by a pharmacist".to_owned(),
        SignOffCounts { signed, total } if signed == total => {
            format!("All added text reviewed by {}", by.join("; "))
        }
        SignOffCounts { signed, total } => format!(
            "{signed} of {total} added texts reviewed by {}; the rest not yet reviewed",
            by.join("; ")
        ),
    }
}

fn text_entry(monograph: &Monograph, record: &ReviewFile, text: &TextState) -> String {
    let e = escape_html;
    let source = monograph.sources.iter().find(|s| s.id == text.source.doc);
    let rights = source.map_or("not a declared source", |s| rights_in_words(s.rights));
    let permission = record
        .permissions
        .iter()
        .find(|p| p.source == text.source.doc.as_str())
        .map(|p| format!(" Permission recorded: {}", p.note))
        .unwrap_or_default();
    let attribution = source
        .and_then(|s| s.attribution.as_deref())
        .map(|a| format!(" Acknowledge: {a}."))
        .unwrap_or_default();
    let state = match &text.state {
        SignOffState::Signed(at) => record.signoffs.get(*at).map_or_else(
            || "Signed off".to_owned(),
            |s| {
                let registration = s
                    .registration
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                format!(
                    "Signed off by {}, {}{registration}, on {}",
                    s.name, s.role, s.date
                )
            },
        ),
        SignOffState::ChangedSince(date) => {
            format!("Changed since the sign-off of {date}: not reviewed as it is now")
        }
        SignOffState::Unreviewed => "Not reviewed".to_owned(),
    };
    format!(
        "<li class=\"text\">\n<h3>{place}</h3>\n<p class=\"path\"><code>{path}</code></p>\n\
         <blockquote lang=\"{lang}\">{shown}</blockquote>\n<dl class=\"about\">\n\
         <div class=\"wide\"><dt>Source</dt><dd>{citation}: {title}</dd></div>\n\
         <div class=\"wide\"><dt>Rights</dt><dd>{rights}.{attribution}{permission}</dd></div>\n\
         <div><dt>Hash</dt><dd><code>{hash}</code></dd></div>\n\
         <div><dt>State</dt><dd>{state}</dd></div>\n</dl>\n\
         <div class=\"verdict\"><p><span class=\"box\"></span> OK</p><p class=\"change\">Change to:</p></div>\n</li>\n",
        place = e(&readable_place(monograph, &text.place)),
        path = e(&text.place),
        lang = e(&monograph.meta.language),
        shown = e(&shown_text(&text.text)),
        citation = e(&citation(&text.source)),
        title = e(source.map_or("", |s| s.title.as_str())),
        rights = e(rights),
        attribution = e(&attribution),
        permission = e(&permission),
        hash = e(&text.hash),
        state = e(&state),
    )
}

/// `PI 6.1`: the source id and the part cited, as the leaflet's markers give it.
pub fn citation(source: &SourceRef) -> String {
    match &source.section {
        Some(section) => format!("{} {section}", source.doc.as_str()),
        None => source.doc.to_string(),
    }
}

/// A text cut for a one-line listing, with its glossary markup as shown.
pub fn text_preview(text: &str) -> String {
    preview(&shown_text(text), 72)
}

/// Screen and paper alike: black on white, a text's entry never split
/// across pages, margins that fit A4 and Letter (the page size is the
/// printer's: `@page` sets none).
const SHEET_CSS: &str = "
:root { color: #111; background: #fff; font: 11pt/1.45 system-ui, sans-serif; }
body { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; border-bottom: 2px solid #111; break-after: avoid; }
h3 { font-size: 1rem; margin: 0; }
code { font-size: 0.9em; }
.kicker, .path, .file { color: #444; font-size: 0.9rem; margin: 0; }
.names { margin: 0 0 0.5rem; }
dl { margin: 0; }
dl > div { display: flex; gap: 0.5rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.texts { padding-left: 1.8rem; }
.text { border: 1px solid #555; border-radius: 4px; padding: 0.5rem 0.7rem; margin: 0 0 0.7rem;
  break-inside: avoid; page-break-inside: avoid; }
.facts dt { flex: 0 0 12rem; }
.about { display: grid; grid-template-columns: 1fr 2fr; column-gap: 1rem; }
.about .wide { grid-column: 1 / -1; }
.about dt { flex: 0 0 4rem; }
blockquote { margin: 0.3rem 0; padding: 0.2rem 0.6rem; border-left: 4px solid #111; font-size: 1.05rem; }
.verdict { display: flex; gap: 1.5rem; align-items: flex-start; margin-top: 0.4rem; }
.verdict p { margin: 0; }
.box { display: inline-block; width: 1rem; height: 1rem; border: 2px solid #111; vertical-align: middle; }
.change { flex: 1; min-height: 3.2rem; border: 1px solid #555; padding: 0.2rem 0.4rem; }
.original li { margin-bottom: 0.3rem; break-inside: avoid; }
.place { font-weight: 600; }
.place::after { content: \":\"; }
.signoff { break-inside: avoid; page-break-inside: avoid; }
.sign > div { border-bottom: 1px solid #111; padding: 1.2rem 0 0.2rem; }
.sign dt { flex: 0 0 11rem; }
@page { margin: 16mm 14mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid-page; }
}
";
