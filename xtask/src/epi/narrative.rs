//! A section's XHTML narrative (`text.div`) to monograph blocks. Only a known
//! subset is converted, each element by a stated rule (README, "Adding a drug");
//! anything else is an error with its place, never passed through as HTML.

use implicit_clone::unsync::{IArray, IString};
use monograph::model::{Block, Definition, Item, SourceRef};
use roxmltree::{Document, Node};

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Inline elements whose text is kept and whose markup is dropped.
const INLINE: &[&str] = &[
    "strong", "b", "em", "i", "span", "a", "sub", "sup", "small", "u", "abbr", "cite", "q", "code",
];

/// What one narrative gave: its blocks, the heading line it opened with, and
/// what the import report lists.
#[derive(Default)]
pub struct Narrative {
    pub blocks: Vec<Block>,
    /// The text of a heading the narrative opens with (`<h1>`-`<h6>`, or a wholly
    /// bold first paragraph without closing punctuation).
    pub heading_line: Option<String>,
    /// Elements converted by a rule that changes their form, as report lines.
    pub by_rule: Vec<String>,
    pub errors: Vec<String>,
}

/// Converts `div` (the XHTML of `path`, e.g. `section[2].text.div`), citing
/// `source` on every block that takes one.
pub fn convert(div: &str, path: &str, source: &SourceRef) -> Narrative {
    let mut narrative = Narrative::default();
    let document = match Document::parse(div) {
        Ok(document) => document,
        Err(error) => {
            narrative
                .errors
                .push(format!("{path}: not well-formed XHTML: {error}"));
            return narrative;
        }
    };
    let root = document.root_element();
    if root.tag_name().name() != "div" || root.tag_name().namespace() != Some(XHTML) {
        narrative.errors.push(format!(
            "{path}: the narrative must be a <div xmlns=\"{XHTML}\">, found <{}>",
            root.tag_name().name()
        ));
        return narrative;
    }
    let mut converter = Converter {
        document: &document,
        path,
        source,
        narrative: &mut narrative,
        first: true,
    };
    converter.container(root);
    // The leaflet's rule, said here where the ePI can be fixed.
    for (i, block) in narrative.blocks.iter().enumerate() {
        let followed_by_list = matches!(narrative.blocks.get(i + 1), Some(Block::List { .. }));
        if let Block::Paragraph { text, .. } | Block::Note { text, .. } = block {
            if text.ends_with(':') && !followed_by_list {
                narrative.errors.push(format!(
                    "{path}: {:?} ends with a colon but no list follows it",
                    monograph::markup::preview(text, 60)
                ));
            }
        }
    }
    narrative
}

struct Converter<'a, 'input> {
    document: &'a Document<'input>,
    path: &'a str,
    source: &'a SourceRef,
    narrative: &'a mut Narrative,
    /// No content seen yet: a heading here is the narrative's own heading line.
    first: bool,
}

impl<'input> Converter<'_, 'input> {
    /// `<tag> at line N` of the narrative.
    fn place(&self, node: Node) -> String {
        let line = self.document.text_pos_at(node.range().start).row;
        format!("<{}> at line {line}", node.tag_name().name())
    }

    fn error(&mut self, node: Node, message: &str) {
        let place = self.place(node);
        self.narrative
            .errors
            .push(format!("{}: {place}{message}", self.path));
    }

    fn by_rule(&mut self, node: Node, rule: &str) {
        let place = self.place(node);
        self.narrative
            .by_rule
            .push(format!("{}: {place} {rule}", self.path));
    }

    fn source(&self) -> Option<SourceRef> {
        Some(self.source.clone())
    }

    fn push(&mut self, block: Block) {
        self.first = false;
        self.narrative.blocks.push(block);
    }

    /// The block-level children of a `<div>`: loose text and inline elements
    /// between blocks make a paragraph.
    fn container(&mut self, node: Node<'_, 'input>) {
        let mut loose: Vec<Node<'_, 'input>> = Vec::new();
        for child in node.children() {
            if child.is_text() || (child.is_element() && is_inline(child)) {
                loose.push(child);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            self.loose_paragraph(&mut loose);
            self.block(child);
        }
        self.loose_paragraph(&mut loose);
    }

    fn loose_paragraph(&mut self, loose: &mut Vec<Node<'_, 'input>>) {
        let mut text = String::new();
        for node in loose.drain(..) {
            self.inline(node, &mut text);
        }
        let text = normalise(&text);
        if !text.is_empty() {
            self.paragraph(text);
        }
    }

    fn block(&mut self, node: Node<'_, 'input>) {
        match node.tag_name().name() {
            "p" => self.p(node),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = self.inline_text(node);
                self.heading(node, text);
            }
            "ul" | "ol" => {
                let items = self.list_items(node);
                if node.tag_name().name() == "ol" {
                    self.by_rule(node, "-> a list in the same order (without its numbers)");
                }
                self.list(None, items);
            }
            "dl" => self.dl(node),
            "table" => self.table(node),
            "blockquote" => {
                let text = self.inline_text(node);
                if !text.is_empty() {
                    self.by_rule(node, "-> a note");
                    self.push(Block::Note {
                        text: text.into(),
                        source: self.source(),
                    });
                }
            }
            "div" => self.container(node),
            "br" => {}
            "hr" => self.by_rule(node, "-> left out (a rule line, no text)"),
            _ => self.error(node, " is not supported"),
        }
    }

    fn p(&mut self, node: Node<'_, 'input>) {
        let text = self.inline_text(node);
        if text.is_empty() {
            return;
        }
        if !wholly_bold(node) {
            return self.paragraph(text);
        }
        if ends_a_sentence(&text) {
            self.by_rule(node, "(wholly bold) -> a note");
            self.push(Block::Note {
                text: text.into(),
                source: self.source(),
            });
        } else {
            self.heading(node, text);
        }
    }

    /// A heading line: the narrative's own heading when nothing came before it,
    /// a subheading otherwise.
    fn heading(&mut self, node: Node, text: String) {
        if text.is_empty() {
            return;
        }
        if self.first && self.narrative.heading_line.is_none() {
            self.narrative.heading_line = Some(text);
            return;
        }
        if node.tag_name().name() == "p" {
            self.by_rule(node, "(wholly bold, no closing punctuation) -> a subheading");
        }
        self.push(Block::Subheading { heading: text.into() });
    }

    fn paragraph(&mut self, text: String) {
        self.push(Block::Paragraph {
            text: text.into(),
            source: self.source(),
        });
    }

    /// A list; a paragraph just before it that ends in a colon becomes its lead.
    fn list(&mut self, lead: Option<String>, items: Vec<String>) {
        if items.is_empty() {
            return;
        }
        let lead = lead
            .map(IString::from)
            .or_else(|| match self.narrative.blocks.last() {
                Some(Block::Paragraph { text, .. }) if text.trim_end().ends_with(':') => {
                    let text = text.clone();
                    self.narrative.blocks.pop();
                    Some(text)
                }
                _ => None,
            });
        let items: Vec<Item> = items
            .into_iter()
            .map(|text| Item {
                text: text.into(),
                source: self.source(),
            })
            .collect();
        self.push(Block::List {
            lead,
            source: self.source(),
            items: IArray::from(items),
        });
    }

    /// The items of a `<ul>`/`<ol>`; a list inside an item gives items of its
    /// own, after their parent's.
    fn list_items(&mut self, list: Node<'_, 'input>) -> Vec<String> {
        let mut items = Vec::new();
        for child in list.children() {
            if child.is_text() {
                if !child.text().unwrap_or_default().trim().is_empty() {
                    self.error(list, ": text outside a <li>");
                }
                continue;
            }
            if !child.is_element() {
                continue;
            }
            if child.tag_name().name() != "li" {
                self.error(
                    child,
                    &format!(" inside <{}> is not supported", list.tag_name().name()),
                );
                continue;
            }
            let mut text = String::new();
            let mut nested = Vec::new();
            for part in child.children() {
                match part.tag_name().name() {
                    "ul" | "ol" if part.is_element() => {
                        self.by_rule(part, "inside a list item -> its items follow their parent item");
                        nested.extend(self.list_items(part));
                    }
                    "p" if part.is_element() => {
                        let paragraph = self.inline_text(part);
                        text.push(' ');
                        text.push_str(&paragraph);
                    }
                    _ => self.inline(part, &mut text),
                }
            }
            let text = normalise(&text);
            if !text.is_empty() {
                items.push(text);
            }
            items.extend(nested);
        }
        items
    }

    /// The parts of a container whose own text has no place in the leaflet
    /// (`dl`, `table`, a row group, a row): text beside them is an error, never
    /// dropped without a word.
    fn parts<'a>(&mut self, node: Node<'a, 'input>) -> Vec<Node<'a, 'input>> {
        let loose_text = node
            .children()
            .any(|child| child.is_text() && !child.text().unwrap_or_default().trim().is_empty());
        if loose_text {
            self.error(node, ": text beside its parts is not supported");
        }
        node.children().filter(Node::is_element).collect()
    }

    fn dl(&mut self, node: Node<'_, 'input>) {
        let mut definitions: Vec<(String, Vec<String>)> = Vec::new();
        for child in self.parts(node) {
            let text = self.inline_text(child);
            match child.tag_name().name() {
                "dt" => definitions.push((text, Vec::new())),
                "dd" => match definitions.last_mut() {
                    Some((_, meanings)) => meanings.push(text),
                    None => self.error(child, " comes before any <dt>"),
                },
                _ => self.error(child, " inside <dl> is not supported"),
            }
        }
        let mut items = Vec::new();
        for (term, meanings) in definitions {
            if meanings.is_empty() {
                self.error(node, &format!(": the term {term:?} has no <dd>"));
                continue;
            }
            items.push(Definition {
                term: term.into(),
                definition: meanings.join(" ").into(),
                source: self.source(),
            });
        }
        if !items.is_empty() {
            self.push(Block::Definitions {
                items: IArray::from(items),
            });
        }
    }

    /// A simple table (no merged cells) becomes a list, one item a body row:
    /// "header: cell; header: cell" when it has a header row, else the cells
    /// joined by "; ". Its caption is the list's lead.
    fn table(&mut self, table: Node<'_, 'input>) {
        let mut caption = None;
        let mut rows: Vec<(Node, bool)> = Vec::new();
        for child in self.parts(table) {
            match child.tag_name().name() {
                "caption" => caption = Some(self.inline_text(child)),
                "thead" | "tbody" | "tfoot" => {
                    let head = child.tag_name().name() == "thead";
                    for row in self.parts(child) {
                        if row.tag_name().name() == "tr" {
                            rows.push((row, head));
                        } else {
                            self.error(
                                row,
                                &format!(" inside <{}> is not supported", child.tag_name().name()),
                            );
                        }
                    }
                }
                "tr" => rows.push((child, false)),
                "col" | "colgroup" => {}
                _ => self.error(child, " inside <table> is not supported"),
            }
        }
        let mut header: Option<Vec<String>> = None;
        let mut body: Vec<Vec<String>> = Vec::new();
        for (index, (row, in_head)) in rows.iter().enumerate() {
            let mut cells = Vec::new();
            let mut all_th = true;
            for cell in self.parts(*row) {
                let name = cell.tag_name().name();
                if name != "td" && name != "th" {
                    self.error(cell, " inside <tr> is not supported");
                    continue;
                }
                let merged = ["colspan", "rowspan"]
                    .iter()
                    .any(|a| cell.attribute(*a).is_some_and(|v| v.trim() != "1"));
                if merged {
                    self.error(
                        cell,
                        ": merged cells (colspan, rowspan) are not supported; split them in the ePI",
                    );
                }
                all_th &= name == "th";
                cells.push(self.inline_text(cell));
            }
            if (*in_head || (index == 0 && all_th)) && header.is_none() {
                header = Some(cells);
            } else if cells.iter().any(|c| !c.is_empty()) {
                body.push(cells);
            }
        }
        let items: Vec<String> = body
            .into_iter()
            .map(|cells| match &header {
                Some(names) if names.len() == cells.len() => names
                    .iter()
                    .zip(&cells)
                    .filter(|(_, cell)| !cell.is_empty())
                    .map(|(name, cell)| {
                        if name.is_empty() {
                            cell.clone()
                        } else {
                            format!("{name}: {cell}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                _ => cells
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join("; "),
            })
            .collect();
        let rule = if header.is_some() {
            format!("-> a list of {} \"header: cell\" rows", items.len())
        } else {
            format!("-> a list of {} rows, cells joined by \"; \"", items.len())
        };
        self.by_rule(table, &rule);
        self.list(caption.filter(|c| !c.is_empty()), items);
    }

    /// The text of an element whose content is inline (or paragraphs, joined).
    fn inline_text(&mut self, node: Node<'_, 'input>) -> String {
        let mut text = String::new();
        for child in node.children() {
            if child.is_element() && child.tag_name().name() == "p" {
                text.push(' ');
                text.push_str(&self.inline_text(child));
                text.push(' ');
            } else {
                self.inline(child, &mut text);
            }
        }
        normalise(&text)
    }

    /// Appends the text of an inline node: markup dropped, `<br>` a space,
    /// `<sub>`/`<sup>` digits as Unicode sub- and superscripts.
    fn inline(&mut self, node: Node<'_, 'input>, out: &mut String) {
        if let Some(text) = node.text().filter(|_| node.is_text()) {
            if text.contains("[[") {
                let place = self.place(node.parent().unwrap_or(node));
                self.narrative.errors.push(format!(
                    "{}: {place}: \"[[\" would read as a glossary link; write it otherwise in the ePI",
                    self.path
                ));
            }
            out.push_str(text);
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = node.tag_name().name();
        match name {
            "br" => out.push(' '),
            "sub" | "sup" => {
                let mut inner = String::new();
                for child in node.children() {
                    self.inline(child, &mut inner);
                }
                let shifted: Option<String> = inner
                    .trim()
                    .chars()
                    .map(|c| {
                        if name == "sup" {
                            superscript(c)
                        } else {
                            subscript(c)
                        }
                    })
                    .collect();
                match shifted {
                    Some(shifted) => out.push_str(&shifted),
                    None => {
                        self.by_rule(node, "-> plain text (no Unicode form for every character)");
                        out.push_str(&inner);
                    }
                }
            }
            _ if INLINE.contains(&name) => {
                for child in node.children() {
                    self.inline(child, out);
                }
            }
            _ => self.error(node, " is not supported here"),
        }
    }
}

fn is_inline(node: Node) -> bool {
    INLINE.contains(&node.tag_name().name()) || node.tag_name().name() == "br"
}

/// A paragraph whose only content is one `<strong>` or `<b>`.
fn wholly_bold(node: Node) -> bool {
    let mut content = node
        .children()
        .filter(|c| c.is_element() || c.text().is_some_and(|t| !t.trim().is_empty()));
    matches!(
        (content.next(), content.next()),
        (Some(only), None) if only.is_element() && matches!(only.tag_name().name(), "strong" | "b")
    )
}

fn ends_a_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?', ':', ';'])
}

/// Whitespace runs (XHTML source line breaks) as single spaces, trimmed.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn superscript(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '+' => '⁺',
        '-' | '−' => '⁻',
        _ => return None,
    })
}

fn subscript(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => char::from_u32('₀' as u32 + c.to_digit(10)?)?,
        '+' => '₊',
        '-' | '−' => '₋',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
                "section[2].section[0].text.div: <img> at line 2 is not supported here",
                "section[2].section[0].text.div: <script> at line 3 is not supported",
                "section[2].section[0].text.div: <td> at line 4: merged cells (colspan, rowspan) are not supported; split them in the ePI",
                "section[2].section[0].text.div: <dl> at line 5: text beside its parts is not supported",
            ]
        );
        let not_xhtml = convert("<div><p>x</p></div>", "section[0].text.div", &source());
        assert_eq!(
            not_xhtml.errors,
            ["section[0].text.div: the narrative must be a <div xmlns=\"http://www.w3.org/1999/xhtml\">, found <div>"]
        );
        let dangling = convert(
            &div("<p>You need:</p><p>Rest.</p>"),
            "section[0].text.div",
            &source(),
        );
        assert_eq!(
            dangling.errors,
            ["section[0].text.div: \"You need:\" ends with a colon but no list follows it"]
        );
        let broken = convert(&div("<p>x"), "section[0].text.div", &source());
        assert!(
            broken.errors[0].starts_with("section[0].text.div: not well-formed XHTML: "),
            "{:?}",
            broken.errors
        );
    }
}
