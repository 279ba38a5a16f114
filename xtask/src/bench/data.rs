//! What the bench found, as the experiments gather it and the report shows
//! it: dist/ files' sizes, and the formulary's file comparisons and page
//! requests. Its own module so that the formulary's experiments and the report
//! share these types without importing each other.

use serde::{Deserialize, Serialize};

use crate::dist::FileSize;

/// A file's size, as the tables show it.
#[derive(Debug, Serialize)]
pub struct FileRow {
    pub file: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

impl From<&FileSize> for FileRow {
    fn from(size: &FileSize) -> Self {
        FileRow {
            file: size.path.clone(),
            raw: size.raw,
            gzip: size.gzip,
            brotli: size.brotli,
        }
    }
}

#[derive(Debug, PartialEq, Serialize)]
pub struct FileHash {
    pub bytes: usize,
    /// SHA-384 as Subresource Integrity writes it.
    pub sha384: String,
}

/// One file as `dist/` and the formulary's dist hold it.
#[derive(Debug, PartialEq, Serialize)]
pub struct FileComparison {
    pub file: String,
    pub dist: FileHash,
    pub formulary: FileHash,
    pub identical: bool,
}

/// One request a page made, from its Resource Timing entry.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct Request {
    pub path: String,
    /// Response headers and body as they crossed the network.
    pub transfer_size: f64,
    /// The body as sent (brotli).
    pub encoded_body_size: f64,
    pub decoded_body_size: f64,
}

/// The requests of the bundled drug's page served from one dist (Chromium).
#[derive(Debug, Serialize)]
pub struct PageRequests {
    pub dist: &'static str,
    pub requests: Vec<Request>,
}

impl PageRequests {
    pub fn transferred(&self) -> f64 {
        self.requests.iter().map(|r| r.transfer_size).sum()
    }

    pub fn encoded(&self) -> f64 {
        self.requests.iter().map(|r| r.encoded_body_size).sum()
    }
}

/// What the browsers showed: the page's requests from each dist (Chromium)
/// and, for each on-demand run, the requests it added.
#[derive(Debug, Default)]
pub struct Observed {
    pub page_requests: Vec<PageRequests>,
    pub on_demand_requests: Vec<Vec<Request>>,
}

/// The formulary's part of `results.json`.
#[derive(Debug, Serialize)]
pub struct FormularyResult {
    pub monographs: usize,
    /// Seconds to build the formulary's dist, and `dist/` after it (each
    /// rebuilds the WASM and the prerenderer: build.rs reads another folder).
    pub build_seconds: f64,
    pub dist_build_seconds: f64,
    pub widget_files: Vec<FileComparison>,
    pub page_requests: Vec<PageRequests>,
    /// The page requested the same files with the same bodies from both dists.
    pub same_page_bytes: bool,
    /// ... and those were the widget's three files.
    pub only_widget_files: bool,
    /// The on-demand drug's files in `dist/` (identical in the formulary's).
    pub drug_files: Vec<FileComparison>,
    pub drug_file_sizes: Vec<FileRow>,
    /// Every path an on-demand run requested, once, and whether each run
    /// requested exactly the drug's own file.
    pub on_demand_requests: Vec<String>,
    pub on_demand_runs: usize,
    pub on_demand_only_its_file: bool,
    /// The drug's file as Chromium received it, unthrottled, first run.
    pub on_demand_transfer: Option<Request>,
}
