//! The ready snippets `cargo xtask dist` writes, the embed the README
//! recommends: for each drug, `dist/embed/<id>.html` holds the print
//! stylesheet's link (inside `<noscript>`) and the loader's script tag, each
//! pinned with its `integrity`, and the `<drug-leaflet>` element (with `drug`
//! and the data file's `integrity` for a drug on demand) with the drug's
//! fallback pasted inside: static HTML that reads, toggles and prints before
//! the WASM arrives, or without it.
//!
//! `dist/drug-leaflet-fallback.css` (from `styles/drug-leaflet-fallback.css`)
//! is that stylesheet: linked with `media="print"`, it changes nothing on
//! screen and prints every section of the pasted fallback open (the fallback
//! is in the host's light DOM, which the leaflet's shadow stylesheet does not
//! reach, and a strict CSP forbids an inline `<style>`). With scripts off the
//! `<noscript>` link applies; with scripts on the loader links it, after the
//! page is parsed: a request issued while the page parses delays the moment
//! its sections toggle (about 1.5 ms of a 25 ms parse in Chromium, bench).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::dist::DrugFile;
use crate::sri::integrity;

/// Where the snippets assume dist/ is served, as in the README's examples.
pub const MOUNT: &str = "/drug-leaflet/";
/// The snippets' folder in dist/.
pub const FOLDER: &str = "embed";
/// The print stylesheet for the pasted fallback: its source and its name in dist/.
pub const PRINT_STYLESHEET_SOURCE: &str = "styles/drug-leaflet-fallback.css";
pub const PRINT_STYLESHEET: &str = "drug-leaflet-fallback.css";
const LOADER: &str = "drug-leaflet.js";

/// One drug's snippet: its id, its fallback in dist/, and its data file
/// (`None` for a drug bundled in the WASM).
struct Drug<'a> {
    id: &'a str,
    fallback: PathBuf,
    file: Option<&'a DrugFile>,
}

impl Drug<'_> {
    /// `embed/<name>.html`: the data file's name, or a bundled drug's id.
    fn name(&self) -> String {
        self.file.map_or_else(|| self.id.to_owned(), DrugFile::name)
    }
}

/// Writes `dist/embed/<id>.html` for the bundled drugs and each drug in
/// `on_demand` (id, data file), and adds the print stylesheet's hash (the
/// widget's build copied it into `dist`) and the snippets to `integrity.txt`.
pub fn write(dist: &Path, on_demand: &[DrugFile]) -> Result<()> {
    let folder = dist.join(FOLDER);
    fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let head = snippet_head(dist)?;
    for drug in drugs(dist, on_demand) {
        let snippet = snippet(&head, &drug)?;
        fs::write(folder.join(format!("{}.html", drug.name())), snippet)
            .with_context(|| format!("writing the snippet for {}", drug.name()))?;
    }
    note_in_integrity_file(dist)
}

/// The bundled drugs (their fallback beside the loader), then the drugs on demand.
fn drugs<'a>(dist: &Path, on_demand: &'a [DrugFile]) -> Vec<Drug<'a>> {
    let bundled = monograph::bundled::IDS.iter().map(|id| Drug {
        id,
        fallback: dist.join(format!("{id}.fallback.html")),
        file: None,
    });
    let fetched = on_demand.iter().map(|file| Drug {
        id: &file.id,
        fallback: dist
            .join("monographs")
            .join(format!("{}.fallback.html", file.name())),
        file: Some(file),
    });
    bundled.chain(fetched).collect()
}

/// The lines every snippet starts with: the comment, the print stylesheet for
/// readers without scripts and the loader, each with its `integrity`.
fn snippet_head(dist: &Path) -> Result<String> {
    let pinned = |name: &str| -> Result<String> {
        let bytes = fs::read(dist.join(name)).with_context(|| format!("reading dist/{name}"))?;
        Ok(integrity(&bytes))
    };
    Ok(format!(
        "<!-- drug-leaflet: paste this into your page's <body>. The paths assume dist/ is\n     \
         served at {MOUNT}: change them if you serve it elsewhere. The integrity\n     \
         values pin this build's files: copy the snippet again after every build. -->\n\
         <noscript><link rel=\"stylesheet\" href=\"{MOUNT}{PRINT_STYLESHEET}\" media=\"print\" integrity=\"{}\" crossorigin=\"anonymous\"></noscript>\n\
         <script src=\"{MOUNT}{LOADER}\" integrity=\"{}\" crossorigin=\"anonymous\" defer></script>\n",
        pinned(PRINT_STYLESHEET)?,
        pinned(LOADER)?
    ))
}

/// `head`, then the element with the drug's fallback inside.
fn snippet(head: &str, drug: &Drug) -> Result<String> {
    let fallback =
        fs::read_to_string(&drug.fallback).with_context(|| format!("reading {}", drug.fallback.display()))?;
    let attributes = match drug.file {
        None => String::new(),
        Some(file) => file.attributes()?,
    };
    Ok(format!(
        "{head}<drug-leaflet{attributes}>\n{}\n</drug-leaflet>\n",
        fallback.trim_end()
    ))
}

/// The print stylesheet's hash and where the snippets are, at the end of `integrity.txt`.
fn note_in_integrity_file(dist: &Path) -> Result<()> {
    let path = dist.join("integrity.txt");
    let mut text = fs::read_to_string(&path).context("reading dist/integrity.txt")?;
    let stylesheet = integrity(&fs::read(dist.join(PRINT_STYLESHEET))?);
    text.push_str(&format!(
        "\n# The print stylesheet for the pasted fallback, and the recommended snippets:\n\
         # {FOLDER}/<id>.html, one per drug ({FOLDER}/<id>.<lang>.html for its leaflet in\n\
         # another language), with every hash and the fallback inside.\n\
         {stylesheet}  {PRINT_STYLESHEET}\n"
    ));
    fs::write(&path, text).context("writing dist/integrity.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = crate::project_root().join("target/xtask-tests").join(name);
        if dir.exists() {
            fs::remove_dir_all(&dir).expect("clearing a scratch folder");
        }
        fs::create_dir_all(dir.join("monographs")).expect("a scratch folder");
        dir
    }

    #[test]
    fn a_snippet_pins_each_file_and_holds_the_fallback() {
        let dist = scratch("embed");
        fs::write(dist.join(LOADER), "loader").unwrap();
        fs::write(dist.join(PRINT_STYLESHEET), "css").unwrap();
        let data_file = dist.join("monographs/examplamab.json");
        fs::write(&data_file, "{}").unwrap();
        fs::write(
            dist.join("monographs/examplamab.fallback.html"),
            "<article>Examplamab</article>\n",
        )
        .unwrap();
        let head = snippet_head(&dist).unwrap();
        let file = DrugFile {
            id: "examplamab".into(),
            language: None,
            path: data_file,
        };
        let drug = Drug {
            id: &file.id,
            fallback: dist.join("monographs/examplamab.fallback.html"),
            file: Some(&file),
        };
        let html = snippet(&head, &drug).unwrap();
        assert!(html.starts_with("<!-- drug-leaflet:"), "{html}");
        assert!(html.contains("served at /drug-leaflet/"), "{html}");
        let lines: Vec<&str> = html.lines().skip(3).collect();
        assert_eq!(
            lines,
            [
                format!(
                    "<noscript><link rel=\"stylesheet\" href=\"/drug-leaflet/drug-leaflet-fallback.css\" media=\"print\" integrity=\"{}\" crossorigin=\"anonymous\"></noscript>",
                    integrity(b"css")
                ),
                format!(
                    "<script src=\"/drug-leaflet/drug-leaflet.js\" integrity=\"{}\" crossorigin=\"anonymous\" defer></script>",
                    integrity(b"loader")
                ),
                format!(
                    "<drug-leaflet drug=\"examplamab\" integrity=\"{}\">",
                    integrity(b"{}")
                ),
                "<article>Examplamab</article>".into(),
                "</drug-leaflet>".into(),
            ]
        );
    }

    #[test]
    fn a_leaflet_in_another_language_has_its_own_snippet_with_lang() {
        let dist = scratch("embed-language");
        for (name, text) in [
            ("examplamab.json", "{\"en\":1}"),
            ("examplamab.en.json", "{\"en\":1}"),
            ("examplamab.es.json", "{\"es\":1}"),
            ("examplamab.fallback.html", "<article>E</article>"),
            ("examplamab.es.fallback.html", "<article>S</article>"),
        ] {
            fs::write(dist.join("monographs").join(name), text).unwrap();
        }
        let files = crate::dist::drug_data_files(&dist).unwrap();
        let names: Vec<String> = files.iter().map(DrugFile::name).collect();
        assert_eq!(
            names,
            ["examplamab", "examplamab.es"],
            "the main file's copy is not listed"
        );
        let spanish = &drugs(&dist, &files)[2];
        let html = snippet("", spanish).unwrap();
        assert_eq!(
            html,
            format!(
                "<drug-leaflet drug=\"examplamab\" lang=\"es\" integrity=\"{}\">\n<article>S</article>\n</drug-leaflet>\n",
                integrity(b"{\"es\":1}")
            )
        );
    }

    #[test]
    fn a_bundled_drug_needs_no_attributes() {
        let dist = scratch("embed-bundled");
        fs::write(dist.join("nusinersen.fallback.html"), "<article>N</article>").unwrap();
        let drug = &drugs(&dist, &[])[0];
        assert_eq!(drug.id, monograph::bundled::IDS[0]);
        let html = snippet("", drug).unwrap();
        assert_eq!(html, "<drug-leaflet>\n<article>N</article>\n</drug-leaflet>\n");
    }

    /// On screen the pasted fallback is the host's to style: every rule of
    /// the stylesheet is for print.
    #[test]
    fn the_print_stylesheet_only_styles_print() {
        let css = fs::read_to_string(crate::project_root().join(PRINT_STYLESHEET_SOURCE)).unwrap();
        let code: String = strip_comments(&css);
        let code = code.trim();
        assert!(code.starts_with("@media print {"), "{code}");
        assert!(code.ends_with('}'), "{code}");
        assert_eq!(code.matches("@media").count(), 1, "{code}");
        let inner = &code["@media print {".len()..code.len() - 1];
        assert_eq!(
            inner.matches('{').count(),
            inner.matches('}').count(),
            "only rules inside the one @media print block: {code}"
        );
        assert!(code.contains("::details-content"), "{code}");
    }

    fn strip_comments(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start..].split_once("*/").map_or("", |(_, after)| after);
        }
        out.push_str(rest);
        out
    }
}
