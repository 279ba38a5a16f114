//! What a `<drug-leaflet>` shows: a monograph, or the problems that stop it from
//! showing one (or nothing: an app parked after its element left the page). Chosen here, apart from the element, so host tests can check it.

use std::rc::Rc;

use crate::bundled;
use crate::monograph::markup::preview;
use crate::monograph::model::Monograph;
use crate::monograph::validate::Problem;
use crate::options::QUOTED_CHARS;

// One value per mounted element, moved rarely: boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Content {
    Monograph(Monograph),
    Invalid(Rc<[Problem]>),
    /// A parked app's, between two elements (see `element::PooledApp`).
    Nothing,
}

impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Content::Monograph(a), Content::Monograph(b)) => a == b,
            (Content::Invalid(a), Content::Invalid(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Content {
    /// A host's monograph once parsed and validated, or its problems.
    pub fn from_host(parsed: Result<Monograph, Vec<Problem>>) -> Content {
        match parsed {
            Ok(monograph) => Content::Monograph(monograph),
            Err(problems) => Content::Invalid(problems.into()),
        }
    }

    /// The bundled monograph the `drug` attribute names (the default without one).
    pub fn bundled(drug: Option<&str>) -> Content {
        let id = drug.map_or(bundled::DEFAULT_ID, str::trim);
        match bundled::by_id(id) {
            Some(monograph) => Content::Monograph(monograph),
            None => Content::Invalid(Rc::new([Problem {
                path: "drug".into(),
                message: format!(
                    "drug=\"{}\" is not a bundled monograph; use {}",
                    preview(id, QUOTED_CHARS),
                    bundled::IDS.join(" or ")
                ),
            }])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown_id(content: &Content) -> Option<&str> {
        match content {
            Content::Monograph(monograph) => Some(monograph.meta.id.as_str()),
            Content::Invalid(_) | Content::Nothing => None,
        }
    }

    #[test]
    fn the_drug_attribute_names_a_bundled_monograph() {
        assert_eq!(shown_id(&Content::bundled(None)), Some(bundled::DEFAULT_ID));
        assert_eq!(
            shown_id(&Content::bundled(Some(" nusinersen "))),
            Some("nusinersen")
        );
    }

    #[test]
    fn an_unknown_drug_is_a_problem_naming_the_bundled_ones() {
        let Content::Invalid(problems) = Content::bundled(Some("ibuprofen")) else {
            panic!("an unknown drug shows no leaflet");
        };
        assert_eq!(
            problems[0].to_string(),
            "drug: drug=\"ibuprofen\" is not a bundled monograph; use nusinersen"
        );
    }

    #[test]
    fn a_host_monograph_with_problems_shows_them() {
        let problem = Problem {
            path: "sections".into(),
            message: "a monograph needs at least one section".into(),
        };
        let Content::Invalid(problems) = Content::from_host(Err(vec![problem.clone()])) else {
            panic!("problems are shown");
        };
        assert_eq!(&*problems, [problem]);
    }
}
