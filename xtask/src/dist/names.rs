//! Short names for what the WASM and wasm-bindgen's glue call each other by.
//!
//! wasm-bindgen names each import after its Rust item and a 16-digit hash
//! (`__wbg_setAttribute_8e3b0a4c2d1f5e6a`), all from the module
//! `./drug-leaflet-core_bg.js`, and exports each closure's entry point by its
//! whole Rust type (up to 200 characters). Each name is written twice, in the
//! WASM's import or export section and in the glue; the hashes do not
//! compress. Renamed to `a`, `b`, ... in both files: about 3.5 KB brotli of
//! the widget. The element's own exports (`mountedleaflet_*`, `defineElement`)
//! and wasm-bindgen's runtime exports keep their names.

use anyhow::{bail, Context, Result};

/// How wasm-bindgen names a closure's exported entry point.
const CLOSURE_EXPORT: &str = "___convert__closures_";

/// `wasm` and `glue` with the imports (module and names) and the closures'
/// exports renamed, the same in both. `name`: the module's (`drug-leaflet-core`),
/// after which wasm-bindgen names the module every import comes from. Fails when the glue does not name one
/// of them the way this expects (a wasm-bindgen update): then the two files
/// would no longer match.
pub fn shorten(wasm: &[u8], glue: &str, name: &str) -> Result<(Vec<u8>, String)> {
    let import_module = format!("./{name}_bg.js");
    let mut glue = replace_once(glue, &format!("\"{import_module}\": import0"), "\"a\": import0")?;
    let mut out = wasm[..8].to_vec();
    let mut next = 0;
    let mut rest = &wasm[8..];
    while !rest.is_empty() {
        let id = rest[0];
        let mut at = 1;
        let size = leb(rest, &mut at)? as usize;
        let body = rest
            .get(at..at + size)
            .context("a WASM section runs past the end")?;
        rest = &rest[at + size..];
        let body = match id {
            IMPORT_SECTION => rename_imports(body, &import_module, &mut glue, &mut next)?,
            EXPORT_SECTION => rename_exports(body, &mut glue, &mut next)?,
            _ => body.to_vec(),
        };
        out.push(id);
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok((out, glue))
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

fn rename_imports(body: &[u8], import_module: &str, glue: &mut String, next: &mut usize) -> Result<Vec<u8>> {
    let mut at = 0;
    let count = leb(body, &mut at)?;
    let mut out = Vec::new();
    write_leb(&mut out, count);
    for _ in 0..count {
        let module = name(body, &mut at)?;
        if module != import_module {
            bail!("the WASM imports from {module}, not only from {import_module}");
        }
        let field = name(body, &mut at)?;
        let start = at;
        skip_import_kind(body, &mut at)?;
        let short = short_name(next);
        *glue = replace_once(
            glue,
            &format!("\n        {field}: function("),
            &format!("\n        {short}: function("),
        )?;
        write_name(&mut out, "a");
        write_name(&mut out, &short);
        out.extend_from_slice(&body[start..at]);
    }
    Ok(out)
}

fn rename_exports(body: &[u8], glue: &mut String, next: &mut usize) -> Result<Vec<u8>> {
    let mut at = 0;
    let count = leb(body, &mut at)?;
    let mut out = Vec::new();
    write_leb(&mut out, count);
    for _ in 0..count {
        let field = name(body, &mut at)?;
        let kind = *body.get(at).context("an export's kind")?;
        at += 1;
        let start = at;
        leb(body, &mut at)?;
        let field = if field.contains(CLOSURE_EXPORT) {
            let short = short_name(next);
            let called = format!("wasm.{field}(");
            if !glue.contains(&called) {
                bail!("the glue never calls the export {field} as `wasm.{field}(`");
            }
            *glue = glue.replace(&called, &format!("wasm.{short}("));
            short
        } else {
            field
        };
        write_name(&mut out, &field);
        out.push(kind);
        out.extend_from_slice(&body[start..at]);
    }
    Ok(out)
}

/// Past an import's description: a function, table, memory, global or tag.
fn skip_import_kind(body: &[u8], at: &mut usize) -> Result<()> {
    let kind = *body.get(*at).context("an import's kind")?;
    *at += 1;
    match kind {
        0 => {
            leb(body, at)?;
        }
        1 | 2 => {
            if kind == 1 {
                *at += 1; // the table's element type
            }
            let flags = *body.get(*at).context("limits")?;
            *at += 1;
            leb(body, at)?;
            if flags & 1 == 1 {
                leb(body, at)?;
            }
        }
        3 => *at += 2,
        4 => {
            *at += 1;
            leb(body, at)?;
        }
        _ => bail!("an import of unknown kind {kind}"),
    }
    Ok(())
}

/// `a` ... `z`, `A` ... `Z`, then `aa`, `ab`, ...: property names in the glue,
/// one for each renamed import or export, never the same twice.
fn short_name(next: &mut usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut n = *next;
    *next += 1;
    let mut name = vec![LETTERS[n % LETTERS.len()]];
    n /= LETTERS.len();
    while n > 0 {
        n -= 1;
        name.insert(0, LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
    }
    String::from_utf8(name).expect("ASCII letters")
}

/// `text` with `from`, which must be there exactly once, replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => bail!("wasm-bindgen's glue has {from:?} {n} times, not once: update xtask/src/dist/names.rs"),
    }
}

fn leb(bytes: &[u8], at: &mut usize) -> Result<u64> {
    let mut value = 0;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(*at).context("a number runs past the end of the WASM")?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Ok(value);
        }
        shift += 7;
        if shift > 63 {
            bail!("a number in the WASM is too long");
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn name(bytes: &[u8], at: &mut usize) -> Result<String> {
    let len = leb(bytes, at)? as usize;
    let text = bytes
        .get(*at..*at + len)
        .context("a name runs past the end of the WASM")?;
    *at += len;
    Ok(String::from_utf8(text.to_vec())?)
}

fn write_name(out: &mut Vec<u8>, text: &str) {
    write_leb(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::{short_name, shorten, write_leb};

    #[test]
    fn short_names_are_distinct_letters() {
        let mut next = 0;
        let names: Vec<String> = (0..52 * 53 + 1).map(|_| short_name(&mut next)).collect();
        assert_eq!(names[0], "a");
        assert_eq!(names[51], "Z");
        assert_eq!(names[52], "aa");
        assert_eq!(names[52 * 53 - 1], "ZZ");
        assert_eq!(names[52 * 53], "aaa");
        let unique: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }

    /// A module importing two functions and a memory, exporting a closure's
    /// entry point and the memory: the imports and the closure renamed in both.
    #[test]
    fn imports_and_closure_exports_are_renamed_in_both_files() {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let module = b"./drug-leaflet-core_bg.js";
        let mut imports = vec![3];
        for (field, kind) in [
            (&b"__wbg_get_0123456789abcdef"[..], &[0u8, 0][..]),
            (b"__wbg_set_fedcba9876543210", &[0, 1]),
            (b"mem", &[2, 1, 1, 2]),
        ] {
            imports.push(module.len() as u8);
            imports.extend_from_slice(module);
            imports.push(field.len() as u8);
            imports.extend_from_slice(field);
            imports.extend_from_slice(kind);
        }
        wasm.push(2);
        write_leb(&mut wasm, imports.len() as u64);
        wasm.extend_from_slice(&imports);
        let closure = b"wasm_bindgen_1___convert__closures_____invoke_______true_";
        let mut exports = vec![2, closure.len() as u8];
        exports.extend_from_slice(closure);
        exports.extend_from_slice(&[0, 2, 6]);
        exports.extend_from_slice(b"memory");
        exports.extend_from_slice(&[2, 0]);
        wasm.push(7);
        write_leb(&mut wasm, exports.len() as u64);
        wasm.extend_from_slice(&exports);
        let glue = "const import0 = {\n        __wbg_get_0123456789abcdef: function(a) {},\n        __wbg_set_fedcba9876543210: function(a) {},\n        mem: function(\n};\n\"./drug-leaflet-core_bg.js\": import0\nwasm.wasm_bindgen_1___convert__closures_____invoke_______true_(1);\n";
        let (renamed, glue) = shorten(&wasm, glue, "drug-leaflet-core").expect("renamed");
        assert_eq!(
            glue,
            "const import0 = {\n        a: function(a) {},\n        b: function(a) {},\n        c: function(\n};\n\"a\": import0\nwasm.d(1);\n"
        );
        assert!(renamed.windows(6).any(|w| w == b"memory"));
        assert!(!renamed.windows(5).any(|w| w == b"__wbg"));
        assert!(shorten(&wasm, "no such glue", "drug-leaflet-core").is_err());
    }
}
