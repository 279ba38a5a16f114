//! `prerender <out-dir>`: writes `<id>.fallback.html` for each bundled monograph,
//! the leaflet as plain semantic HTML with every section shown. Hosts paste it
//! inside `<drug-leaflet>`: readers without JavaScript or WebAssembly see it,
//! and the interactive leaflet replaces it when it starts.

use std::path::PathBuf;
use std::process::ExitCode;
use std::{env, fs};

use drug_leaflet::bundled;
use drug_leaflet::components::{App, AppProps};
use drug_leaflet::content::Content;
use drug_leaflet::options::Options;
use yew::LocalServerRenderer;

fn main() -> ExitCode {
    let Some(out_dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <out-dir>");
        return ExitCode::FAILURE;
    };
    for id in bundled::IDS {
        let Some(monograph) = bundled::by_id(id) else {
            continue;
        };
        let props = yew::props!(AppProps {
            content: Content::Monograph(monograph),
            options: Options::fallback(id),
        });
        let html = futures::executor::block_on(
            LocalServerRenderer::<App>::with_props(props)
                .hydratable(false)
                .render(),
        );
        let file = out_dir.join(format!("{id}.fallback.html"));
        let page = format!(
            "<!-- drug-leaflet: the {id} leaflet for readers without JavaScript or WebAssembly.\n     Paste it inside <drug-leaflet></drug-leaflet>. -->\n{html}\n"
        );
        if let Err(error) = fs::write(&file, page) {
            eprintln!("prerender: cannot write {}: {error}", file.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", file.display());
    }
    ExitCode::SUCCESS
}
