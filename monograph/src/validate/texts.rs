//! Walks over a monograph's blocks and texts, shared by the rules, the header's
//! review status, the provenance lines and the sign-off record.

use crate::model::{Block, Item, Monograph, Section, SourceRef};

/// Every block with its path: the summary's, then each section's.
pub fn all_blocks(monograph: &Monograph) -> impl Iterator<Item = (String, &Block)> {
    let summary: &[Block] = &monograph.summary;
    let sections: &[Section] = &monograph.sections;
    let summary = summary
        .iter()
        .enumerate()
        .map(|(b, block)| (format!("summary[{b}]"), block));
    let sections = sections.iter().enumerate().flat_map(|(s, section)| {
        let blocks: &[Block] = &section.blocks;
        blocks
            .iter()
            .enumerate()
            .map(move |(b, block)| (format!("sections[{s}].blocks[{b}]"), block))
    });
    summary.chain(sections)
}

/// A text of the monograph with the source it cites, if any.
pub struct SourcedText<'a> {
    /// Where it is, e.g. `sections[1].blocks[0].items[2].text`.
    pub path: String,
    pub source: Option<&'a SourceRef>,
    /// As written, with any `[[...]]` markup.
    pub text: &'a str,
}

/// A text that comes from another source than the base document.
pub struct AddedText<'a> {
    /// Where it is, e.g. `sections[1].blocks[0].items[2].text`.
    pub path: String,
    pub source: &'a SourceRef,
    /// As written, with any `[[...]]` markup.
    pub text: &'a str,
}

/// Every text that can cite a source (lead-ins, paragraphs, notes, items,
/// definitions), in order, with the source it cites; headings cite none.
pub fn sourced_texts<'a>(monograph: &'a Monograph) -> Vec<SourcedText<'a>> {
    let mut texts = Vec::new();
    for (path, block) in all_blocks(monograph) {
        for_each_text(block, &mut |field, source, text| {
            let field = match field {
                Field::Text => "text".to_owned(),
                Field::Lead => "lead".to_owned(),
                Field::Item(i) => format!("items[{i}].text"),
                Field::Definition(i) => format!("items[{i}].definition"),
            };
            texts.push(SourcedText {
                path: format!("{path}.{field}"),
                source,
                text,
            })
        });
    }
    texts
}

/// Which text of a block: its place in the block's fields.
#[derive(Clone, Copy)]
pub enum Field {
    Text,
    Lead,
    Item(usize),
    Definition(usize),
}

/// Calls `visit(field, source, text)` for each text of `block` that can cite a
/// source (one copy of the walk for every caller: a `dyn` visitor).
pub fn for_each_text<'a>(block: &'a Block, visit: &mut dyn FnMut(Field, Option<&'a SourceRef>, &'a str)) {
    let items: &[Item] = match block {
        Block::Paragraph { text, source } | Block::Note { text, source } | Block::Figure { text, source } => {
            visit(Field::Text, source.as_ref(), text.as_str());
            return;
        }
        Block::Definitions { items } => {
            for (i, item) in items.as_slice().iter().enumerate() {
                visit(
                    Field::Definition(i),
                    item.source.as_ref(),
                    item.definition.as_str(),
                );
            }
            return;
        }
        Block::List { lead, source, items }
        | Block::Urgent {
            lead, source, items, ..
        } => {
            if let Some(lead) = lead {
                visit(Field::Lead, source.as_ref(), lead.as_str());
            }
            items
        }
        Block::KeyFacts { items, .. } => items,
        Block::Subheading { .. } => return,
    };
    for (i, item) in items.iter().enumerate() {
        visit(Field::Item(i), item.source.as_ref(), item.text.as_str());
    }
}

/// Every added text, in order: what a pharmacist reviews and what the reading
/// level is measured on.
pub fn added_texts(monograph: &Monograph) -> Vec<AddedText<'_>> {
    let based_on = monograph.meta.based_on.as_str();
    sourced_texts(monograph)
        .into_iter()
        .filter_map(|SourcedText { path, source, text }| {
            let source = source.filter(|s| s.doc != based_on)?;
            Some(AddedText { path, source, text })
        })
        .collect()
}

/// The source of each added text, in order: `added_texts` without the texts'
/// paths, for the leaflet's header, which counts them and names their
/// sources. Writing the paths would bring `core::fmt` into the leaflet's WASM
/// (see `crate::decimal`).
pub fn added_sources(monograph: &Monograph) -> Vec<&SourceRef> {
    let based_on = monograph.meta.based_on.as_str();
    let sections = monograph.sections.as_slice().iter();
    let blocks = monograph
        .summary
        .as_slice()
        .iter()
        .chain(sections.flat_map(|s| s.blocks.as_slice()));
    let mut sources = Vec::new();
    for block in blocks {
        for_each_text(block, &mut |_, source, _| {
            sources.extend(source.filter(|s| s.doc != based_on));
        });
    }
    sources
}
