//! Summaries of repeated measurements: median, min, max, percentiles, and
//! how sure a ratio of two medians is.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub count: usize,
}

/// Median, min and max of `samples`; `None` when there are none.
pub fn summarize(samples: &[f64]) -> Option<Summary> {
    let sorted = sorted(samples);
    let (first, last) = (*sorted.first()?, *sorted.last()?);
    let middle = sorted.len() / 2;
    let median = if sorted.len() % 2 == 0 {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    } else {
        sorted[middle]
    };
    Some(Summary {
        median,
        min: first,
        max: last,
        count: sorted.len(),
    })
}

/// The nearest-rank `percent`th percentile: the smallest sample that at least
/// `percent`% of the samples are less than or equal to.
pub fn percentile(samples: &[f64], percent: f64) -> Option<f64> {
    let sorted = sorted(samples);
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent / 100.0 * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Resamples a bootstrap interval draws.
const RESAMPLES: usize = 2000;

/// The 95% interval of the ratio of `numerator`'s median to `denominator`'s,
/// by the percentile bootstrap: both series resampled with replacement, the
/// ratio taken each time. The seed is fixed, so the same samples always give
/// the same interval.
pub fn median_ratio_interval(numerator: &[f64], denominator: &[f64]) -> Option<(f64, f64)> {
    let (numerator, denominator) = (sorted(numerator), sorted(denominator));
    if numerator.is_empty() || denominator.is_empty() {
        return None;
    }
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut resampled_median = |samples: &[f64]| {
        let resample: Vec<f64> = (0..samples.len())
            .map(|_| samples[random.below(samples.len())])
            .collect();
        summarize(&resample).map(|s| s.median)
    };
    let ratios: Vec<f64> = (0..RESAMPLES)
        .filter_map(|_| {
            let top = resampled_median(&numerator)?;
            let bottom = resampled_median(&denominator)?;
            (bottom > 0.0).then(|| top / bottom)
        })
        .collect();
    Some((percentile(&ratios, 2.5)?, percentile(&ratios, 97.5)?))
}

/// xorshift64*: enough randomness for resampling, without a dependency.
struct XorShift(u64);

impl XorShift {
    /// A number in 0..`bound`.
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) % bound as u64) as usize
    }
}

fn sorted(samples: &[f64]) -> Vec<f64> {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|s| !s.is_nan()).collect();
    sorted.sort_by(f64::total_cmp);
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizes_odd_and_even_counts() {
        let odd = summarize(&[5.0, 1.0, 3.0]).unwrap();
        assert_eq!((odd.median, odd.min, odd.max, odd.count), (3.0, 1.0, 5.0, 3));
        let even = summarize(&[4.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!(even.median, 2.5);
        assert_eq!(summarize(&[]), None);
    }

    #[test]
    fn a_ratio_interval_covers_the_true_ratio_and_narrows_with_more_samples() {
        // Spread like page loads: 20-30 ms, the numerator 10% slower.
        let loads = |count: usize, scale: f64| -> Vec<f64> {
            (0..count).map(|i| scale * (20.0 + (i * 7 % 11) as f64)).collect()
        };
        let (low, high) = median_ratio_interval(&loads(30, 1.1), &loads(30, 1.0)).unwrap();
        assert!(low < 1.1 && 1.1 < high, "{low}-{high}");
        let (more_low, more_high) = median_ratio_interval(&loads(300, 1.1), &loads(300, 1.0)).unwrap();
        assert!(more_low < 1.1 && 1.1 < more_high, "{more_low}-{more_high}");
        assert!(more_high - more_low < (high - low) / 2.0);
        assert_eq!(median_ratio_interval(&[20.0; 5], &[10.0; 5]), Some((2.0, 2.0)));
        assert_eq!(median_ratio_interval(&[], &[10.0]), None);
    }

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile(&samples, 50.0), Some(10.0));
        assert_eq!(percentile(&samples, 95.0), Some(19.0));
        assert_eq!(percentile(&samples, 100.0), Some(20.0));
        assert_eq!(percentile(&samples, 0.0), Some(1.0));
        assert_eq!(percentile(&[7.0], 95.0), Some(7.0));
        assert_eq!(percentile(&[], 50.0), None);
    }
}
