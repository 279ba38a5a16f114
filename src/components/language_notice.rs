//! One plain line when the leaflet's text is not in the reader's language
//! (the element's `lang`): "Este prospecto no está disponible en español. Se
//! muestra en inglés." The text itself keeps its own `lang`, so a screen
//! reader switches voice for it; the line is in the reader's language.

use yew::prelude::*;

use crate::hooks::use_options;
use crate::i18n::Language;
use crate::static_markup::static_html;

#[derive(Properties, PartialEq)]
pub struct LanguageNoticeProps {
    /// The monograph's language (a BCP 47 tag).
    pub content_language: AttrValue,
}

#[function_component]
pub fn LanguageNotice(props: &LanguageNoticeProps) -> Html {
    let reader = use_options().language;
    let content = Language::from_tag(&props.content_language);
    if content == Some(reader) {
        return Html::default();
    }
    let words = reader.strings();
    // A language the leaflet has no name for is named by its tag.
    let shown_in = content.map_or(props.content_language.as_str(), |language| {
        words.language_names[language as usize]
    });
    static_html(
        "p",
        &[("class", "language-notice"), ("lang", reader.tag())],
        |out| {
            out.text(words.not_in_your_language);
            out.text(" ");
            out.text(words.shown_in);
            out.text(" ");
            out.text(shown_in);
            out.text(".");
        },
    )
}
