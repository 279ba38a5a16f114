//! Which sources a run of blocks draws on, for the one "Where this comes
//! from" line that ends each section and summary box: the per-text markers
//! stay in the data, but a screen reader user should not hear one per line.

use implicit_clone::unsync::IString;

use crate::model::Block;
use crate::validate::for_each_text;

/// A source a run of blocks cites, with the parts of it cited, in the order
/// of first citation ("6.1", "5.2"; none for the base document, or when a
/// text names no part).
#[derive(Debug, PartialEq)]
pub struct Cited<'a> {
    pub doc: IString,
    pub parts: Vec<&'a str>,
}

/// The sources `blocks` cite, in order of first citation but the base
/// document last (the added sources are what a pharmacist checks), each with
/// its parts in section order; text without a source counts as `based_on`'s.
/// A part written "5.1, 5.2" counts as two.
pub fn cited_sources<'a>(blocks: &'a [Block], based_on: &IString) -> Vec<Cited<'a>> {
    let mut cited: Vec<Cited> = Vec::new();
    for block in blocks {
        for_each_text(block, &mut |_, source, _| {
            let doc = source.map_or_else(|| based_on.clone(), |s| s.doc.clone());
            let at = match cited.iter().position(|c| c.doc == doc) {
                Some(at) => at,
                None => {
                    cited.push(Cited {
                        doc: doc.clone(),
                        parts: Vec::new(),
                    });
                    cited.len() - 1
                }
            };
            let parts = source
                .filter(|s| s.doc != *based_on)
                .and_then(|s| s.section.as_deref())
                .unwrap_or_default();
            for part in parts.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                if !cited[at].parts.contains(&part) {
                    cited[at].parts.push(part);
                }
            }
        });
    }
    if let Some(at) = cited.iter().position(|c| c.doc == *based_on) {
        let base = cited.remove(at);
        cited.push(base);
    }
    for source in &mut cited {
        source.parts.sort_by_key(|part| section_number(part));
    }
    cited
}

/// "2.10 (label before 03/2026)" as [2, 10]: parts read in the document's own
/// order (2.3 before 2.10); a part that starts with no number sorts last.
fn section_number(part: &str) -> Vec<u32> {
    let numbered = part
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .unwrap_or_default();
    let number: Vec<u32> = numbered.split('.').filter_map(|n| n.parse().ok()).collect();
    if number.is_empty() {
        vec![u32::MAX]
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Monograph;
    use crate::validate::tests::MINIMAL;

    #[test]
    fn sources_in_order_of_first_citation_base_last_with_their_parts_once_in_order() {
        let text = MINIMAL.replace(
            "kind = \"paragraph\"\ntext = \"Ask your doctor about other side effects.\"",
            "kind = \"paragraph\"\ntext = \"Ask your doctor about other side effects.\"\n\n\
             [[sections.blocks]]\nkind = \"note\"\ntext = \"Tests.\"\nsource = { doc = \"PI\", section = \"5.1, 6.1\" }",
        );
        let monograph: Monograph = toml::from_str(&text).expect("valid");
        let cited = cited_sources(&monograph.sections[0].blocks, &monograph.meta.based_on);
        assert_eq!(
            cited,
            [
                Cited {
                    doc: "PI".into(),
                    parts: vec!["5.1", "6.1"]
                },
                Cited {
                    doc: "seed".into(),
                    parts: vec![]
                },
            ]
        );
    }

    #[test]
    fn parts_sort_by_section_number_then_unnumbered_last() {
        let mut parts = vec!["2.10", "Overview", "2.3 (label before 03/2026)", "16", "2.4"];
        parts.sort_by_key(|part| section_number(part));
        assert_eq!(
            parts,
            ["2.3 (label before 03/2026)", "2.4", "2.10", "16", "Overview"]
        );
    }
}
