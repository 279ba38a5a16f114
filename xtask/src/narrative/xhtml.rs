//! The ePI front end of the narrative converter: a section's XHTML
//! (`text.div`), element by element by the table in docs/importers.md.

use monograph::model::SourceRef;
use roxmltree::{Document, Node};

use super::{Narrative, Role, Vocabulary};

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The XHTML elements a package leaflet's narrative uses.
struct Xhtml;

impl Vocabulary for Xhtml {
    fn role(&self, node: Node) -> Role {
        if node.tag_name().namespace() != Some(XHTML) {
            return Role::Unsupported;
        }
        match node.tag_name().name() {
            "div" => Role::Container,
            "p" => Role::Paragraph,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
            "ul" => Role::List { ordered: false },
            "ol" => Role::List { ordered: true },
            "li" => Role::Item,
            "caption" => Role::Caption,
            "dl" => Role::Definitions,
            "dt" => Role::Term,
            "dd" => Role::Meaning,
            "table" => Role::Table,
            "thead" => Role::RowGroup { head: true },
            "tbody" | "tfoot" => Role::RowGroup { head: false },
            "tr" => Role::Row,
            "th" => Role::Cell { header: true },
            "td" => Role::Cell { header: false },
            "col" | "colgroup" => Role::Ignored,
            "blockquote" => Role::Quote,
            "hr" => Role::Rule,
            "strong" | "b" => Role::Inline { bold: true },
            // A link's address is left out: the leaflet makes no links of its own.
            "em" | "i" | "span" | "a" | "small" | "u" | "abbr" | "cite" | "q" | "code" => {
                Role::Inline { bold: false }
            }
            "br" => Role::Break,
            "sup" => Role::Superscript,
            "sub" => Role::Subscript,
            _ => Role::Unsupported,
        }
    }
}

/// Converts `div` (the XHTML of `path`, e.g. `section[2].text.div`), citing
/// `source` on every block that takes one.
pub fn convert(div: &str, path: &str, source: &SourceRef) -> Narrative {
    let document = match Document::parse(div) {
        Ok(document) => document,
        Err(error) => {
            return Narrative {
                errors: vec![format!(
                    "{path}: not well-formed XHTML: {error}; fix the narrative"
                )],
                ..Narrative::default()
            };
        }
    };
    let root = document.root_element();
    if root.tag_name().name() != "div" || root.tag_name().namespace() != Some(XHTML) {
        return Narrative {
            errors: vec![format!(
                "{path}: the narrative must be a <div xmlns=\"{XHTML}\">, found <{}>: wrap it in one",
                root.tag_name().name()
            )],
            ..Narrative::default()
        };
    }
    super::convert(&Xhtml, &document, root, path, source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use monograph::model::Block;

    fn source() -> SourceRef {
        SourceRef {
            doc: "ePI".into(),
            section: Some("S1".into()),
        }
    }

    fn div(body: &str) -> String {
        format!("<div xmlns=\"{XHTML}\">{body}</div>")
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph { text, .. } => format!("p {text}"),
                Block::Note { text, .. } => format!("note {text}"),
                Block::Subheading { heading } => format!("h {heading}"),
                Block::List { lead, items, .. } => format!(
                    "list {}| {}",
                    lead.as_deref().unwrap_or(""),
                    items
                        .iter()
                        .map(|i| i.text.to_string())
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
                Block::Definitions { items } => items
                    .iter()
                    .map(|d| format!("{} = {}", d.term, d.definition))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn paragraphs_lists_and_headings_keep_their_text_and_cite_the_section() {
        let narrative = convert(
            &div(
                "<h2>1. What it is</h2>\n<p>It <em>treats</em> <a href=\"x\">examples</a>.<br/>Daily.</p>\
                 <p>Tell your doctor if:</p><ul><li>you are <strong>ill</strong></li><li><p>you drive</p></li></ul>\
                 <h3>Storage</h3><p><b>Keep it cold</b></p><p><b>Do not freeze it.</b></p>",
            ),
            "section[0].text.div",
            &source(),
        );
        assert_eq!(narrative.errors, Vec::<String>::new());
        assert_eq!(narrative.heading_line.as_deref(), Some("1. What it is"));
        assert_eq!(
            texts(&narrative.blocks),
            [
                "p It treats examples. Daily.",
                "list Tell your doctor if:| you are ill | you drive",
                "h Storage",
                "h Keep it cold",
                "note Do not freeze it.",
            ]
        );
        let Block::List { items, source, .. } = &narrative.blocks[1] else {
            panic!("a list");
        };
        assert_eq!(source.as_ref(), Some(&super::tests::source()));
        assert!(items
            .iter()
            .all(|i| i.source.as_ref() == Some(&super::tests::source())));
    }

    #[test]
    fn tables_become_header_cell_lists_and_definitions_stay_definitions() {
        let narrative = convert(
            &div(
                "<p>Doses:</p><table><thead><tr><th>Age</th><th>Dose</th></tr></thead>\
                 <tbody><tr><td>Adults</td><td>10 mg</td></tr><tr><td>Children</td><td>5 mg/m<sup>2</sup></td></tr></tbody></table>\
                 <dl><dt>Examplamab</dt><dd>The active substance.</dd></dl><p>H<sub>2</sub>O</p>",
            ),
            "section[1].section[0].text.div",
            &source(),
        );
        assert_eq!(narrative.errors, Vec::<String>::new());
        assert_eq!(
            texts(&narrative.blocks),
            [
                "list Doses:| Age: Adults; Dose: 10 mg | Age: Children; Dose: 5 mg/m²",
                "Examplamab = The active substance.",
                "p H₂O",
            ]
        );
        assert_eq!(
            narrative.by_rule,
            ["section[1].section[0].text.div: <table> at line 1 -> a list of 2 \"header: cell\" rows"]
        );
    }

    /// Issue 19's two faults in the example import: a list inside an item
    /// stood as items of its own ("including mild ones"), and a two-column
    /// table without a header row gave "Active substance; examplamab …".
    #[test]
    fn a_nested_list_joins_its_item_and_a_label_table_reads_label_colon_value() {
        let narrative = convert(
            &div("<p>Tell your doctor if you have:</p><ul><li>an infection</li>\
                 <li>kidney problems<ul><li>including <em>mild</em> ones</li></ul></li>\
                 <li>Allergies:<ol><li>to latex</li><li>to eggs</li></ol></li></ul>\
                 <p>What it contains:</p><table><tr><td>Active substance</td><td>examplamab, 10 mg</td></tr>\
                 <tr><td>Other ingredients:</td><td>water</td></tr></table>"),
            "section[0].text.div",
            &source(),
        );
        assert_eq!(narrative.errors, Vec::<String>::new());
        assert_eq!(
            texts(&narrative.blocks),
            [
                "list Tell your doctor if you have:| an infection | kidney problems: including mild ones | Allergies: to latex; to eggs",
                "list What it contains:| Active substance: examplamab, 10 mg | Other ingredients: water",
            ]
        );
    }

    #[test]
    fn bullets_typed_into_text_are_list_items_and_a_bold_question_is_a_heading() {
        let narrative = convert(
            &div(
                "<p>Intro.</p><p><b>What is it for?</b></p><p>Side effects include:</p>\
                 <p>\u{2022} nausea</p><p>\u{2022} headache <br/>\u{2022} rash</p><p>-20 \u{b0}C is too cold.</p>",
            ),
            "section[0].text.div",
            &source(),
        );
        assert_eq!(narrative.errors, Vec::<String>::new());
        assert_eq!(
            texts(&narrative.blocks),
            [
                "p Intro.",
                "h What is it for?",
                "list Side effects include:| nausea | headache | rash",
                "p -20 \u{b0}C is too cold.",
            ]
        );
    }

    /// A table whose cells hold blocks is layout: read row by row into those
    /// blocks; its cells' merged columns are no error there.
    #[test]
    fn a_layout_table_gives_the_blocks_of_its_cells_in_reading_order() {
        let narrative = convert(
            &div(
                "<table><tr><td colspan=\"2\"><p>First.</p><p>Signs:</p><ul><li>fever</li></ul></td></tr>\
                 <tr><td>\u{2022} cough</td><td>\u{2022} chills</td></tr></table>",
            ),
            "section[0].text.div",
            &source(),
        );
        assert_eq!(narrative.errors, Vec::<String>::new());
        assert_eq!(
            texts(&narrative.blocks),
            ["p First.", "list Signs:| fever", "list | cough | chills"]
        );
        assert!(
            narrative.by_rule[0].contains("(a layout table: its cells hold blocks or bullets)"),
            "{:?}",
            narrative.by_rule
        );
    }

    #[test]
    fn anything_else_is_an_error_with_its_place() {
        let narrative = convert(
            &div("<p>One.</p>\n<p>Two <img src=\"x.png\"/></p>\n<script>alert(1)</script>\n<table><tr><td colspan=\"2\">x</td></tr></table>\n<dl>Note<dt>a</dt><dd>b</dd></dl>"),
            "section[2].section[0].text.div",
            &source(),
        );
        assert_eq!(
            narrative.errors,
            [
                "section[2].section[0].text.div: <img> at line 2 is not supported here: write it with the elements of docs/importers.md's table, or remove it",
                "section[2].section[0].text.div: <script> at line 3 is not supported: write it with the elements of docs/importers.md's table, or remove it",
                "section[2].section[0].text.div: <td> at line 4: merged cells (colspan, rowspan) are not supported in a data table; split them in the source",
                "section[2].section[0].text.div: <dl> at line 5: text beside its parts is not supported: write it with the elements of docs/importers.md's table, or remove it",
            ]
        );
        let not_xhtml = convert("<div><p>x</p></div>", "section[0].text.div", &source());
        assert_eq!(
            not_xhtml.errors,
            ["section[0].text.div: the narrative must be a <div xmlns=\"http://www.w3.org/1999/xhtml\">, found <div>: wrap it in one"]
        );
        let dangling = convert(
            &div("<p>You need:</p><p>Rest.</p>"),
            "section[0].text.div",
            &source(),
        );
        assert_eq!(
            dangling.errors,
            ["section[0].text.div: \"You need:\" ends with a colon but no list follows it: add the list, or end the sentence otherwise"]
        );
        let broken = convert(&div("<p>x"), "section[0].text.div", &source());
        assert!(
            broken.errors[0].starts_with("section[0].text.div: not well-formed XHTML: "),
            "{:?}",
            broken.errors
        );
    }
}
