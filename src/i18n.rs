//! The leaflet's own words (not the monograph's), one table a language. The
//! `lang` attribute picks the table; the content keeps the monograph's language.

use crate::monograph::date::IsoDate;
use crate::monograph::decimal::decimal;
use crate::monograph::model::{Rights, SourceKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    En,
    Es,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
        }
    }

    /// Matches a BCP 47 tag by its primary language: `es-MX` is Spanish.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.tag() == primary)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Language::En => &EN,
            Language::Es => &ES,
        }
    }

    /// An ISO 8601 date from the monograph in running text; validation
    /// guarantees the form, and one that is not is shown as written.
    pub fn format_iso(self, iso: &str) -> String {
        IsoDate::parse(iso).map_or_else(|| iso.to_owned(), |date| self.format_date(date))
    }

    /// A date in running text: "May 20, 2025", "20 de mayo de 2025", "March 2026", "2022".
    pub fn format_date(self, date: IsoDate) -> String {
        let year = decimal(date.year.into());
        let Some(month) = date.month else {
            return year;
        };
        let month = self.strings().months[usize::from(month) - 1];
        match (self, date.day.map(|day| decimal(day.into()))) {
            (Language::En, Some(day)) => [month, " ", &day, ", ", &year].concat(),
            (Language::En, None) => [month, " ", &year].concat(),
            (Language::Es, Some(day)) => [&day, " de ", month, " de ", &year].concat(),
            (Language::Es, None) => [month, " de ", &year].concat(),
        }
    }
}

pub struct SourceKindNames {
    pub consumer_monograph: &'static str,
    pub label: &'static str,
    pub package_leaflet: &'static str,
    pub safety_update: &'static str,
    pub professional_letter: &'static str,
    pub announcement: &'static str,
    pub editorial: &'static str,
    pub patient_information: &'static str,
}

impl SourceKindNames {
    pub fn name(&self, kind: SourceKind) -> &'static str {
        match kind {
            SourceKind::ConsumerMonograph => self.consumer_monograph,
            SourceKind::Label => self.label,
            SourceKind::PackageLeaflet => self.package_leaflet,
            SourceKind::SafetyUpdate => self.safety_update,
            SourceKind::ProfessionalLetter => self.professional_letter,
            SourceKind::Announcement => self.announcement,
            SourceKind::Editorial => self.editorial,
            SourceKind::PatientInformation => self.patient_information,
        }
    }
}

/// What each source's rights let a publisher do, in plain words.
pub struct RightsNames {
    pub public_domain: &'static str,
    pub reuse_with_acknowledgement: &'static str,
    pub ogl_3: &'static str,
    pub permission_required: &'static str,
    pub own: &'static str,
    pub unknown: &'static str,
}

impl RightsNames {
    pub fn name(&self, rights: Option<Rights>) -> &'static str {
        match rights {
            Some(Rights::PublicDomain) => self.public_domain,
            Some(Rights::ReuseWithAcknowledgement) => self.reuse_with_acknowledgement,
            Some(Rights::Ogl3) => self.ogl_3,
            Some(Rights::PermissionRequired) => self.permission_required,
            Some(Rights::Own) => self.own,
            Some(Rights::Unknown) | None => self.unknown,
        }
    }
}

/// "Written for patients in the United States." for the jurisdictions the
/// leaflet can name; any other code is shown as written.
pub struct JurisdictionNames {
    pub us: &'static str,
    pub gb: &'static str,
    pub eu: &'static str,
    /// Any other code: this, the code, then a full stop.
    pub other: &'static str,
}

impl JurisdictionNames {
    pub fn written_for(&self, code: &str) -> String {
        match code {
            "US" => self.us.to_owned(),
            "GB" => self.gb.to_owned(),
            "EU" => self.eu.to_owned(),
            other => [self.other, other, "."].concat(),
        }
    }
}

pub struct Strings {
    pub skip_link: &'static str,
    pub show_all: &'static str,
    pub hide_all: &'static str,
    pub pronunciation: &'static str,
    pub generic_name: &'static str,
    pub brand_name: &'static str,
    pub dosage_form: &'static str,
    pub drug_class: &'static str,
    /// "Medically reviewed by {reviewer}. Last updated on {date}." in two parts.
    pub reviewed_by: &'static str,
    pub last_updated: &'static str,
    /// Labels the base document's review line, which covers only its own text.
    pub original_text: &'static str,
    /// "Added text: compiled on {date} from {sources} (see Sources)."
    pub added_text: &'static str,
    pub compiled_on: &'static str,
    pub compiled_from: &'static str,
    pub see_sources: &'static str,
    pub not_yet_reviewed: &'static str,
    /// "All added text reviewed by {name}, {role}, on {date}." or
    /// "{n} of {m} added texts reviewed by ...; the rest not yet reviewed."
    pub all_reviewed_by: &'static str,
    pub texts_reviewed_by: &'static str,
    pub of: &'static str,
    pub and_between: &'static str,
    pub rest_not_reviewed: &'static str,
    /// The status line's "{n} of {m} added texts reviewed by a pharmacist."
    pub texts_reviewed_by_pharmacist: &'static str,
    pub reviewed_on: &'static str,
    pub important: &'static str,
    /// Before a figure's text alternative: the picture is not shown.
    pub picture: &'static str,
    pub source: &'static str,
    pub sources: &'static str,
    pub sources_intro: &'static str,
    pub main_source: &'static str,
    pub revised: &'static str,
    pub revision_not_stated: &'static str,
    /// What each kind of source is, in the sources list.
    pub source_kinds: SourceKindNames,
    pub invalid_monograph: &'static str,
    /// When the drug's data file could not be fetched or is not that drug's.
    pub not_loaded: &'static str,
    /// While a drug's data file loads and the host pasted no fallback.
    pub loading: &'static str,
    pub link_to_section: &'static str,
    pub link_copied: &'static str,
    pub copy_this_link: &'static str,
    pub months: [&'static str; 12],
    pub written_for: JurisdictionNames,
    pub rights: RightsNames,
    /// "It follows the {the label's short name}."
    pub follows: &'static str,
    pub about_this_leaflet: &'static str,
    /// "Where this comes from: US prescribing information, sections 6.1 and 5.2; ..."
    pub source_line: &'static str,
    pub section_word: &'static str,
    pub sections_word: &'static str,
    pub and: &'static str,
    pub show_each_source: &'static str,
    /// Labels the host's own words in the urgent box (`slot="urgent-contact"`).
    pub from_your_care_team: &'static str,
    /// The urgent box's last line when the host gives no contact: US, then elsewhere.
    pub get_help_us: &'static str,
    pub get_help: &'static str,
    pub example_banner: &'static str,
    /// The header's status line; "About this leaflet" says by whom and when.
    pub added_text_not_reviewed: &'static str,
    pub added_text_reviewed: &'static str,
    /// By a section's heading: "Updated {date}".
    pub updated: &'static str,
    /// "Updated since you last read on {date}: {section}, {section}"
    pub updated_since: &'static str,
    /// When the leaflet's text is not in the reader's language: "This
    /// leaflet is not available in English." "It is shown in" "Spanish" ".".
    pub not_in_your_language: &'static str,
    pub shown_in: &'static str,
    /// Each `Language`'s name, in `Language::ALL`'s order.
    pub language_names: [&'static str; 2],
    /// Read aloud: the button's label before, while and after pausing reading.
    pub listen: &'static str,
    pub pause_reading: &'static str,
    pub resume_reading: &'static str,
    pub stop_reading: &'static str,
}

static EN: Strings = Strings {
    skip_link: "Skip to leaflet content",
    show_all: "Show all sections",
    hide_all: "Hide all sections",
    pronunciation: "Pronunciation",
    generic_name: "Generic name",
    brand_name: "Brand name",
    dosage_form: "Dosage form",
    drug_class: "Drug class",
    reviewed_by: "Medically reviewed by",
    last_updated: "Last updated on",
    original_text: "Original text:",
    added_text: "Added text:",
    compiled_on: "compiled on",
    compiled_from: "from",
    see_sources: "(see Sources).",
    not_yet_reviewed: "Not yet reviewed by a pharmacist.",
    all_reviewed_by: "All added text reviewed by",
    texts_reviewed_by: "added texts reviewed by",
    of: "of",
    and_between: " and ",
    rest_not_reviewed: "; the rest not yet reviewed.",
    texts_reviewed_by_pharmacist: "added texts reviewed by a pharmacist.",
    reviewed_on: "on",
    important: "Important:",
    picture: "Picture:",
    source: "Source",
    sources: "Sources",
    sources_intro: "Text without a source marker comes from the document marked \"main source\".",
    main_source: "main source",
    revised: "Revised",
    revision_not_stated: "Revision date not stated.",
    source_kinds: SourceKindNames {
        consumer_monograph: "Consumer drug information",
        label: "Prescribing information (label)",
        package_leaflet: "Package leaflet",
        safety_update: "Regulator's safety communication",
        professional_letter: "Letter to healthcare professionals",
        announcement: "Company announcement",
        editorial: "Editorial note",
        patient_information: "Patient information page",
    },
    invalid_monograph: "This leaflet cannot be shown because its data has problems:",
    not_loaded: "This leaflet could not be loaded:",
    loading: "Loading the leaflet…",
    link_to_section: "Link to this section",
    link_copied: "Link copied:",
    copy_this_link: "Copy this link:",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    rights: RightsNames {
        public_domain: "Reuse: public domain (a US government work).",
        reuse_with_acknowledgement: "Reuse: allowed with acknowledgement of the source.",
        ogl_3: "Reuse: Open Government Licence v3.0.",
        permission_required: "Reuse: needs the publisher's written permission.",
        own: "Reuse: the leaflet's own text.",
        unknown: "Reuse: rights not known; ask the publisher.",
    },
    written_for: JurisdictionNames {
        us: "Written for patients in the United States.",
        gb: "Written for patients in the United Kingdom.",
        eu: "Written for patients in the European Union.",
        other: "Written for patients in ",
    },
    follows: "It follows the",
    about_this_leaflet: "About this leaflet",
    source_line: "Where this comes from:",
    section_word: "section",
    sections_word: "sections",
    and: "and",
    show_each_source: "Show the source of each line",
    from_your_care_team: "From your care team:",
    get_help_us: "Get help right away: call your care team, or 911 in an emergency.",
    get_help: "Get help right away: call your care team.",
    example_banner: "TEST DATA: NOT A REAL MEDICINE",
    added_text_not_reviewed: "Added text not yet reviewed by a pharmacist.",
    added_text_reviewed: "Added text reviewed by a pharmacist.",
    updated: "Updated",
    updated_since: "Updated since you last read on",
    not_in_your_language: "This leaflet is not available in English.",
    shown_in: "It is shown in",
    language_names: ["English", "Spanish"],
    listen: "Listen",
    pause_reading: "Pause reading",
    resume_reading: "Resume reading",
    stop_reading: "Stop reading",
};

static ES: Strings = Strings {
    skip_link: "Saltar al contenido del prospecto",
    show_all: "Mostrar todas las secciones",
    hide_all: "Ocultar todas las secciones",
    pronunciation: "Pronunciación",
    generic_name: "Nombre genérico",
    brand_name: "Nombre comercial",
    dosage_form: "Forma farmacéutica",
    drug_class: "Clase de medicamento",
    reviewed_by: "Revisión médica de",
    last_updated: "Última actualización:",
    original_text: "Texto original:",
    added_text: "Texto añadido:",
    compiled_on: "recopilado el",
    compiled_from: "a partir de",
    see_sources: "(ver Fuentes).",
    not_yet_reviewed: "Aún no revisado por un farmacéutico.",
    all_reviewed_by: "Todo el texto añadido revisado por",
    texts_reviewed_by: "textos añadidos revisados por",
    of: "de",
    and_between: " y ",
    rest_not_reviewed: "; el resto aún no revisado.",
    texts_reviewed_by_pharmacist: "textos añadidos revisados por un farmacéutico.",
    reviewed_on: "el",
    important: "Importante:",
    picture: "Imagen:",
    source: "Fuente",
    sources: "Fuentes",
    sources_intro: "El texto sin marca de fuente procede del documento marcado como \"fuente principal\".",
    main_source: "fuente principal",
    revised: "Revisado en",
    revision_not_stated: "Fecha de revisión no indicada.",
    source_kinds: SourceKindNames {
        consumer_monograph: "Información para el consumidor",
        label: "Ficha técnica (etiqueta)",
        package_leaflet: "Prospecto",
        safety_update: "Comunicación de seguridad de una agencia reguladora",
        professional_letter: "Carta a profesionales sanitarios",
        announcement: "Anuncio de la empresa",
        editorial: "Nota editorial",
        patient_information: "Página de información para pacientes",
    },
    invalid_monograph: "Este prospecto no se puede mostrar porque sus datos tienen problemas:",
    not_loaded: "No se pudo cargar este prospecto:",
    loading: "Cargando el prospecto…",
    link_to_section: "Enlace a esta sección",
    link_copied: "Enlace copiado:",
    copy_this_link: "Copie este enlace:",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    rights: RightsNames {
        public_domain: "Reutilización: dominio público (obra del Gobierno de EE. UU.).",
        reuse_with_acknowledgement: "Reutilización: permitida citando la fuente.",
        ogl_3: "Reutilización: Open Government Licence v3.0.",
        permission_required: "Reutilización: requiere el permiso escrito del editor.",
        own: "Reutilización: texto propio del prospecto.",
        unknown: "Reutilización: derechos desconocidos; consulte al editor.",
    },
    written_for: JurisdictionNames {
        us: "Escrito para pacientes de Estados Unidos.",
        gb: "Escrito para pacientes del Reino Unido.",
        eu: "Escrito para pacientes de la Unión Europea.",
        other: "Escrito para pacientes de ",
    },
    follows: "Sigue:",
    about_this_leaflet: "Acerca de este prospecto",
    source_line: "De dónde procede:",
    section_word: "sección",
    sections_word: "secciones",
    and: "y",
    show_each_source: "Mostrar la fuente de cada línea",
    from_your_care_team: "De su equipo de atención:",
    get_help_us: "Busque ayuda de inmediato: llame a su equipo de atención, o al 911 en una emergencia.",
    get_help: "Busque ayuda de inmediato: llame a su equipo de atención.",
    example_banner: "DATOS DE PRUEBA: NO ES UN MEDICAMENTO REAL",
    added_text_not_reviewed: "Texto añadido aún no revisado por un farmacéutico.",
    added_text_reviewed: "Texto añadido revisado por un farmacéutico.",
    updated: "Actualizado el",
    updated_since: "Actualizado desde su última lectura, el",
    not_in_your_language: "Este prospecto no está disponible en español.",
    shown_in: "Se muestra en",
    language_names: ["inglés", "español"],
    listen: "Escuchar",
    pause_reading: "Pausar la lectura",
    resume_reading: "Seguir leyendo",
    stop_reading: "Detener la lectura",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language() {
        let day = IsoDate::parse("2025-05-20").expect("date");
        let month = IsoDate::parse("2026-03").expect("month");
        assert_eq!(Language::En.format_date(day), "May 20, 2025");
        assert_eq!(Language::En.format_date(month), "March 2026");
        assert_eq!(Language::Es.format_date(day), "20 de mayo de 2025");
        assert_eq!(Language::Es.format_date(month), "marzo de 2026");
        let year = IsoDate::parse("2022").expect("year");
        assert_eq!(Language::En.format_date(year), "2022");
    }

    #[test]
    fn tags_match_by_primary_language() {
        assert_eq!(Language::from_tag("es-MX"), Some(Language::Es));
        assert_eq!(Language::from_tag("EN"), Some(Language::En));
        assert_eq!(Language::from_tag("fr"), None);
    }
}
