use implicit_clone::unsync::IArray;
use yew::prelude::*;

use super::block_view::{blocks_markup, source_line};
use super::heading_tag;
use super::sources::sources_markup;
use crate::hooks::{use_options, SectionControls};
use crate::monograph::model::{Section, Source};
use crate::options::Options;
use crate::state::SOURCES_SECTION_ID;
use crate::static_markup::{static_html_then, Markup};

#[derive(Properties, PartialEq)]
pub struct SectionsProps {
    pub sections: IArray<Section>,
    pub sources: IArray<Source>,
    /// The monograph's base document: content from it carries no marker.
    pub based_on: AttrValue,
    /// The accordion's state and actions, for the interactive sections.
    pub controls: SectionControls,
}

/// Every section, then Sources, in one `<div class="sections">` written as
/// static markup: interactive accordion items in the element, plain sections
/// in the prerendered fallback. A toggle finds the props unchanged and skips
/// this (the options changing writes it again); `SectionControls` keeps the
/// buttons and panels in step with the accordion and handles their events.
#[function_component]
pub fn Sections(props: &SectionsProps) -> Html {
    let options = use_options();
    let language = options.language.tag();
    let write = |out: &mut dyn Markup| {
        for section in props.sections.iter() {
            section_markup(out, &options, &section.id, &section.heading, None, |out| {
                blocks_markup(out, &section.blocks, &props.based_on, &options);
                source_line(out, &section.blocks, &props.based_on, &props.sources, &options);
            });
        }
        let sources = options.language.strings().sources;
        section_markup(
            out,
            &options,
            SOURCES_SECTION_ID,
            sources,
            Some(language),
            |out| {
                sources_markup(out, &props.sources, &props.based_on, &options);
            },
        );
    };
    let interactive = options.interactive;
    static_html_then("div", &[("class", "sections")], write, |sections| {
        if interactive {
            props.controls.attach(sections, options.language);
        }
    })
}

/// One section: a WAI-ARIA APG accordion item in the element (a heading
/// holding a button that shows and hides its panel, which ends with "Link to
/// this section"), written closed; a plain heading and its content in the
/// fallback. `heading_lang` is the heading's language when it is the
/// leaflet's own word ("Sources").
fn section_markup(
    out: &mut dyn Markup,
    options: &Options,
    id: &str,
    heading: &str,
    heading_lang: Option<&str>,
    content: impl FnOnce(&mut dyn Markup),
) {
    let heading_tag = heading_tag(options.section_heading_level());
    let panel_id = format!("{}{id}-panel", options.id_prefix);
    if !options.interactive {
        let heading_id = format!("{}{id}-heading", options.id_prefix);
        let attributes = [
            ("class", "section"),
            ("data-section-id", id),
            ("aria-labelledby", &heading_id),
        ];
        out.element("section", &attributes, |out| {
            out.element(
                heading_tag,
                &[("class", "section-heading"), ("id", &heading_id)],
                |out| {
                    out.text(heading);
                },
            );
            out.element("div", &[("class", "panel"), ("id", &panel_id)], content);
        });
        return;
    }
    let button_id = format!("{}{id}-button", options.id_prefix);
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
    out.element("div", &[("class", "section"), ("data-section-id", id)], |out| {
        out.element(heading_tag, &[("class", "section-heading")], |out| {
            out.element("button", &button, |out| {
                let title = match heading_lang {
                    Some(lang) => [("class", "section-title"), ("lang", lang)].to_vec(),
                    None => [("class", "section-title")].to_vec(),
                };
                out.element("span", &title, |out| out.text(heading));
                out.element("span", &[("class", "chevron"), ("aria-hidden", "true")], |_| {});
            });
        });
        out.element("div", &panel, |out| {
            content(out);
            out.element(
                "p",
                &[("class", "section-link"), ("lang", options.language.tag())],
                |out| {
                    let link = [
                        ("type", "button"),
                        ("class", "link-button"),
                        ("part", "link-button"),
                    ];
                    out.element("button", &link, |out| out.text(strings.link_to_section));
                    out.text(" ");
                    out.element("span", &[("class", "link-status"), ("role", "status")], |_| {});
                },
            );
        });
    });
}
