//! `prerender <monographs-dir> <out-dir>`: writes each drug's files for dist/.
//! For the bundled monograph, `<id>.fallback.html`; for every other one,
//! `monographs/<id>.json` (the data the element fetches for `drug="<id>"`),
//! the same file as `monographs/<id>.<language>.json`, and
//! `monographs/<id>.fallback.html`; for a drug's leaflet in another language
//! (`<id>.<language>.toml`), `monographs/<id>.<language>.json` and
//! `.fallback.html`, which an element with that `lang` fetches. A fallback is the leaflet as plain
//! semantic HTML, each section a native disclosure (`<details>`, the first
//! open), so it works with no script at all: hosts paste it inside
//! `<drug-leaflet>`, readers without JavaScript or WebAssembly see it, and the
//! interactive leaflet replaces it when it starts.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{env, fs};

use drug_leaflet::bundled;
use drug_leaflet::components::{App, AppProps};
use drug_leaflet::content::Content;
use drug_leaflet::monograph::loader::{load, monograph_files, translation_name};
use drug_leaflet::monograph::model::Monograph;
use drug_leaflet::options::Options;
use yew::LocalServerRenderer;

fn main() -> ExitCode {
    let mut args = env::args_os().skip(1).map(PathBuf::from);
    let (Some(monographs), Some(out_dir)) = (args.next(), args.next()) else {
        eprintln!("usage: prerender <monographs-dir> <out-dir>");
        return ExitCode::FAILURE;
    };
    match write_all(&monographs, &out_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("prerender: {error}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(monographs: &Path, out_dir: &Path) -> Result<(), String> {
    let files =
        monograph_files(monographs).map_err(|e| format!("cannot read {}: {e}", monographs.display()))?;
    let data_dir = out_dir.join("monographs");
    // Each data file's name, and the monograph file that wrote it: two
    // leaflets of one drug in one language would overwrite each other.
    let mut written: Vec<(String, PathBuf)> = Vec::new();
    for file in files {
        let loaded = load(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if let Some(problem) = loaded.report.errors.first() {
            return Err(format!("{}: {problem}", file.display()));
        }
        let monograph = loaded.monograph;
        let id = monograph.meta.id.to_string();
        // `<id>.toml` is the drug's main file, `<id>.<language>.toml` its
        // leaflet in another language (the loader checked the name).
        let name = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let in_language = translation_name(&id, &monograph.meta.language);
        if bundled::IDS.contains(&id.as_str()) {
            if name != id {
                return Err(format!(
                    "{}: {id} is bundled in the WASM, which holds one language a drug: leave {name}.toml out, or serve {id} on demand",
                    file.display()
                ));
            }
            write(
                &out_dir.join(format!("{id}.fallback.html")),
                &fallback(&id, monograph),
            )?;
            continue;
        }
        fs::create_dir_all(&data_dir).map_err(|e| format!("cannot create {}: {e}", data_dir.display()))?;
        let data = data_file(&monograph)?;
        // The main file under its language's name too, so an element asking
        // for that language (`lang`) finds it without a miss.
        let mut names = vec![name.clone()];
        if name != in_language {
            names.push(in_language);
        }
        for data_name in names {
            if let Some((_, first)) = written.iter().find(|(done, _)| *done == data_name) {
                return Err(format!(
                    "{} and {} are both {id}'s leaflet in {}: keep one",
                    first.display(),
                    file.display(),
                    monograph.meta.language
                ));
            }
            write(&data_dir.join(format!("{data_name}.json")), &data)?;
            written.push((data_name, file.clone()));
        }
        write(
            &data_dir.join(format!("{name}.fallback.html")),
            &fallback(&id, monograph),
        )?;
    }
    Ok(())
}

/// The monograph as the JSON the element reads through its host door; checked
/// through that door's JSON twin before it is written.
fn data_file(monograph: &Monograph) -> Result<String, String> {
    let id = &monograph.meta.id;
    let json = serde_json::to_value(monograph).map_err(|e| format!("{id}: cannot write JSON: {e}"))?;
    match drug_leaflet::monograph::json::parse(&json) {
        Ok(read) if &read == monograph => {}
        Ok(_) => return Err(format!("{id}: its JSON reads back as a different monograph")),
        Err(problems) => {
            return Err(format!(
                "{id}: its JSON does not pass the host door: {}",
                problems[0]
            ))
        }
    }
    Ok(json.to_string())
}

fn fallback(id: &str, monograph: Monograph) -> String {
    let props = yew::props!(AppProps {
        content: Content::Monograph(monograph),
        options: Options::fallback(id),
    });
    let html = futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    );
    format!(
        "<!-- drug-leaflet: the {id} leaflet for readers without JavaScript or WebAssembly.\n     Paste it inside <drug-leaflet></drug-leaflet>. -->\n{html}\n"
    )
}

fn write(file: &Path, text: &str) -> Result<(), String> {
    fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    println!("wrote {}", file.display());
    Ok(())
}
