//! Every number the bench measures, as named series of samples.

use serde::Serialize;

use super::browser::Condition;
use super::stats::{percentile, summarize, Summary};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// Compared across the pages, run by run.
    PageLoad,
    /// Input-to-paint latencies.
    Interaction,
    /// Many leaflets, a long monograph, mount cycles.
    Scale,
    /// A drug that is not bundled, fetched when an element asks for it.
    OnDemand,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Ms,
    Bytes,
    Count,
    /// Cumulative layout shift.
    Score,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metric {
    pub name: &'static str,
    pub unit: Unit,
}

pub const FIRST_CONTENTFUL_PAINT: Metric = Metric {
    name: "first contentful paint",
    unit: Unit::Ms,
};
pub const LEAFLET_SHOWN: Metric = Metric {
    name: "leaflet shown (drug-leaflet-ready)",
    unit: Unit::Ms,
};
pub const TIME_TO_INTERACTIVE: Metric = Metric {
    name: "time to interactive (a section toggled)",
    unit: Unit::Ms,
};
pub const LEAFLET_UPGRADED: Metric = Metric {
    name: "widget interactive (its own section toggled)",
    unit: Unit::Ms,
};
pub const FIRST_VISIT_INTERACTIVE: Metric = Metric {
    name: "first visit: time to interactive",
    unit: Unit::Ms,
};
pub const REPEAT_VISIT_INTERACTIVE: Metric = Metric {
    name: "repeat visit (warm HTTP cache): time to interactive",
    unit: Unit::Ms,
};
pub const FIRST_VISIT_UPGRADED: Metric = Metric {
    name: "first visit: widget interactive",
    unit: Unit::Ms,
};
pub const REPEAT_VISIT_UPGRADED: Metric = Metric {
    name: "repeat visit (warm HTTP cache): widget interactive",
    unit: Unit::Ms,
};
pub const UPGRADE_LAYOUT_SHIFT: Metric = Metric {
    name: "layout shift on upgrade, two sections opened in the fallback",
    unit: Unit::Score,
};
pub const WATERFALL_DEPTH: Metric = Metric {
    name: "request waterfall depth",
    unit: Unit::Count,
};
pub const LAYOUT_SHIFT: Metric = Metric {
    name: "cumulative layout shift",
    unit: Unit::Score,
};
pub const JS_HEAP: Metric = Metric {
    name: "JS heap used (after GC)",
    unit: Unit::Bytes,
};
pub const WASM_MEMORY: Metric = Metric {
    name: "WASM linear memory",
    unit: Unit::Bytes,
};
pub const INPUT_TO_PAINT: Metric = Metric {
    name: "input to next painted frame",
    unit: Unit::Ms,
};
pub const RENDER_TIME: Metric = Metric {
    name: "added to painted, per leaflet",
    unit: Unit::Ms,
};
pub const JS_HEAP_PER_LEAFLET: Metric = Metric {
    name: "JS heap growth per leaflet (after GC)",
    unit: Unit::Bytes,
};
pub const WASM_MEMORY_PER_LEAFLET: Metric = Metric {
    name: "WASM memory growth per leaflet",
    unit: Unit::Bytes,
};
pub const LONG_MONOGRAPH_RENDER: Metric = Metric {
    name: "monograph set to painted",
    unit: Unit::Ms,
};
pub const CYCLE_TIME: Metric = Metric {
    name: "ms per mount and unmount",
    unit: Unit::Ms,
};
pub const DRUG_SET_TO_SHOWN: Metric = Metric {
    name: "drug set to leaflet shown (drug-leaflet-ready)",
    unit: Unit::Ms,
};
pub const JS_HEAP_BEFORE: Metric = Metric {
    name: "JS heap before (after GC)",
    unit: Unit::Bytes,
};
pub const JS_HEAP_AFTER: Metric = Metric {
    name: "JS heap after (after GC)",
    unit: Unit::Bytes,
};
pub const WASM_MEMORY_BEFORE: Metric = Metric {
    name: "WASM linear memory before",
    unit: Unit::Bytes,
};
pub const WASM_MEMORY_AFTER: Metric = Metric {
    name: "WASM linear memory after",
    unit: Unit::Bytes,
};

#[derive(Clone, Debug, Serialize)]
pub struct Series {
    pub group: Group,
    pub browser: &'static str,
    pub condition: &'static str,
    /// The page or experiment: "widget", "baseline", "100 leaflets", ...
    pub subject: &'static str,
    pub metric: &'static str,
    pub unit: Unit,
    pub samples: Vec<f64>,
}

impl Series {
    pub fn summary(&self) -> Option<Summary> {
        summarize(&self.samples)
    }

    pub fn percentile(&self, percent: f64) -> Option<f64> {
        percentile(&self.samples, percent)
    }
}

/// Where one sample belongs.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub group: Group,
    pub browser: &'static str,
    pub condition: Condition,
    pub subject: &'static str,
    pub metric: Metric,
}

/// The series in the order they were first recorded (the tables keep it).
#[derive(Debug, Default)]
pub struct Recorder {
    pub series: Vec<Series>,
}

impl Recorder {
    pub fn add(&mut self, key: Key, value: f64) {
        self.add_all(key, &[value]);
    }

    pub fn add_all(&mut self, key: Key, values: &[f64]) {
        let condition = key.condition.label();
        let existing = self.series.iter_mut().find(|s| {
            s.group == key.group
                && s.browser == key.browser
                && s.condition == condition
                && s.subject == key.subject
                && s.metric == key.metric.name
        });
        match existing {
            Some(series) => series.samples.extend_from_slice(values),
            None => self.series.push(Series {
                group: key.group,
                browser: key.browser,
                condition,
                subject: key.subject,
                metric: key.metric.name,
                unit: key.metric.unit,
                samples: values.to_vec(),
            }),
        }
    }

    pub fn find(
        &self,
        browser: &str,
        condition: Condition,
        subject: &str,
        metric: Metric,
    ) -> Option<&Series> {
        self.series.iter().find(|s| {
            s.browser == browser
                && s.condition == condition.label()
                && s.subject == subject
                && s.metric == metric.name
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_with_the_same_key_join_one_series() {
        let mut recorder = Recorder::default();
        let key = Key {
            group: Group::PageLoad,
            browser: "Chromium",
            condition: Condition::Unthrottled,
            subject: "widget",
            metric: TIME_TO_INTERACTIVE,
        };
        recorder.add(key, 10.0);
        recorder.add(
            Key {
                subject: "baseline",
                ..key
            },
            5.0,
        );
        recorder.add(key, 30.0);
        assert_eq!(recorder.series.len(), 2);
        let widget = recorder
            .find("Chromium", Condition::Unthrottled, "widget", TIME_TO_INTERACTIVE)
            .unwrap();
        assert_eq!(widget.samples, vec![10.0, 30.0]);
        assert_eq!(widget.summary().unwrap().median, 20.0);
        assert!(recorder
            .find("Chromium", Condition::Slow4g, "widget", TIME_TO_INTERACTIVE)
            .is_none());
    }
}
