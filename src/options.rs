//! How a leaflet is shown, from the element's attributes. An attribute value that
//! cannot be used gives a warning that names the attribute and the allowed values,
//! and the default applies.

use yew::AttrValue;

use crate::i18n::Language;
use crate::monograph::date::IsoDate;
use crate::monograph::markup::preview;

/// How much of a host's value (an attribute, an id passed to `open`) a
/// message quotes: values of any length (a megabyte) stay one readable line.
pub const QUOTED_CHARS: usize = 60;

/// Attributes `<drug-leaflet>` reacts to.
pub const OBSERVED_ATTRIBUTES: [&str; 11] = [
    "drug",
    "integrity",
    "heading-level",
    "expanded",
    "lang",
    "remember",
    "sources",
    "print-sources",
    "label",
    "last-read",
    "listen",
];

/// A warning for an attribute `<drug-leaflet>` does not know (a typo such as
/// `heading_level`), or `None` for its own and for global HTML attributes.
pub fn unknown_attribute_warning(name: &str) -> Option<String> {
    const GLOBAL: [&str; 12] = [
        "id",
        "class",
        "style",
        "title",
        "hidden",
        "slot",
        "part",
        "dir",
        "tabindex",
        "role",
        "translate",
        "inert",
    ];
    let known = OBSERVED_ATTRIBUTES.contains(&name)
        || GLOBAL.contains(&name)
        || ["aria-", "data-", "on"]
            .iter()
            .any(|prefix| name.starts_with(prefix));
    (!known).then(|| {
        [
            "unknown attribute \"",
            &preview(name, QUOTED_CHARS),
            "\" is ignored; <drug-leaflet> knows ",
            &OBSERVED_ATTRIBUTES.join(", "),
            ".",
        ]
        .concat()
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Expanded {
    /// Only the first section open (the default).
    #[default]
    First,
    All,
    None,
}

impl Expanded {
    /// Whether the section at `index` starts open.
    pub fn opens(self, index: usize) -> bool {
        match self {
            Expanded::First => index == 0,
            Expanded::All => true,
            Expanded::None => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Level of the title heading (2 to 6); sections are one level below, at most 6.
    pub heading_level: u8,
    pub expanded: Expanded,
    /// Language of the leaflet's own words; the content keeps the monograph's.
    pub language: Language,
    /// What the leaflet keeps in the browser's storage.
    pub remember: Remember,
    /// `last-read`: when the reader last read this leaflet (the host knows);
    /// the sections changed since are marked.
    pub last_read: Option<IsoDate>,
    /// `listen`: whether the read-aloud controls are offered (`on`, the default).
    pub listen: bool,
    /// False for the prerendered no-JavaScript fallback: native disclosures,
    /// no buttons, no script.
    pub interactive: bool,
    /// `sources="inline"`: each line's source marker on screen, not only each
    /// section's source line (the reader can switch in the Sources section).
    pub sources_inline: bool,
    /// `print-sources`: each line's source marker on paper (the default, a
    /// pharmacist's printout), or only the section lines (`section`).
    pub print_sources_inline: bool,
    /// Prefix for element ids, so a fallback in the host's light DOM cannot clash.
    pub id_prefix: AttrValue,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            heading_level: 2,
            expanded: Expanded::First,
            language: Language::En,
            remember: Remember::On,
            last_read: None,
            listen: true,
            interactive: true,
            sources_inline: false,
            print_sources_inline: true,
            id_prefix: AttrValue::default(),
        }
    }
}

impl Options {
    /// Options for the static fallback of monograph `drug`: the element's
    /// default sections open (element.js reads the reader's changes from that
    /// start when the leaflet takes over).
    pub fn fallback(drug: &str) -> Options {
        Options {
            interactive: false,
            id_prefix: ["drug-leaflet-", drug, "-"].concat().into(),
            ..Options::default()
        }
    }

    pub fn section_heading_level(&self) -> u8 {
        (self.heading_level + 1).min(6)
    }

    /// Applies attribute `name` (`None`: removed). On a value it cannot use it
    /// applies the default and returns the warning to show.
    pub fn apply_attribute(&mut self, name: &str, value: Option<&str>) -> Result<(), String> {
        let defaults = Options::default();
        match name {
            "heading-level" => set(
                &mut self.heading_level,
                parse_heading_level(value),
                defaults.heading_level,
            ),
            "expanded" => set(&mut self.expanded, parse_expanded(value), defaults.expanded),
            "lang" => set(&mut self.language, parse_language(value), defaults.language),
            "remember" => set(&mut self.remember, parse_remember(value), defaults.remember),
            "last-read" => set(&mut self.last_read, parse_last_read(value), None),
            "listen" => set(&mut self.listen, parse_listen(value), true),
            "sources" => set(
                &mut self.sources_inline,
                parse_sources("sources", value, "section"),
                defaults.sources_inline,
            ),
            "print-sources" => set(
                &mut self.print_sources_inline,
                parse_sources("print-sources", value, "inline"),
                defaults.print_sources_inline,
            ),
            // The element's name in its landmarks, read by the shell
            // (`element.js`, `nameLeaflets`): only checked here.
            "label" => check_label(value),
            _ => Ok(()),
        }
    }
}

fn set<T: Copy>(field: &mut T, parsed: Result<T, String>, default: T) -> Result<(), String> {
    *field = parsed.as_ref().copied().unwrap_or(default);
    parsed.map(|_| ())
}

/// `name="value" why`: a warning about an attribute, quoting its value (at
/// most `QUOTED_CHARS` characters of it).
fn invalid(name: &str, value: &str, why: &str) -> String {
    [name, "=\"", &preview(value, QUOTED_CHARS), "\" ", why].concat()
}

fn parse_heading_level(value: Option<&str>) -> Result<u8, String> {
    match value.map(|v| (v, v.trim().parse::<u8>())) {
        None => Ok(2),
        Some((_, Ok(level @ 2..=6))) => Ok(level),
        Some((v, _)) => Err(invalid(
            "heading-level",
            v,
            "is not allowed; use 2, 3, 4, 5 or 6. Using 2.",
        )),
    }
}

fn parse_expanded(value: Option<&str>) -> Result<Expanded, String> {
    match value.map(str::trim) {
        None | Some("first") => Ok(Expanded::First),
        Some("all") => Ok(Expanded::All),
        Some("none") => Ok(Expanded::None),
        Some(v) => Err(invalid(
            "expanded",
            v,
            "is not allowed; use first, all or none. Using first.",
        )),
    }
}

/// `remember`: `on` keeps the open sections in sessionStorage; `local` also
/// keeps the last revision seen in localStorage; `off` keeps nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remember {
    Off,
    On,
    Local,
}

fn parse_remember(value: Option<&str>) -> Result<Remember, String> {
    match value.map(str::trim) {
        None | Some("on") => Ok(Remember::On),
        Some("off") => Ok(Remember::Off),
        Some("local") => Ok(Remember::Local),
        Some(v) => Err(invalid(
            "remember",
            v,
            "is not allowed; use on, local or off. Using on.",
        )),
    }
}

fn parse_listen(value: Option<&str>) -> Result<bool, String> {
    match value.map(str::trim) {
        None | Some("on") => Ok(true),
        Some("off") => Ok(false),
        Some(v) => Err(invalid("listen", v, "is not allowed; use on or off. Using on.")),
    }
}

fn parse_last_read(value: Option<&str>) -> Result<Option<IsoDate>, String> {
    match value.map(str::trim) {
        None => Ok(None),
        Some(v) => IsoDate::parse_day(v)
            .map(Some)
            .ok_or_else(|| invalid("last-read", v, "is not a date; use YYYY-MM-DD. Ignoring it.")),
    }
}

/// `inline` (each line's marker) or `section` (one line a section); absent
/// is `default`.
fn parse_sources(name: &str, value: Option<&str>, default: &str) -> Result<bool, String> {
    match value.map(str::trim).unwrap_or(default) {
        "inline" => Ok(true),
        "section" => Ok(false),
        v => Err(invalid(
            name,
            v,
            &["is not allowed; use section or inline. Using ", default, "."].concat(),
        )),
    }
}

/// `label` names the leaflet's landmarks ("Key facts, Mum's leaflet"): text a
/// screen reader says, so one with none (`label=""`) is no name.
fn check_label(value: Option<&str>) -> Result<(), String> {
    match value {
        Some(v) if v.trim().is_empty() => Err(invalid(
            "label",
            v,
            "is not allowed; use the words a reader should hear for this leaflet. Using the drug's title.",
        )),
        _ => Ok(()),
    }
}

fn parse_language(value: Option<&str>) -> Result<Language, String> {
    match value {
        None => Ok(Language::En),
        Some(v) => Language::from_tag(v.trim()).ok_or_else(|| {
            let allowed: Vec<&str> = Language::ALL.iter().map(|l| l.tag()).collect();
            invalid(
                "lang",
                v,
                &["is not allowed; use ", &allowed.join(" or "), ". Using en."].concat(),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_attributes_apply() {
        let mut options = Options::default();
        assert_eq!(options.apply_attribute("heading-level", Some("4")), Ok(()));
        assert_eq!(options.apply_attribute("expanded", Some("all")), Ok(()));
        assert_eq!(options.apply_attribute("lang", Some("es-419")), Ok(()));
        assert_eq!((options.heading_level, options.section_heading_level()), (4, 5));
        assert_eq!(options.expanded, Expanded::All);
        assert_eq!(options.language, Language::Es);
        options
            .apply_attribute("heading-level", Some("6"))
            .expect("6 is allowed");
        assert_eq!(options.section_heading_level(), 6);
    }

    #[test]
    fn invalid_values_warn_with_the_allowed_values_and_fall_back() {
        let mut options = Options::default();
        options
            .apply_attribute("heading-level", Some("5"))
            .expect("valid");
        let warning = options
            .apply_attribute("heading-level", Some("9"))
            .expect_err("9 is too deep");
        assert_eq!(
            warning,
            "heading-level=\"9\" is not allowed; use 2, 3, 4, 5 or 6. Using 2."
        );
        assert_eq!(options.heading_level, 2);
        let warning = options
            .apply_attribute("expanded", Some("some"))
            .expect_err("unknown");
        assert!(warning.contains("use first, all or none"));
        let warning = options
            .apply_attribute("lang", Some("fr"))
            .expect_err("unsupported");
        assert!(warning.contains("use en or es"));
        assert_eq!(options, Options::default());
        assert_eq!(options.apply_attribute("label", Some("Mum's leaflet")), Ok(()));
        let warning = options
            .apply_attribute("label", Some("  "))
            .expect_err("no words");
        assert_eq!(
            warning,
            "label=\"  \" is not allowed; use the words a reader should hear for this leaflet. Using the drug's title."
        );
    }

    #[test]
    fn unknown_attributes_are_named_and_global_ones_are_not() {
        let warning = unknown_attribute_warning("heading_level").expect("a typo");
        assert_eq!(
            warning,
            "unknown attribute \"heading_level\" is ignored; <drug-leaflet> knows drug, integrity, heading-level, expanded, lang, remember, sources, print-sources, label, last-read, listen."
        );
        for name in ["drug", "lang", "id", "class", "aria-label", "data-x", "hidden"] {
            assert_eq!(unknown_attribute_warning(name), None, "{name}");
        }
    }

    #[test]
    fn remember_off_turns_storage_off() {
        let mut options = Options::default();
        assert_eq!(options.remember, Remember::On);
        options.apply_attribute("remember", Some("off")).expect("valid");
        assert_eq!(options.remember, Remember::Off);
        options.apply_attribute("remember", Some("local")).expect("valid");
        assert_eq!(options.remember, Remember::Local);
    }

    #[test]
    fn last_read_is_a_day_or_ignored() {
        let mut options = Options::default();
        options
            .apply_attribute("last-read", Some("2026-03-03"))
            .expect("valid");
        assert_eq!(options.last_read, IsoDate::parse("2026-03-03"));
        let warning = options
            .apply_attribute("last-read", Some("3 March"))
            .expect_err("not a date");
        assert_eq!(
            warning,
            "last-read=\"3 March\" is not a date; use YYYY-MM-DD. Ignoring it."
        );
        assert_eq!(options.last_read, None);
    }

    #[test]
    fn removing_an_attribute_restores_its_default() {
        let mut options = Options::default();
        options.apply_attribute("expanded", Some("none")).expect("valid");
        options.apply_attribute("expanded", None).expect("removal");
        assert_eq!(options.expanded, Expanded::First);
    }
}
