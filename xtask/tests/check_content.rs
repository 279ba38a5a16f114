//! `cargo xtask check-content` names the file, the field and what is wrong.

use std::fs;

use xtask::content::report_text;

#[test]
fn a_broken_monograph_is_reported_with_file_field_and_problem() {
    let root = xtask::project_root();
    let good = fs::read_to_string(root.join("monographs/nusinersen.toml")).expect("monograph");
    let broken = good.replacen(
        "last_updated = \"2025-05-20\"",
        "last_updated = \"20/05/2025\"",
        1,
    );
    assert_ne!(good, broken);
    let dir = std::env::temp_dir().join(format!("check-content-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("nusinersen.toml");
    fs::write(&file, broken).expect("write");

    let (text, ok) = report_text(&file);
    fs::remove_dir_all(&dir).expect("clean up");
    assert!(!ok);
    let expected = format!(
        "{}: error: meta.last_updated: \"20/05/2025\" is not an ISO 8601 date (YYYY-MM-DD)",
        file.display()
    );
    assert!(text.contains(&expected), "{text}");
    assert!(text.contains("1 error(s), 0 warning(s)"), "{text}");
}

#[test]
fn the_bundled_monographs_pass() {
    let files = xtask::content::monograph_files(&xtask::project_root()).expect("monographs/");
    assert!(!files.is_empty());
    for file in files {
        let (text, ok) = report_text(&file);
        assert!(ok, "{text}");
    }
}
