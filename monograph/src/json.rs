//! The host door on JSON (feature `json`): the same shape walk, serde and rules
//! as a host's JS object in the browser, for the fuzzer and the property tests,
//! which run natively. JSON cannot hold a getter, a Proxy or a lone surrogate:
//! those are the browser door's own, tested there.

use serde_json::Value;

use crate::markup::preview;
use crate::model::Monograph;
use crate::shape::{locate, Found, Node, MONOGRAPH};
use crate::validate::{validate, Problem, MESSAGE_CHARS};

impl<'v> Node for &'v Value {
    fn found(&self) -> Found {
        match self {
            Value::Null => Found::Null,
            Value::Bool(_) => Found::Bool,
            Value::Number(_) => Found::Number,
            Value::String(text) => Found::Text(text.clone()),
            Value::Array(items) => Found::List(items.len()),
            Value::Object(_) => Found::Object,
        }
    }
    fn field(&self, name: &str) -> Option<&'v Value> {
        self.get(name)
    }
    fn keys(&self) -> Vec<String> {
        self.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }
    fn items(&self) -> Vec<&'v Value> {
        self.as_array()
            .map(|items| items.iter().collect())
            .unwrap_or_default()
    }
}

/// A monograph from JSON, or the problems that stop it, each with its path.
pub fn parse(value: &Value) -> Result<Monograph, Vec<Problem>> {
    if let Some(mut problem) = locate(&value, &MONOGRAPH, "") {
        if problem.path.is_empty() {
            problem.path = "monograph".into();
        }
        return Err(vec![problem]);
    }
    let monograph: Monograph = serde_json::from_value(value.clone()).map_err(|error| {
        vec![Problem {
            path: "monograph".into(),
            message: preview(&error.to_string(), MESSAGE_CHARS),
        }]
    })?;
    let report = validate(&monograph);
    if report.errors.is_empty() {
        Ok(monograph)
    } else {
        Err(report.errors)
    }
}
