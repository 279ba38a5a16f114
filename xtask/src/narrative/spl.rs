//! The SPL front end of the narrative converter: a section's `<text>` in an
//! FDA Structured Product Labeling document (HL7 v3), by the SPL table of docs/importers.md.

use std::collections::HashMap;

use monograph::model::SourceRef;
use roxmltree::{Document, Node};

use super::{Narrative, Role, Vocabulary};

/// The HL7 v3 namespace every SPL element is in.
pub const HL7: &str = "urn:hl7-org:v3";

/// SPL's narrative elements, with the document's images' text alternatives
/// (`observationMedia` by `ID`) for `renderMultiMedia` to refer to.
pub struct Spl {
    media_text: HashMap<String, Option<String>>,
}

impl Spl {
    /// The vocabulary for `document`: reads every `observationMedia`'s text.
    pub fn new(document: &Document) -> Self {
        let media_text = document
            .descendants()
            .filter(|n| is(*n, "observationMedia"))
            .filter_map(|media| {
                let id = media.attribute("ID")?.to_owned();
                let text = media
                    .children()
                    .find(|c| is(*c, "text"))
                    .map(text_of)
                    .filter(|t| !t.is_empty());
                Some((id, text))
            })
            .collect();
        Spl { media_text }
    }

    /// Converts `text`, the `<text>` at `path`, citing `source`.
    pub fn convert(&self, document: &Document, text: Node, path: &str, source: &SourceRef) -> Narrative {
        super::convert(self, document, text, path, source)
    }
}

impl Vocabulary for Spl {
    fn role(&self, node: Node) -> Role {
        if node.tag_name().namespace() != Some(HL7) {
            return Role::Unsupported;
        }
        match node.tag_name().name() {
            "text" => Role::Container,
            "paragraph" => Role::Paragraph,
            "list" => Role::List {
                ordered: node.attribute("listType") == Some("ordered"),
            },
            "item" => Role::Item,
            "caption" => Role::Caption,
            "table" => Role::Table,
            "thead" => Role::RowGroup { head: true },
            "tbody" | "tfoot" => Role::RowGroup { head: false },
            "tr" => Role::Row,
            "th" => Role::Cell { header: true },
            "td" => Role::Cell { header: false },
            "col" | "colgroup" | "footnoteRef" => Role::Ignored,
            "content" => Role::Inline {
                bold: node
                    .attribute("styleCode")
                    .is_some_and(|style| style.split_whitespace().any(|s| s.eq_ignore_ascii_case("bold"))),
            },
            "linkHtml" => Role::Link {
                shown_target: node
                    .attribute("href")
                    .filter(|href| href.starts_with("https:"))
                    .map(str::to_owned),
            },
            "br" => Role::Break,
            "sup" => Role::Superscript,
            "sub" => Role::Subscript,
            "footnote" => Role::Footnote,
            "renderMultiMedia" => Role::Figure {
                alt: node
                    .attribute("referencedObject")
                    .and_then(|id| self.media_text.get(id).cloned().flatten()),
            },
            _ => Role::Unsupported,
        }
    }
}

/// An HL7 v3 element named `name`.
pub fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(HL7)
}

/// Every text inside `node`, in order, a `<br/>` a space (a title's words
/// without its markup), whitespace runs as single spaces.
pub fn text_of(node: Node) -> String {
    let mut text = String::new();
    for part in node.descendants() {
        if let Some(words) = part.text().filter(|_| part.is_text()) {
            text.push_str(words);
        } else if is(part, "br") {
            text.push(' ');
        }
    }
    super::normalise(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use monograph::model::Block;

    fn converted(body: &str) -> Narrative {
        let xml = format!("<text xmlns=\"{HL7}\">{body}</text>");
        let document = Document::parse(&xml).expect("XML");
        let source = SourceRef {
            doc: "SPL".into(),
            section: Some("42231-1 MEDICATION GUIDE".into()),
        };
        Spl::new(&document).convert(&document, document.root_element(), "text", &source)
    }

    fn items(block: &Block) -> Vec<String> {
        match block {
            Block::List { items, .. } => items.iter().map(|i| i.text.to_string()).collect(),
            other => panic!("not a list: {other:?}"),
        }
    }

    #[test]
    fn captions_bold_runs_and_links_read_as_the_table_says() {
        let narrative = converted(
            "<list listType=\"ordered\"><item><caption>Step 1</caption>Wash.</item>\
             <item><caption>-</caption>Dry<br/>your hands.</item></list>\
             <paragraph><content styleCode=\"bold italics\">Storage</content></paragraph>\
             <paragraph><content styleCode=\"underline\"><content styleCode=\"bold\">How to</content></content> \
             <content styleCode=\"bold\">store it</content></paragraph>\
             <paragraph><content styleCode=\"bold\">Note:</content> keep it cold.</paragraph>\
             <paragraph>See <linkHtml href=\"http://example.org\">the site</linkHtml> or \
             <linkHtml href=\"https://example.org/a\">https://example.org/a</linkHtml>.</paragraph>",
        );
        assert_eq!(narrative.errors, Vec::<String>::new());
        assert_eq!(items(&narrative.blocks[0]), ["Step 1 Wash.", "Dry your hands."]);
        assert_eq!(
            narrative.blocks[1],
            Block::Subheading {
                heading: "Storage".into()
            }
        );
        // Bold in several runs, or inside another style, is still a heading line.
        assert_eq!(
            narrative.blocks[2],
            Block::Subheading {
                heading: "How to store it".into()
            }
        );
        let texts: Vec<&str> = narrative.blocks[3..]
            .iter()
            .map(|block| match block {
                Block::Paragraph { text, .. } => text.as_str(),
                other => panic!("not a paragraph: {other:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            ["Note: keep it cold.", "See the site or https://example.org/a."]
        );
    }

    #[test]
    fn html_or_another_namespace_is_not_spl() {
        let narrative =
            converted("<paragraph>a <b>b</b></paragraph><div xmlns=\"http://www.w3.org/1999/xhtml\">c</div>");
        assert_eq!(
            narrative.errors,
            [
                "text: <b> at line 1 is not supported here: write it with the elements of docs/importers.md's table, or remove it",
                "text: <div> at line 1 is not supported: write it with the elements of docs/importers.md's table, or remove it",
            ]
        );
    }
}
