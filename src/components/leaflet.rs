use yew::prelude::*;

use super::accordion::{
    use_accordion, use_deep_link, use_find_in_page, use_remembered_sections, use_term_links, AccordionAction,
    Controller, Sections,
};
use super::block_view::Blocks;
use super::language_notice::LanguageNotice;
use super::leaflet_header::LeafletHeader;
use super::show_all::ShowAll;
use super::skip_link::SkipLink;
use super::updates::{updated_since, use_last_read, UpdatesLine};
use crate::hooks::use_options;
use crate::monograph::model::Monograph;
use crate::options::Remember;

#[derive(Properties, PartialEq)]
pub struct LeafletProps {
    pub monograph: Monograph,
    #[prop_or_default]
    pub controller: Controller,
    /// (section id, expanded) whenever a section opens or closes, whatever the cause.
    #[prop_or_default]
    pub on_section_change: Callback<(AttrValue, bool)>,
    #[prop_or_default]
    pub on_ready: Callback<AttrValue>,
    /// Whenever the reader shows or hides each line's source marker.
    #[prop_or_default]
    pub on_sources_change: Callback<bool>,
    /// The sections the reader left open in the pasted fallback (ids, space-separated).
    #[prop_or_default]
    pub fallback_open: Option<AttrValue>,
}

/// The whole leaflet: skip link, header, the summary (key facts and the "get
/// medical help" box, never collapsed), show-all control and one accordion item
/// per section, then the sources the content comes from.
#[function_component]
pub fn Leaflet(props: &LeafletProps) -> Html {
    let options = use_options();
    let monograph = &props.monograph;
    let (accordion, controls) = use_accordion(
        monograph,
        &options,
        &props.controller,
        props.on_section_change.clone(),
        props.on_sources_change.clone(),
        props.fallback_open.clone(),
    );
    let content = use_node_ref();
    // Remembered state first, so a deep link opens its section on top of it;
    // what the reader did in the fallback is newer than anything remembered.
    use_remembered_sections(
        options.remember != Remember::Off && options.interactive && props.fallback_open.is_none(),
        monograph.meta.id.clone(),
        &accordion,
    );
    use_deep_link(accordion.dispatcher(), controls.clone());
    use_find_in_page(accordion.dispatcher(), content.clone(), controls.clone());
    use_term_links(accordion.dispatcher(), content.clone(), controls.clone());
    {
        let on_ready = props.on_ready.clone();
        let id = monograph.meta.id.clone();
        use_effect_with((), move |_| on_ready.emit(id));
    }
    let since = use_last_read(monograph, &options);
    let updated = std::rc::Rc::new(updated_since(monograph, since));
    let dispatch = |action: AccordionAction| {
        let accordion = accordion.clone();
        Callback::from(move |()| accordion.dispatch(action.clone()))
    };
    let based_on = &monograph.meta.based_on;
    html! {
        <article
            class="leaflet"
            lang={monograph.meta.language.clone()}
            part="leaflet"
            data-sources={if accordion.sources_inline() { "inline" } else { "section" }}
            data-print-sources={if options.print_sources_inline { "inline" } else { "section" }}
        >
            <SkipLink target={content.clone()} />
            <LanguageNotice content_language={monograph.meta.language.clone()} />
            <LeafletHeader monograph={monograph.clone()} />
            <div class="content" id={[&options.id_prefix, "leaflet-content"].concat()} tabindex="-1" ref={content}>
                if let (Some(since), false) = (since, updated.is_empty()) {
                    <UpdatesLine
                        updated={updated.clone()}
                        {since}
                        content_lang={monograph.meta.language.clone()}
                    />
                }
                <Blocks
                    blocks={monograph.summary.clone()}
                    based_on={based_on.clone()}
                    sources={monograph.sources.clone()}
                    jurisdiction={monograph.meta.jurisdiction.clone()}
                    example={monograph.meta.example}
                />
                if options.interactive {
                    <ShowAll
                        all_open={accordion.all_open()}
                        on_show_all={dispatch(AccordionAction::ExpandAll)}
                        on_hide_all={dispatch(AccordionAction::CollapseAll)}
                    />
                }
                <Sections
                    sections={monograph.sections.clone()}
                    sources={monograph.sources.clone()}
                    based_on={based_on.clone()}
                    {controls}
                    {updated}
                />
            </div>
        </article>
    }
}
