//! Reading a FHIR ePI package leaflet: a `Bundle` of type `document` whose first
//! entry is the `Composition`, with the product (`subject`) and the author as
//! other entries. Every problem is named by its place in the JSON.

use serde_json::Value;

/// EMA's code for a package leaflet (SPOR RMS list of document types).
const PACKAGE_LEAFLET_CODE: &str = "100000155538";

/// EMA's code for an active ingredient's role (SPOR RMS list of ingredient roles).
const ACTIVE_ROLE_CODE: &str = "100000072072";

/// The parts of a package leaflet the monograph is made from.
#[derive(Debug)]
pub struct Leaflet {
    /// `Bundle.identifier`, as `system|value` or `value`.
    pub identifier: Option<String>,
    pub title: String,
    /// `Composition.language`, else `Bundle.language`; `None` when neither says.
    pub language: Option<String>,
    /// `Composition.date` (a FHIR dateTime).
    pub date: String,
    pub author: String,
    /// The first `Composition.attester` party with a name: who approved the text
    /// (in the EU, the regulator), which the header's review line names.
    pub approved_by: Option<String>,
    pub product: Product,
    pub sections: Vec<EpiSection>,
}

/// The medicinal product the leaflet is about (`Composition.subject`). A name
/// the bundle does not give is `None`, for the import to ask for.
#[derive(Debug, Default)]
pub struct Product {
    /// Where the names were read, for messages: the `MedicinalProductDefinition`'s
    /// name (`entry[1].resource.name[0]`) or the subject.
    pub at: String,
    pub brand_name: Option<String>,
    pub generic_name: Option<String>,
    pub dose_form: Option<String>,
    pub class: Option<String>,
    /// The country or region its name is used in (`name[0].usage`).
    pub jurisdiction: StatedJurisdiction,
}

/// The country or region a bundle says its product's name is used in.
#[derive(Debug, Default, PartialEq)]
pub enum StatedJurisdiction {
    #[default]
    NotStated,
    /// A two-letter country code (`IE`), or `EU` for the European Union.
    Code(String),
    /// What the bundle says, in a form the leaflet does not take (an alpha-3
    /// code) or naming several places.
    Unusable(String),
}

#[derive(Debug)]
pub struct EpiSection {
    /// e.g. `section[2].section[0]`.
    pub path: String,
    pub title: Option<String>,
    pub code: Option<String>,
    /// The XHTML of `text.div`.
    pub div: Option<String>,
    pub sections: Vec<EpiSection>,
}

/// The leaflet, or every problem found, each as `path: message`.
pub fn read(bundle: &Value) -> Result<Leaflet, Vec<String>> {
    let mut errors = Vec::new();
    if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        return Err(vec![format!(
            "resourceType: expected \"Bundle\", found {}: import the ePI's document Bundle",
            describe(bundle.get("resourceType"))
        )]);
    }
    if bundle.get("type").and_then(Value::as_str) != Some("document") {
        errors.push(format!(
            "type: an ePI is a Bundle of type \"document\", found {}: import the document Bundle itself",
            describe(bundle.get("type"))
        ));
    }
    let entries = bundle
        .get("entry")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let composition = entries.first().and_then(|e| e.get("resource"));
    let Some(composition) =
        composition.filter(|c| c.get("resourceType").and_then(Value::as_str) == Some("Composition"))
    else {
        errors.push(format!(
            "entry[0].resource: the first entry of a document Bundle is its Composition, found {}: put the Composition first",
            describe(composition.and_then(|c| c.get("resourceType")))
        ));
        return Err(errors);
    };
    let is_leaflet = codings(composition.get("type")).any(|(code, display)| {
        code == Some(PACKAGE_LEAFLET_CODE)
            || display.is_some_and(|d| d.to_ascii_lowercase().contains("package leaflet"))
    });
    if !is_leaflet {
        errors.push(format!(
            "entry[0].resource.type: not a package leaflet (code {PACKAGE_LEAFLET_CODE} or \"Package Leaflet\"): import the bundle of the package leaflet, not of another document"
        ));
    }
    let status = composition.get("status").and_then(Value::as_str);
    if !matches!(status, Some("final" | "amended")) {
        errors.push(format!(
            "entry[0].resource.status: {}: only a final (or amended) leaflet is shown to patients; import its final version",
            describe(composition.get("status"))
        ));
    }
    let text = |field: &str, errors: &mut Vec<String>| match composition.get(field).and_then(Value::as_str) {
        Some(value) if !value.trim().is_empty() => value.trim().to_owned(),
        _ => {
            errors.push(format!(
                "entry[0].resource.{field}: is required: add the leaflet's {field} to the Composition"
            ));
            String::new()
        }
    };
    let title = text("title", &mut errors);
    let language = [composition, bundle]
        .into_iter()
        .find_map(|resource| resource.get("language").and_then(Value::as_str))
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned);
    let date = text("date", &mut errors);
    let author = reference_name(&entries, composition.get("author").and_then(|a| a.get(0)), "name")
        .unwrap_or_else(|| {
            errors.push(
                "entry[0].resource.author[0]: add a display, or a reference to an Organization in the Bundle with a name (the publisher)"
                    .to_owned(),
            );
            String::new()
        });
    let approved_by = composition
        .get("attester")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find_map(|attester| reference_name(&entries, attester.get("party"), "name"));
    let product = product(&entries, composition, &mut errors);
    let sections = sections(composition.get("section"), "section");
    if sections.is_empty() {
        errors.push(
            "entry[0].resource.section: the leaflet has no sections: add the leaflet's text as Composition sections"
                .to_owned(),
        );
    }
    let identifier = bundle.get("identifier").and_then(|id| {
        let value = id.get("value")?.as_str()?;
        Some(match id.get("system").and_then(Value::as_str) {
            Some(system) => format!("{system}|{value}"),
            None => value.to_owned(),
        })
    });
    let (Some(product), true) = (product, errors.is_empty()) else {
        return Err(errors);
    };
    Ok(Leaflet {
        identifier,
        title,
        language,
        date,
        author,
        approved_by,
        product,
        sections,
    })
}

fn sections(value: Option<&Value>, path: &str) -> Vec<EpiSection> {
    let list = value
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter()
        .enumerate()
        .map(|(i, section)| {
            let path = format!("{path}[{i}]");
            EpiSection {
                title: section.get("title").and_then(Value::as_str).map(str::to_owned),
                code: codings(section.get("code")).find_map(|(code, _)| code.map(str::to_owned)),
                div: section
                    .get("text")
                    .and_then(|t| t.get("div"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                sections: sections(section.get("section"), &format!("{path}.section")),
                path,
            }
        })
        .collect()
}

/// The kinds of name part a leaflet's header uses, each with the codes that
/// type it (FHIR's own, and EMA SPOR RMS list 220000000000, whichever URL the
/// publisher gives that list) and the words of its display or text.
const NAME_PARTS: [(NamePart, &str, &str, &str); 3] = [
    (
        NamePart::Invented,
        "InventedNamePart",
        "220000000002",
        "invented name",
    ),
    (
        NamePart::Scientific,
        "ScientificNamePart",
        "220000000003",
        "scientific name",
    ),
    (NamePart::DoseForm, "DoseFormPart", "220000000005", "dose form"),
];

#[derive(Clone, Copy, PartialEq)]
enum NamePart {
    Invented,
    Scientific,
    DoseForm,
}

/// The names of the product from the subject's `MedicinalProductDefinition`:
/// its typed name parts, else its `productName` as the brand name; the
/// generic name also from the Bundle's active `Ingredient`s; the dose form
/// also from `combinedPharmaceuticalDoseForm`; the class from the first
/// `classification`, if any. A subject that is only a display gives the
/// product's name, and the generic name still comes from the ingredients.
fn product(entries: &[Value], composition: &Value, errors: &mut Vec<String>) -> Option<Product> {
    let subject = composition.get("subject").and_then(|s| s.get(0));
    let display = subject
        .and_then(|s| s.get("display"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let Some((at, definition)) = subject.and_then(|s| resolve(entries, s)) else {
        if let Some(display) = display {
            return Some(Product {
                at: "entry[0].resource.subject[0]".to_owned(),
                brand_name: Some(display.to_owned()),
                generic_name: active_substances(entries),
                ..Product::default()
            });
        }
        errors.push(
            "entry[0].resource.subject[0]: add a display (the product's name) or a reference to a MedicinalProductDefinition in the Bundle"
                .to_owned(),
        );
        return None;
    };
    let name = definition.get("name").and_then(|n| n.get(0));
    let parts = name
        .and_then(|n| n.get("part"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let part = |kind: NamePart| {
        parts
            .iter()
            .find(|p| name_part_kind(p.get("type")) == Some(kind))
            .and_then(|p| p.get("part").and_then(Value::as_str))
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    let product_name = name
        .and_then(|n| n.get("productName"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    let dose_form_concept = definition
        .get("combinedPharmaceuticalDoseForm")
        .and_then(concept_text);
    Some(Product {
        at: format!("{at}.name[0]"),
        brand_name: part(NamePart::Invented)
            .or(product_name)
            .or_else(|| display.map(str::to_owned)),
        generic_name: part(NamePart::Scientific).or_else(|| active_substances(entries)),
        dose_form: part(NamePart::DoseForm).or(dose_form_concept),
        class: definition
            .get("classification")
            .and_then(|c| c.get(0))
            .and_then(concept_text),
        jurisdiction: name.map_or(StatedJurisdiction::NotStated, stated_jurisdiction),
    })
}

/// The jurisdiction of a product name's `usage` entries (each's
/// `jurisdiction`, else its `country`): one two-letter code, or `EU` for the
/// European Union by code or by words.
fn stated_jurisdiction(name: &Value) -> StatedJurisdiction {
    let usages = name
        .get("usage")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut codes: Vec<String> = Vec::new();
    for usage in usages {
        let Some(place) = usage.get("jurisdiction").or_else(|| usage.get("country")) else {
            continue;
        };
        let code = codings(Some(place)).find_map(|(code, _)| code.map(str::trim));
        let words = concept_text(place).unwrap_or_default();
        let found = match code {
            Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) => {
                code.to_ascii_uppercase()
            }
            _ if words.eq_ignore_ascii_case("European Union") => "EU".to_owned(),
            Some(code) => return StatedJurisdiction::Unusable(format!("the code {code:?}")),
            None => return StatedJurisdiction::Unusable(format!("{words:?}")),
        };
        if !codes.contains(&found) {
            codes.push(found);
        }
    }
    match codes.as_slice() {
        [] => StatedJurisdiction::NotStated,
        [code] => StatedJurisdiction::Code(code.clone()),
        several => StatedJurisdiction::Unusable(format!("several places ({})", several.join(", "))),
    }
}

/// The names of the Bundle's active ingredients (`Ingredient` of role
/// active, by SPOR code or by its words), joined by ", ": the generic name of
/// a product whose name has no scientific part.
fn active_substances(entries: &[Value]) -> Option<String> {
    let names: Vec<String> = entries
        .iter()
        .filter_map(|entry| entry.get("resource"))
        .filter(|r| r.get("resourceType").and_then(Value::as_str) == Some("Ingredient"))
        .filter(|ingredient| {
            let role = ingredient.get("role");
            let by_code = codings(role).any(|(code, _)| code == Some(ACTIVE_ROLE_CODE));
            let by_words = role
                .and_then(concept_text)
                .is_some_and(|words| words.to_ascii_lowercase().starts_with("active"));
            by_code || by_words
        })
        .filter_map(|ingredient| {
            let code = ingredient.get("substance")?.get("code")?;
            concept_text(code.get("concept")?)
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// What a name part's `type` says it is: by a coding's code whatever its
/// system, else by the words of a display or of the concept's text.
fn name_part_kind(concept: Option<&Value>) -> Option<NamePart> {
    let by_code = codings(concept).find_map(|(code, _)| {
        NAME_PARTS
            .iter()
            .find(|(_, fhir, spor, _)| code.is_some_and(|code| code == *fhir || code == *spor))
    });
    let words = || {
        let text = concept.and_then(|c| c.get("text")).and_then(Value::as_str);
        let displays = codings(concept).filter_map(|(_, display)| display);
        let mut said = text.into_iter().chain(displays).map(str::to_ascii_lowercase);
        said.find_map(|said| NAME_PARTS.iter().find(|(_, _, _, words)| said.contains(words)))
    };
    by_code.or_else(words).map(|(kind, ..)| *kind)
}

/// A reference's `display`, else the `field` of the resource it points to.
fn reference_name(entries: &[Value], reference: Option<&Value>, field: &str) -> Option<String> {
    let reference = reference?;
    let display = reference.get("display").and_then(Value::as_str);
    let named = || {
        resolve(entries, reference)?
            .1
            .get(field)?
            .as_str()
            .map(str::to_owned)
    };
    display
        .map(str::to_owned)
        .or_else(named)
        .filter(|n| !n.trim().is_empty())
}

/// The entry a reference points to (by `fullUrl`, or `Type/id` at its end),
/// with its place (`entry[3].resource`).
fn resolve<'a>(entries: &'a [Value], reference: &Value) -> Option<(String, &'a Value)> {
    let target = reference.get("reference")?.as_str()?;
    entries.iter().enumerate().find_map(|(i, entry)| {
        let resource = entry.get("resource")?;
        let by_url = entry.get("fullUrl").and_then(Value::as_str) == Some(target);
        let type_and_id = format!(
            "{}/{}",
            resource.get("resourceType")?.as_str()?,
            resource.get("id").and_then(Value::as_str).unwrap_or_default()
        );
        let by_id = target == type_and_id || target.ends_with(&format!("/{type_and_id}"));
        (by_url || by_id).then(|| (format!("entry[{i}].resource"), resource))
    })
}

/// `(code, display)` of each coding of a CodeableConcept.
fn codings(concept: Option<&Value>) -> impl Iterator<Item = (Option<&str>, Option<&str>)> {
    let codings = concept
        .and_then(|c| c.get("coding"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    codings.iter().map(|coding| {
        (
            coding.get("code").and_then(Value::as_str),
            coding.get("display").and_then(Value::as_str),
        )
    })
}

/// A CodeableConcept as words: its text, else its first coding's display.
fn concept_text(concept: &Value) -> Option<String> {
    let text = concept.get("text").and_then(Value::as_str);
    text.or_else(|| codings(Some(concept)).find_map(|(_, display)| display))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

fn describe(value: Option<&Value>) -> String {
    match value {
        None => "nothing".to_owned(),
        Some(value) => monograph::markup::preview(&value.to_string(), 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Value {
        let path = crate::project_root().join("tests/epi/examplamab-en.json");
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
    }

    #[test]
    fn reads_the_header_from_the_composition_and_its_subject() {
        let leaflet = read(&english()).expect("a leaflet");
        assert_eq!(leaflet.language.as_deref(), Some("en"));
        assert_eq!(leaflet.author, "Example Pharma (fictional company)");
        assert_eq!(leaflet.product.brand_name.as_deref(), Some("Examplamab"));
        assert_eq!(
            leaflet.product.generic_name.as_deref(),
            Some("examplamab (fictional)")
        );
        assert_eq!(
            leaflet.product.dose_form.as_deref(),
            Some("solution for injection")
        );
        assert_eq!(
            leaflet.product.class.as_deref(),
            Some("Example antibodies (fictional class)")
        );
        assert_eq!(
            leaflet.identifier.as_deref(),
            Some("http://example.org/fhir/synthetic-epi|examplamab-en")
        );
        assert_eq!(
            leaflet.sections[0].sections[3].sections[0].path,
            "section[0].section[3].section[0]"
        );
        assert_eq!(
            leaflet.sections[0].sections[3].sections[0].code.as_deref(),
            Some("PL-4.1")
        );
    }

    #[test]
    fn a_draft_or_another_document_or_a_missing_product_is_named_by_place_with_the_fix() {
        let mut bundle = english();
        bundle["type"] = "collection".into();
        let composition = &mut bundle["entry"][0]["resource"];
        composition["status"] = "preliminary".into();
        composition["type"]["coding"][0]["code"] = "100000155531".into();
        composition["type"]["coding"][0]["display"] = "SmPC".into();
        composition["title"] = Value::Null;
        composition["subject"][0]["reference"] = "MedicinalProductDefinition/elsewhere".into();
        assert_eq!(
            read(&bundle).expect_err("refused"),
            [
                "type: an ePI is a Bundle of type \"document\", found \"collection\": import the document Bundle itself",
                "entry[0].resource.type: not a package leaflet (code 100000155538 or \"Package Leaflet\"): import the bundle of the package leaflet, not of another document",
                "entry[0].resource.status: \"preliminary\": only a final (or amended) leaflet is shown to patients; import its final version",
                "entry[0].resource.title: is required: add the leaflet's title to the Composition",
                "entry[0].resource.subject[0]: add a display (the product's name) or a reference to a MedicinalProductDefinition in the Bundle",
            ]
        );
    }
}
