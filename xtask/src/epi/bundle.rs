//! Reading a FHIR ePI package leaflet: a `Bundle` of type `document` whose first
//! entry is the `Composition`, with the product (`subject`) and the author as
//! other entries. Every problem is named by its place in the JSON.

use serde_json::Value;

/// EMA's code for a package leaflet (SPOR RMS list of document types).
const PACKAGE_LEAFLET_CODE: &str = "100000155538";

/// The parts of a package leaflet the monograph is made from.
#[derive(Debug)]
pub struct Leaflet {
    /// `Bundle.identifier`, as `system|value` or `value`.
    pub identifier: Option<String>,
    pub title: String,
    pub language: String,
    /// `Composition.date` (a FHIR dateTime).
    pub date: String,
    pub author: String,
    /// The first `Composition.attester` party with a name: who approved the text
    /// (in the EU, the regulator), which the header's review line names.
    pub approved_by: Option<String>,
    pub product: Product,
    pub sections: Vec<EpiSection>,
}

/// The medicinal product the leaflet is about (`Composition.subject`).
#[derive(Debug)]
pub struct Product {
    pub brand_name: String,
    pub generic_name: String,
    pub dose_form: String,
    pub class: String,
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
            "resourceType: expected \"Bundle\", found {}",
            describe(bundle.get("resourceType"))
        )]);
    }
    if bundle.get("type").and_then(Value::as_str) != Some("document") {
        errors.push(format!(
            "type: an ePI is a Bundle of type \"document\", found {}",
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
            "entry[0].resource: the first entry of a document Bundle is its Composition, found {}",
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
            "entry[0].resource.type: not a package leaflet (code {PACKAGE_LEAFLET_CODE} or \"Package Leaflet\")"
        ));
    }
    let status = composition.get("status").and_then(Value::as_str);
    if !matches!(status, Some("final" | "amended")) {
        errors.push(format!(
            "entry[0].resource.status: {}: only a final (or amended) leaflet is shown to patients",
            describe(composition.get("status"))
        ));
    }
    let text = |field: &str, errors: &mut Vec<String>| match composition.get(field).and_then(Value::as_str) {
        Some(value) if !value.trim().is_empty() => value.trim().to_owned(),
        _ => {
            errors.push(format!("entry[0].resource.{field}: is required"));
            String::new()
        }
    };
    let title = text("title", &mut errors);
    let language = text("language", &mut errors);
    let date = text("date", &mut errors);
    let author = reference_name(&entries, composition.get("author").and_then(|a| a.get(0)), "name")
        .unwrap_or_else(|| {
            errors.push(
                "entry[0].resource.author[0]: needs a display or a reference to an Organization in the Bundle with a name"
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
        errors.push("entry[0].resource.section: the leaflet has no sections".to_owned());
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

/// The names of the product from the subject's `MedicinalProductDefinition`:
/// its name parts (invented, scientific, dose form) and first classification.
fn product(entries: &[Value], composition: &Value, errors: &mut Vec<String>) -> Option<Product> {
    let subject = composition.get("subject").and_then(|s| s.get(0));
    let Some(definition) = subject.and_then(|s| resolve(entries, s)) else {
        errors.push(
            "entry[0].resource.subject[0]: needs a reference to a MedicinalProductDefinition in the Bundle (it gives the brand and generic names)"
                .to_owned(),
        );
        return None;
    };
    let at = format!("{}: MedicinalProductDefinition", definition.0);
    let definition = definition.1;
    let parts = definition
        .get("name")
        .and_then(|n| n.get(0))
        .and_then(|n| n.get("part"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let part = |kind: &str, errors: &mut Vec<String>| {
        let found = parts.iter().find_map(|p| {
            codings(p.get("type"))
                .any(|(code, _)| code == Some(kind))
                .then(|| p.get("part").and_then(Value::as_str))
                .flatten()
        });
        match found {
            Some(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
            _ => {
                errors.push(format!("{at}.name[0].part: no {kind}"));
                None
            }
        }
    };
    let brand_name = part("InventedNamePart", errors);
    let generic_name = part("ScientificNamePart", errors);
    let dose_form = part("DoseFormPart", errors);
    let class = definition
        .get("classification")
        .and_then(|c| c.get(0))
        .and_then(concept_text);
    if class.is_none() {
        errors.push(format!(
            "{at}.classification[0]: needs a text or a coding display (the drug class)"
        ));
    }
    Some(Product {
        brand_name: brand_name?,
        generic_name: generic_name?,
        dose_form: dose_form?,
        class: class?,
    })
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
        assert_eq!(leaflet.language, "en");
        assert_eq!(leaflet.author, "Example Pharma (fictional company)");
        assert_eq!(leaflet.product.generic_name, "examplamab (fictional)");
        assert_eq!(leaflet.product.dose_form, "solution for injection");
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
    fn a_draft_or_another_document_or_a_missing_product_is_named_by_place() {
        let mut bundle = english();
        bundle["type"] = "collection".into();
        let composition = &mut bundle["entry"][0]["resource"];
        composition["status"] = "preliminary".into();
        composition["type"]["coding"][0]["code"] = "100000155531".into();
        composition["type"]["coding"][0]["display"] = "SmPC".into();
        composition["language"] = Value::Null;
        composition["subject"][0]["reference"] = "MedicinalProductDefinition/elsewhere".into();
        assert_eq!(
            read(&bundle).expect_err("refused"),
            [
                "type: an ePI is a Bundle of type \"document\", found \"collection\"",
                "entry[0].resource.type: not a package leaflet (code 100000155538 or \"Package Leaflet\")",
                "entry[0].resource.status: \"preliminary\": only a final (or amended) leaflet is shown to patients",
                "entry[0].resource.language: is required",
                "entry[0].resource.subject[0]: needs a reference to a MedicinalProductDefinition in the Bundle (it gives the brand and generic names)",
            ]
        );
    }
}
