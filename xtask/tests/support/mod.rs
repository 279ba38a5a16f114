//! What the importers' host tests share.

use std::fs;
use std::path::PathBuf;

use monograph::model::{Block, Monograph, SourceRef};

/// A fresh empty folder for one test, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A folder named after the test (and this process), empty.
    pub fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("import-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    /// The names of the files in the folder, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .expect("temp dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every source the monograph's blocks, items and definitions cite, and each
/// text shown, for the checks that apply to all of them.
pub fn citations_and_texts(monograph: &Monograph) -> (Vec<Option<SourceRef>>, Vec<String>) {
    let mut sources = Vec::new();
    let mut texts = Vec::new();
    let summary = monograph.summary.iter();
    let blocks = summary.chain(
        monograph
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().collect::<Vec<_>>()),
    );
    for block in blocks {
        match block {
            Block::Paragraph { text, source }
            | Block::Note { text, source }
            | Block::Figure { text, source } => {
                sources.push(source.clone());
                texts.push(text.to_string());
            }
            Block::List { lead, source, items }
            | Block::Urgent {
                lead, source, items, ..
            } => {
                if let Some(lead) = lead {
                    sources.push(source.clone());
                    texts.push(lead.to_string());
                }
                for item in items.iter() {
                    sources.push(item.source.clone());
                    texts.push(item.text.to_string());
                }
            }
            Block::Definitions { items } => {
                for item in items.iter() {
                    sources.push(item.source.clone());
                    texts.push(format!("{} {}", item.term, item.definition));
                }
            }
            Block::Subheading { heading } => texts.push(heading.to_string()),
            Block::KeyFacts { .. } => panic!("an import adds no key facts"),
        }
    }
    (sources, texts)
}
