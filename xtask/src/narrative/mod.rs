//! One narrative converter for every importer: a regulator's marked-up text to
//! monograph blocks. A front end says what each of its elements is (a
//! [`Role`]: `xhtml` for a FHIR ePI's `text.div`, `spl` for an SPL section's
//! `<text>`); the core turns roles into blocks by the rules of docs/importers.md's
//! tables, and anything without a role is an error with its place, never
//! passed through as markup. The core adds no words of its own but the
//! separators its rules name (`: `, `; `, and "[missing alt]" for an image
//! without a text alternative).

pub mod spl;
pub mod xhtml;

use std::fmt::Write as _;

use implicit_clone::unsync::{IArray, IString};
use monograph::model::{Block, Definition, Item, SourceRef};
use roxmltree::{Document, Node};

/// What an element is to the converter.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// Holds blocks (`div`, SPL's `text`): loose text in it is a paragraph.
    Container,
    Paragraph,
    /// `h1`-`h6`.
    Heading,
    List {
        ordered: bool,
    },
    Item,
    /// The caption of a list or table (its lead), of an item (its label: a
    /// bullet is dropped) or of a paragraph (a heading line).
    Caption,
    Definitions,
    Term,
    Meaning,
    Table,
    /// `thead`, `tbody`, `tfoot`.
    RowGroup {
        head: bool,
    },
    Row,
    Cell {
        header: bool,
    },
    /// A quotation: a note.
    Quote,
    /// A rule line: nothing to read.
    Rule,
    /// Text whose markup is dropped; `bold` for a heading line made of it.
    Inline {
        bold: bool,
    },
    /// A link: its text, then its target when that is worth reading (`https:`).
    Link {
        shown_target: Option<String>,
    },
    Break,
    Superscript,
    Subscript,
    /// A footnote: a note at the end of the narrative.
    Footnote,
    /// An image with its text alternative, if it has one.
    Figure {
        alt: Option<String>,
    },
    /// Markup that carries no text (`col`, SPL's `footnoteRef`).
    Ignored,
    Unsupported,
}

/// A front end: the roles of its elements.
pub trait Vocabulary {
    fn role(&self, node: Node) -> Role;
}

/// What one narrative gave: its blocks, the heading line it opened with, and
/// what the import report lists.
#[derive(Default)]
pub struct Narrative {
    pub blocks: Vec<Block>,
    /// The text of a heading the narrative opens with (a heading element, or a
    /// wholly bold first paragraph without closing punctuation).
    pub heading_line: Option<String>,
    /// Elements converted by a rule that changes their form, as report lines.
    pub by_rule: Vec<String>,
    pub errors: Vec<String>,
}

/// Bullet marks typed into a text: one opening a paragraph or a cell makes it
/// a list item, and each further one starts another.
const BULLETS: &[char] = &['•', '●', '○', '◦', '▪', '■', '□', '‣', '⁃'];

/// Marks an item's caption may hold that are only its bullet (a dash or star
/// opening a text is not taken for one: "-20 °C").
const ITEM_MARKS: &[char] = &['–', '-', '*'];

/// What the source changes for an element the converter has no rule for.
const UNSUPPORTED_FIX: &str = "write it with the elements of docs/importers.md's table, or remove it";

/// A table's rows, each with whether it is in a header group.
type Rows<'a, 'input> = Vec<(Node<'a, 'input>, bool)>;

/// Converts the narrative whose root is `root` (at `path`, e.g.
/// `section[2].text.div`), citing `source` on every block that takes one.
pub fn convert(
    vocabulary: &dyn Vocabulary,
    document: &Document,
    root: Node,
    path: &str,
    source: &SourceRef,
) -> Narrative {
    let mut narrative = Narrative::default();
    let mut converter = Converter {
        vocabulary,
        document,
        path,
        source,
        narrative: &mut narrative,
        first: true,
        bullets_open: false,
        pending_figures: Vec::new(),
        footnotes: Vec::new(),
    };
    converter.container(root);
    converter.flush_figures();
    for footnote in std::mem::take(&mut converter.footnotes) {
        converter.push(Block::Note {
            text: footnote.into(),
            source: Some(source.clone()),
        });
    }
    // The leaflet's rule, said here where the source can be fixed.
    for (i, block) in narrative.blocks.iter().enumerate() {
        let followed_by_list = matches!(narrative.blocks.get(i + 1), Some(Block::List { .. }));
        if let Block::Paragraph { text, .. } | Block::Note { text, .. } = block {
            if text.ends_with(':') && !followed_by_list {
                narrative.errors.push(format!(
                    "{path}: {:?} ends with a colon but no list follows it: add the list, or end the sentence otherwise",
                    monograph::markup::preview(text, 60)
                ));
            }
        }
    }
    narrative
}

struct Converter<'a, 'input> {
    vocabulary: &'a dyn Vocabulary,
    document: &'a Document<'input>,
    path: &'a str,
    source: &'a SourceRef,
    narrative: &'a mut Narrative,
    /// No content seen yet: a heading here is the narrative's own heading line.
    first: bool,
    /// The last block is a list made of bullet-led texts, which the next one joins.
    bullets_open: bool,
    /// Images met inside a text (their text alternatives): figures after the
    /// block that holds them.
    pending_figures: Vec<String>,
    footnotes: Vec<String>,
}

impl<'input> Converter<'_, 'input> {
    fn role(&self, node: Node) -> Role {
        if node.is_element() {
            self.vocabulary.role(node)
        } else {
            Role::Ignored
        }
    }

    /// `<tag> at line N` of the document.
    fn place(&self, node: Node) -> String {
        let line = self.document.text_pos_at(node.range().start).row;
        format!("<{}> at line {line}", node.tag_name().name())
    }

    /// An error that the source fixes by keeping to the elements docs/importers.md lists.
    fn error(&mut self, node: Node, message: &str) {
        self.error_with_fix(node, &format!("{message}: {UNSUPPORTED_FIX}"));
    }

    /// An error whose `message` says what to fix.
    fn error_with_fix(&mut self, node: Node, message: &str) {
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
        self.bullets_open = false;
        self.narrative.blocks.push(block);
        self.flush_figures();
    }

    fn flush_figures(&mut self) {
        for alt in std::mem::take(&mut self.pending_figures) {
            self.push(Block::Figure {
                text: alt.into(),
                source: self.source(),
            });
        }
    }

    /// The block-level children of a container: loose text and inline elements
    /// between blocks make a paragraph.
    fn container(&mut self, node: Node<'_, 'input>) {
        let mut loose: Vec<Node<'_, 'input>> = Vec::new();
        for child in node.children() {
            if child.is_text() || (child.is_element() && is_inline(&self.role(child))) {
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
        self.text_block(normalise(&text));
        self.flush_figures();
    }

    fn block(&mut self, node: Node<'_, 'input>) {
        match self.role(node) {
            Role::Paragraph => self.p(node),
            Role::Heading => {
                let text = self.inline_text(node);
                self.heading(node, text);
            }
            Role::List { ordered } => {
                let (caption, items) = self.list_items(node);
                if ordered {
                    self.by_rule(node, "-> a list in the same order (without its numbers)");
                }
                self.list(caption, items);
            }
            Role::Definitions => self.dl(node),
            Role::Table => self.table(node),
            Role::Quote => {
                let text = self.inline_text(node);
                if !text.is_empty() {
                    self.by_rule(node, "-> a note");
                    self.push(Block::Note {
                        text: text.into(),
                        source: self.source(),
                    });
                }
            }
            Role::Container => self.container(node),
            Role::Figure { alt } => {
                self.figure(node, alt);
                self.flush_figures();
            }
            Role::Footnote => self.footnote(node),
            Role::Break | Role::Ignored => {}
            Role::Rule => self.by_rule(node, "-> left out (a rule line, no text)"),
            _ => self.error(node, " is not supported"),
        }
    }

    fn p(&mut self, node: Node<'_, 'input>) {
        let mut text = String::new();
        for child in node.children() {
            if self.role(child) == Role::Caption {
                let caption = self.inline_text(child);
                self.by_rule(child, "(a paragraph's caption) -> a heading line");
                self.heading(child, caption);
            } else {
                self.inline(child, &mut text);
            }
        }
        let text = normalise(&text);
        if text.is_empty() {
            self.flush_figures();
            return;
        }
        if !self.wholly_bold(node) {
            return self.text_block(text);
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
        if self.role(node) == Role::Paragraph {
            self.by_rule(node, "(wholly bold, not ending like a statement) -> a subheading");
        }
        self.push(Block::Subheading { heading: text.into() });
    }

    /// A text of its own: a paragraph, or list items when it opens with a
    /// bullet (a bullet typed into the text; each further bullet in it starts
    /// another item), which join a list of such items just before it.
    fn text_block(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        if !text.starts_with(BULLETS) {
            self.push(Block::Paragraph {
                text: text.into(),
                source: self.source(),
            });
            return;
        }
        let items = text
            .split(BULLETS)
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned);
        let items: Vec<String> = items.collect();
        if self.bullets_open {
            if let Some(Block::List { items: list, .. }) = self.narrative.blocks.last_mut() {
                let mut joined: Vec<Item> = list.iter().cloned().collect();
                joined.extend(items.into_iter().map(|text| Item {
                    text: text.into(),
                    source: Some(self.source.clone()),
                }));
                *list = IArray::from(joined);
                self.flush_figures();
                return;
            }
        }
        self.narrative.by_rule.push(format!(
            "{}: a text opening with a bullet -> list items",
            self.path
        ));
        self.list(None, items);
        self.bullets_open = true;
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

    /// The caption and the items of a list. A list inside an item belongs to
    /// it: its items join their parent's text ("parent: a; b"), so words like
    /// "including mild ones" never stand alone as an item.
    fn list_items(&mut self, list: Node<'_, 'input>) -> (Option<String>, Vec<String>) {
        let mut caption = None;
        let mut items = Vec::new();
        for child in list.children() {
            if child.is_text() {
                if !child.text().unwrap_or_default().trim().is_empty() {
                    self.error(list, ": text outside an item");
                }
                continue;
            }
            match self.role(child) {
                Role::Item => {}
                Role::Caption => {
                    caption = Some(self.inline_text(child)).filter(|c| !c.is_empty());
                    continue;
                }
                Role::Ignored => continue,
                _ => {
                    if child.is_element() {
                        let inside = format!(" inside <{}> is not supported", list.tag_name().name());
                        self.error(child, &inside);
                    }
                    continue;
                }
            }
            let mut text = String::new();
            let mut nested = Vec::new();
            for part in child.children() {
                match self.role(part) {
                    Role::List { .. } => {
                        self.by_rule(part, "inside a list item -> its items join the item's text");
                        let (_, inner) = self.list_items(part);
                        nested.extend(inner);
                    }
                    Role::Paragraph => {
                        let paragraph = self.inline_text(part);
                        text.push(' ');
                        text.push_str(&paragraph);
                    }
                    Role::Caption => {
                        let label = self.inline_text(part);
                        if label
                            .chars()
                            .all(|c| BULLETS.contains(&c) || ITEM_MARKS.contains(&c) || c.is_whitespace())
                        {
                            self.by_rule(part, "(a bullet) -> left out: the list shows its own");
                        } else {
                            text.push_str(&label);
                            text.push(' ');
                        }
                    }
                    _ => self.inline(part, &mut text),
                }
            }
            let text = normalise(&text);
            match (text.is_empty(), nested.is_empty()) {
                (true, _) => items.extend(nested),
                (false, true) => items.push(text),
                (false, false) => {
                    let separator = if text.ends_with(':') { " " } else { ": " };
                    items.push(format!("{text}{separator}{}", nested.join("; ")));
                }
            }
        }
        (caption, items)
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
            match self.role(child) {
                Role::Term => definitions.push((text, Vec::new())),
                Role::Meaning => match definitions.last_mut() {
                    Some((_, meanings)) => meanings.push(text),
                    None => self.error(child, " comes before any term"),
                },
                _ => self.error(child, " inside a definition list is not supported"),
            }
        }
        let mut items = Vec::new();
        for (term, meanings) in definitions {
            if meanings.is_empty() {
                self.error(node, &format!(": the term {term:?} has no definition"));
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

    fn figure(&mut self, node: Node, alt: Option<String>) {
        let alt = alt.map(|a| normalise(&a)).filter(|a| !a.is_empty());
        let alt = alt.unwrap_or_else(|| {
            self.by_rule(node, "has no text alternative -> \"[missing alt]\"");
            "[missing alt]".to_owned()
        });
        self.by_rule(node, "(an image) -> a figure: its text alternative");
        self.pending_figures.push(alt);
    }

    fn footnote(&mut self, node: Node<'_, 'input>) {
        let text = self.inline_text(node);
        if !text.is_empty() {
            self.by_rule(node, "-> a note at the end of the section");
            self.footnotes.push(text);
        }
    }

    /// A table's caption and rows.
    fn table_rows<'a>(&mut self, table: Node<'a, 'input>) -> (Option<Node<'a, 'input>>, Rows<'a, 'input>) {
        let mut caption = None;
        let mut rows = Vec::new();
        for child in self.parts(table) {
            match self.role(child) {
                Role::Caption => caption = Some(child),
                Role::RowGroup { head } => {
                    for row in self.parts(child) {
                        match self.role(row) {
                            Role::Row => rows.push((row, head)),
                            Role::Ignored => {}
                            _ => {
                                let inside =
                                    format!(" inside <{}> is not supported", child.tag_name().name());
                                self.error(row, &inside);
                            }
                        }
                    }
                }
                Role::Row => rows.push((child, false)),
                Role::Ignored => {}
                _ => self.error(child, " inside <table> is not supported"),
            }
        }
        (caption, rows)
    }

    /// The cells of a row; anything else in it is an error.
    fn cells<'a>(&mut self, row: Node<'a, 'input>) -> Vec<(Node<'a, 'input>, bool)> {
        let mut cells = Vec::new();
        for cell in self.parts(row) {
            match self.role(cell) {
                Role::Cell { header } => cells.push((cell, header)),
                Role::Ignored => {}
                _ => self.error(cell, " inside <tr> is not supported"),
            }
        }
        cells
    }

    /// A layout table holds blocks in its cells (a list, a table, more than
    /// one paragraph) or bulleted texts; a data table holds one short text a
    /// cell. A layout table is read row by row, cell by cell, into the blocks
    /// its cells hold; a data table becomes a list.
    fn table(&mut self, table: Node<'_, 'input>) {
        let (caption, rows) = self.table_rows(table);
        let all_cells: Vec<Node> = rows
            .iter()
            .flat_map(|(row, _)| {
                row.children()
                    .filter(|c| matches!(self.role(*c), Role::Cell { .. }))
            })
            .collect();
        let layout = all_cells.iter().any(|cell| self.holds_blocks(*cell));
        if layout {
            self.by_rule(
                table,
                "(a layout table: its cells hold blocks or bullets) -> its cells' blocks, row by row",
            );
            if let Some(caption) = caption {
                let text = self.inline_text(caption);
                self.heading(caption, text);
            }
            for (row, _) in rows {
                for (cell, _) in self.cells(row) {
                    self.container(cell);
                }
            }
            return;
        }
        self.data_table(table, caption, &rows);
    }

    /// A cell with blocks in it: a list or a table, more than one paragraph,
    /// or text that opens with a bullet.
    fn holds_blocks(&self, cell: Node) -> bool {
        let mut paragraphs = 0;
        for child in cell.children() {
            match self.role(child) {
                Role::List { .. } | Role::Table | Role::Definitions | Role::Heading => return true,
                Role::Paragraph => paragraphs += 1,
                _ => {}
            }
        }
        let text: String = cell
            .descendants()
            .filter_map(|n| n.text().filter(|_| n.is_text()))
            .collect();
        paragraphs > 1 || text.trim_start().starts_with(BULLETS)
    }

    /// A data table (no merged cells) becomes a list, one item a body row:
    /// "header: cell; header: cell" when it has a header row; a row of two
    /// cells without one is a label and its value, "label: value"; else the
    /// cells joined by "; ". Its caption is the list's lead.
    fn data_table(
        &mut self,
        table: Node<'_, 'input>,
        caption: Option<Node<'_, 'input>>,
        rows: &Rows<'_, 'input>,
    ) {
        let caption = caption.map(|c| self.inline_text(c));
        let mut header: Option<Vec<String>> = None;
        let mut body: Vec<Vec<String>> = Vec::new();
        for (index, (row, in_head)) in rows.iter().enumerate() {
            let mut cells = Vec::new();
            let mut all_th = true;
            for (cell, is_header) in self.cells(*row) {
                let merged = ["colspan", "rowspan"]
                    .iter()
                    .any(|a| cell.attribute(*a).is_some_and(|v| v.trim() != "1"));
                if merged {
                    self.error_with_fix(
                        cell,
                        ": merged cells (colspan, rowspan) are not supported in a data table; split them in the source",
                    );
                }
                all_th &= is_header;
                cells.push(self.inline_text(cell));
            }
            if (*in_head || (index == 0 && all_th)) && header.is_none() {
                header = Some(cells);
            } else if cells.iter().any(|c| !c.is_empty()) {
                body.push(cells);
            }
        }
        let label_and_value = header.is_none() && body.iter().all(|cells| cells.len() == 2);
        let items: Vec<String> = body
            .into_iter()
            .map(|cells| match (&header, cells.as_slice()) {
                (Some(names), _) if names.len() == cells.len() => names
                    .iter()
                    .zip(&cells)
                    .filter(|(_, cell)| !cell.is_empty())
                    .map(|(name, cell)| labelled(name, cell))
                    .collect::<Vec<_>>()
                    .join("; "),
                (None, [label, value]) => labelled(label, value),
                _ => cells
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join("; "),
            })
            .collect();
        let rule = if header.is_some() {
            format!("-> a list of {} \"header: cell\" rows", items.len())
        } else if label_and_value {
            format!("-> a list of {} \"label: value\" rows", items.len())
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
            if self.role(child) == Role::Paragraph {
                text.push(' ');
                text.push_str(&self.inline_text(child));
                text.push(' ');
            } else {
                self.inline(child, &mut text);
            }
        }
        normalise(&text)
    }

    /// Appends the text of an inline node: markup dropped, a break a space,
    /// superscripts and subscripts in Unicode where they have a form.
    fn inline(&mut self, node: Node<'_, 'input>, out: &mut String) {
        if let Some(text) = node.text().filter(|_| node.is_text()) {
            if text.contains("[[") {
                let place = self.place(node.parent().unwrap_or(node));
                self.narrative.errors.push(format!(
                    "{}: {place}: \"[[\" would read as a glossary link; write it otherwise in the source",
                    self.path
                ));
            }
            out.push_str(text);
            return;
        }
        if !node.is_element() {
            return;
        }
        match self.role(node) {
            Role::Break => out.push(' '),
            role @ (Role::Superscript | Role::Subscript) => {
                let mut inner = String::new();
                for child in node.children() {
                    self.inline(child, &mut inner);
                }
                let shifted: Option<String> = inner
                    .trim()
                    .chars()
                    .map(|c| {
                        if role == Role::Superscript {
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
            Role::Inline { .. } => {
                for child in node.children() {
                    self.inline(child, out);
                }
            }
            Role::Link { shown_target } => {
                let mut words = String::new();
                for child in node.children() {
                    self.inline(child, &mut words);
                }
                out.push_str(&words);
                if let Some(target) = shown_target.filter(|t| normalise(&words) != *t) {
                    self.by_rule(node, "-> its text, then its https: address in brackets");
                    let _ = write!(out, " ({target})");
                }
            }
            Role::Footnote => self.footnote(node),
            Role::Figure { alt } => self.figure(node, alt),
            Role::Ignored => {}
            _ => self.error(node, " is not supported here"),
        }
    }

    /// A paragraph whose every word is bold (in one bold element or several,
    /// at any depth; a caption aside), and which holds only inline text.
    fn wholly_bold(&self, node: Node) -> bool {
        let mut words = node
            .descendants()
            .filter(|n| n.is_text() && n.text().is_some_and(|t| !t.trim().is_empty()))
            .filter(|n| !n.ancestors().any(|a| a != node && self.role(a) == Role::Caption))
            .peekable();
        let is_bold = |text: &Node| {
            text.ancestors()
                .take_while(|a| *a != node)
                .any(|a| self.role(a) == Role::Inline { bold: true })
        };
        let only_inline = node
            .children()
            .filter(Node::is_element)
            .all(|c| matches!(self.role(c), Role::Inline { .. } | Role::Break | Role::Caption));
        only_inline && words.peek().is_some() && words.all(|text| is_bold(&text))
    }
}

fn is_inline(role: &Role) -> bool {
    matches!(
        role,
        Role::Inline { .. }
            | Role::Link { .. }
            | Role::Break
            | Role::Superscript
            | Role::Subscript
            | Role::Ignored
    )
}

/// `label: value`, without a second colon when the label has one.
fn labelled(label: &str, value: &str) -> String {
    match (label.is_empty(), label.ends_with(':')) {
        (true, _) => value.to_owned(),
        (false, true) => format!("{label} {value}"),
        (false, false) => format!("{label}: {value}"),
    }
}

/// A bold line that ends like a statement is a note; one without closing
/// punctuation, or a question ("What is …?"), is a heading.
fn ends_a_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', ':', ';'])
}

/// Whitespace runs (source line breaks) as single spaces, trimmed.
pub fn normalise(text: &str) -> String {
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
