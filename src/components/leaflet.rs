use yew::prelude::*;

use super::accordion_section::AccordionSection;
use super::block_view::BlockView;
use super::leaflet_header::LeafletHeader;
use super::show_all::ShowAll;
use super::skip_link::SkipLink;
use super::sources::SourcesList;
use crate::controller::Controller;
use std::rc::Rc;

use crate::hooks::use_options;
use crate::hooks::{use_accordion, use_deep_link, use_find_in_page, use_remembered_sections, use_term_links};
use crate::monograph::model::{Block, Monograph};
use crate::state::AccordionAction;

/// Id of the generated "Sources" section, after the monograph's own sections.
pub const SOURCES_SECTION_ID: &str = "sources";

/// The id of each accordion item in order: the monograph's sections, then
/// Sources. Accordion state and the element's `open(id)` index into it.
pub fn accordion_section_ids(monograph: &Monograph) -> Rc<[AttrValue]> {
    monograph
        .sections
        .iter()
        .map(|s| s.id.clone())
        .chain([AttrValue::Static(SOURCES_SECTION_ID)])
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct LeafletProps {
    pub monograph: Monograph,
    #[prop_or_default]
    pub controller: Controller,
    #[prop_or_default]
    pub on_toggle: Callback<(AttrValue, bool)>,
    #[prop_or_default]
    pub on_ready: Callback<AttrValue>,
}

/// The whole leaflet: skip link, header, the summary (key facts and the "get
/// medical help" box, never collapsed), show-all control and one accordion item
/// per section, then the sources the content comes from.
#[function_component]
pub fn Leaflet(props: &LeafletProps) -> Html {
    let options = use_options();
    let strings = options.language.strings();
    let monograph = &props.monograph;
    let section_ids = accordion_section_ids(monograph);
    let on_change = {
        let ids = section_ids.clone();
        props
            .on_toggle
            .reform(move |(index, expanded): (usize, bool)| (ids[index].clone(), expanded))
    };
    let accordion = use_accordion(section_ids.len(), options.expanded, &props.controller, on_change);
    let content = use_node_ref();
    // Remembered state first, so a deep link opens its section on top of it.
    use_remembered_sections(
        options.remember && options.interactive,
        monograph.meta.id.clone(),
        section_ids.clone(),
        &accordion,
    );
    use_deep_link(section_ids.clone(), accordion.dispatcher(), content.clone());
    use_find_in_page(section_ids.clone(), accordion.dispatcher(), content.clone());
    use_term_links(section_ids.clone(), accordion.dispatcher(), content.clone());
    {
        let on_ready = props.on_ready.clone();
        let id = monograph.meta.id.clone();
        use_effect_with((), move |_| on_ready.emit(id));
    }
    let dispatch = |action: AccordionAction| {
        let accordion = accordion.clone();
        Callback::from(move |()| accordion.dispatch(action.clone()))
    };
    let based_on = monograph.meta.based_on.clone();
    let block_view =
        |block: &Block| html! { <BlockView block={block.clone()} based_on={based_on.clone()} /> };

    let sections = monograph.sections.iter().enumerate().map(|(index, section)| {
        html! {
            <AccordionSection
                key={section.id.as_str()}
                id={section.id.clone()}
                heading={section.heading.clone()}
                expanded={accordion.is_open(index)}
                on_toggle={dispatch(AccordionAction::Toggle(index))}
            >
                { for section.blocks.iter().map(block_view) }
            </AccordionSection>
        }
    });
    let sources_index = section_ids.len() - 1;

    html! {
        <article class="leaflet" lang={monograph.meta.language.clone()} part="leaflet">
            <SkipLink target={content.clone()} />
            <LeafletHeader meta={monograph.meta.clone()} sources={monograph.sources.clone()} />
            <div class="content" id={format!("{}leaflet-content", options.id_prefix)} tabindex="-1" ref={content}>
                { for monograph.summary.iter().map(block_view) }
                if options.interactive {
                    <ShowAll
                        all_open={accordion.all_open()}
                        on_show_all={dispatch(AccordionAction::ExpandAll)}
                        on_hide_all={dispatch(AccordionAction::CollapseAll)}
                    />
                }
                { for sections }
                <AccordionSection
                    id={SOURCES_SECTION_ID}
                    heading={strings.sources}
                    heading_lang={AttrValue::Static(options.language.tag())}
                    expanded={accordion.is_open(sources_index)}
                    on_toggle={dispatch(AccordionAction::Toggle(sources_index))}
                >
                    <SourcesList sources={monograph.sources.clone()} based_on={based_on.clone()} />
                </AccordionSection>
            </div>
        </article>
    }
}
