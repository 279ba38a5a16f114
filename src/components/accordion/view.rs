use implicit_clone::unsync::IArray;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::controls::{AccordionControls, AccordionNodes, SectionNodes};
use super::state::SOURCES_SECTION_ID;
use crate::components::block_view::{blocks_markup, listen_markup, source_line};
use crate::components::heading_tag;
use crate::components::sources::sources_markup;
use crate::components::updates::{updated_mark, Updated};
use crate::hooks::use_options;
use crate::monograph::date::IsoDate;
use crate::monograph::model::{Section, Source};
use crate::options::Options;
use crate::static_markup::{static_html_then, Markup};

#[derive(Properties, PartialEq)]
pub struct SectionsProps {
    pub sections: IArray<Section>,
    pub sources: IArray<Source>,
    /// The monograph's base document: content from it carries no marker.
    pub based_on: AttrValue,
    /// The accordion's owner, handed the nodes this view marks.
    pub controls: AccordionControls,
    /// The sections changed since the reader last read the leaflet: each is
    /// marked "Updated <date>" by its heading.
    #[prop_or_default]
    pub updated: std::rc::Rc<Vec<Updated>>,
}

/// Every section, then Sources, in one `<div class="sections">` written as
/// static markup: interactive accordion items in the element, native
/// disclosures in the prerendered fallback. A toggle finds the props unchanged and skips
/// this (the options changing writes it again); the nodes it marks go to
/// `AccordionControls`, which keeps them in step with the accordion.
#[function_component]
pub fn Sections(props: &SectionsProps) -> Html {
    let options = use_options();
    let language = options.language.tag();
    let write = |out: &mut dyn Markup| {
        let mut nodes = AccordionNodes::default();
        for (index, section) in props.sections.iter().enumerate() {
            // The fallback's disclosures start as the element's sections do.
            let open = options.expanded.opens(index);
            let head = SectionHead {
                id: &section.id,
                heading: &section.heading,
                heading_lang: None,
                updated: props.updated.iter().find(|u| u.id == section.id).map(|u| u.date),
                open,
            };
            let written = section_markup(out, &options, head, &mut |out| {
                listen_markup(out, &options, &section_button_id(&options, &section.id));
                blocks_markup(out, &section.blocks, &props.based_on, &options);
                source_line(out, &section.blocks, &props.based_on, &props.sources, &options);
                None
            });
            nodes.sections.extend(written.map(|(section, _)| section));
        }
        let sources = options.language.strings().sources;
        let head = SectionHead {
            id: &AttrValue::Static(SOURCES_SECTION_ID),
            heading: sources,
            heading_lang: Some(language),
            updated: None,
            open: false,
        };
        let written = section_markup(out, &options, head, &mut |out| {
            sources_markup(out, &props.sources, &props.based_on, &options)
        });
        if let Some((section, toggle)) = written {
            nodes.sections.push(section);
            nodes.sources_toggle = toggle.and_then(|toggle| toggle.dyn_into().ok());
        }
        nodes
    };
    let interactive = options.interactive;
    static_html_then("div", &[("class", "sections")], write, |sections, nodes| {
        if interactive {
            props.controls.attach(sections, nodes, options.language);
        }
    })
}

/// What one section is written from: `heading_lang` is the heading's language
/// when it is the leaflet's own word ("Sources"); `updated`, the date of its
/// change since the last reading; `open`, whether the fallback's disclosure
/// starts open.
struct SectionHead<'a> {
    id: &'a AttrValue,
    heading: &'a str,
    heading_lang: Option<&'a str>,
    updated: Option<IsoDate>,
    open: bool,
}

/// A marked node the section's content hands back (the Sources section's
/// checkbox); a `dyn` closure, so the WASM holds one copy of each writer.
type Content<'a> = &'a mut dyn FnMut(&mut dyn Markup) -> Option<web_sys::Element>;

/// One section: an accordion item in the element, with the nodes its
/// controls need and what `content` marked; a native disclosure in the fallback.
fn section_markup(
    out: &mut dyn Markup,
    options: &Options,
    head: SectionHead,
    content: Content,
) -> Option<(SectionNodes, Option<web_sys::Element>)> {
    if options.interactive {
        accordion_item_markup(out, options, head, content)
    } else {
        disclosure_markup(out, options, head, content);
        None
    }
}

/// The fallback's section: a native disclosure (`<details>`) whose summary
/// holds the heading, so it opens and closes with no script at all.
fn disclosure_markup(out: &mut dyn Markup, options: &Options, head: SectionHead, content: Content) {
    let SectionHead {
        id,
        heading,
        heading_lang,
        open,
        ..
    } = head;
    let heading_tag = heading_tag(options.section_heading_level());
    let panel_id = [&options.id_prefix, id, "-panel"].concat();
    let heading_id = [&options.id_prefix, id, "-heading"].concat();
    let details = [("class", "section"), ("data-section-id", id)];
    let open_details = [("class", "section"), ("data-section-id", id), ("open", "")];
    out.element("details", if open { &open_details } else { &details }, |out| {
        out.element("summary", &[("class", "section-heading")], |out| {
            let heading_attributes = [("id", heading_id.as_str())];
            let with_lang = [
                ("id", heading_id.as_str()),
                ("lang", heading_lang.unwrap_or_default()),
            ];
            let attributes: &[(&str, &str)] = if heading_lang.is_some() {
                &with_lang
            } else {
                &heading_attributes
            };
            out.element(heading_tag, attributes, |out| out.text(heading));
        });
        out.element("div", &[("class", "panel"), ("id", &panel_id)], |out| {
            content(out);
        });
    });
}

/// The id of section `id`'s button, which names it.
pub fn section_button_id(options: &Options, id: &str) -> String {
    [&options.id_prefix, id, "-button"].concat()
}

/// The element's section: a WAI-ARIA APG accordion item (a heading holding a
/// button that shows and hides its panel, which ends with "Link to this
/// section"), written closed, with the nodes its controls need.
fn accordion_item_markup(
    out: &mut dyn Markup,
    options: &Options,
    head: SectionHead,
    content: Content,
) -> Option<(SectionNodes, Option<web_sys::Element>)> {
    let SectionHead {
        id,
        heading,
        heading_lang,
        updated,
        ..
    } = head;
    let heading_tag = heading_tag(options.section_heading_level());
    let panel_id = [&options.id_prefix, id, "-panel"].concat();
    let button_id = section_button_id(options, id);
    let button = [
        ("type", "button"),
        ("class", "section-button"),
        ("part", "section-button"),
        ("id", &button_id),
        ("aria-expanded", "false"),
        ("aria-controls", &panel_id),
    ];
    // Closed panels stay findable: find in page and text fragments reveal
    // them; browsers without `until-found` treat the panel as plainly hidden.
    let panel = [
        ("class", "panel"),
        ("part", "panel"),
        ("id", &panel_id),
        ("aria-labelledby", &button_id),
        ("hidden", "until-found"),
    ];
    let strings = options.language.strings();
    let (mut button_node, mut panel_node, mut link_button, mut link_status, mut marked) =
        (None, None, None, None, None);
    let section = out.marked_element("div", &[("class", "section"), ("data-section-id", id)], |out| {
        out.element(heading_tag, &[("class", "section-heading")], |out| {
            button_node = out.marked_element("button", &button, |out| {
                let title = match heading_lang {
                    Some(lang) => [("class", "section-title"), ("lang", lang)].to_vec(),
                    None => [("class", "section-title")].to_vec(),
                };
                out.element("span", &title, |out| out.text(heading));
                if let Some(date) = updated {
                    updated_mark(out, date, options.language);
                }
                out.element("span", &[("class", "chevron"), ("aria-hidden", "true")], |_| {});
            });
        });
        panel_node = out.marked_element("div", &panel, |out| {
            marked = content(out);
            out.element(
                "p",
                &[("class", "section-link"), ("lang", options.language.tag())],
                |out| {
                    let link = [
                        ("type", "button"),
                        ("class", "link-button"),
                        ("part", "link-button"),
                    ];
                    link_button =
                        out.marked_element("button", &link, |out| out.text(strings.link_to_section));
                    out.text(" ");
                    link_status =
                        out.marked_element("span", &[("class", "link-status"), ("role", "status")], |_| {});
                },
            );
        });
    });
    let nodes = SectionNodes {
        id: id.clone(),
        section: section?,
        button: button_node?,
        panel: panel_node?,
        link_button: link_button?,
        link_status: link_status?,
    };
    Some((nodes, marked))
}
