use yew::prelude::*;

use super::accordion_section::AccordionSection;
use super::block_view::BlockView;
use super::leaflet_header::LeafletHeader;
use super::show_all::ShowAll;
use super::skip_link::SkipLink;
use super::sources::SourcesList;
use crate::monograph::model::Monograph;
use crate::state::{Accordion, AccordionAction};

/// Id of the generated "Sources" section, after the monograph's own sections.
pub const SOURCES_SECTION_ID: &str = "sources";

#[derive(Properties, PartialEq)]
pub struct LeafletProps {
    pub monograph: Monograph,
}

/// The whole leaflet: skip link, header, show-all control and one accordion item
/// per section, then the sources the content comes from.
#[function_component]
pub fn Leaflet(props: &LeafletProps) -> Html {
    let monograph = &props.monograph;
    let section_count = monograph.sections.len() + 1;
    let accordion = use_reducer_eq(|| Accordion::first_open(section_count));
    let content = use_node_ref();
    let dispatch = |action| {
        let accordion = accordion.clone();
        Callback::from(move |()| accordion.dispatch(action))
    };

    let sections = monograph.sections.iter().enumerate().map(|(index, section)| {
        html! {
            <AccordionSection
                key={section.id.as_str()}
                id={section.id.clone()}
                heading={section.heading.clone()}
                expanded={accordion.is_open(index)}
                on_toggle={dispatch(AccordionAction::Toggle(index))}
            >
                { for section.blocks.iter().map(|block| html! {
                    <BlockView block={block.clone()} based_on={monograph.meta.based_on.clone()} />
                }) }
            </AccordionSection>
        }
    });
    let sources_index = section_count - 1;

    html! {
        <article class="leaflet" lang={monograph.meta.language.clone()}>
            <SkipLink target={content.clone()} />
            <LeafletHeader meta={monograph.meta.clone()} />
            <div class="content" id="leaflet-content" tabindex="-1" ref={content}>
                <ShowAll
                    all_open={accordion.all_open()}
                    on_show_all={dispatch(AccordionAction::ExpandAll)}
                    on_hide_all={dispatch(AccordionAction::CollapseAll)}
                />
                { for sections }
                <AccordionSection
                    id={SOURCES_SECTION_ID}
                    heading="Sources"
                    expanded={accordion.is_open(sources_index)}
                    on_toggle={dispatch(AccordionAction::Toggle(sources_index))}
                >
                    <SourcesList sources={monograph.sources.clone()} based_on={monograph.meta.based_on.clone()} />
                </AccordionSection>
            </div>
        </article>
    }
}
