//! Timestamps for what the tools write: the bench's report and the sign-offs'
//! default date. Written out here, not with a date crate, for one format.

use std::time::{SystemTime, UNIX_EPOCH};

/// `time` as an ISO 8601 UTC timestamp, e.g. `2026-11-27T12:03:04Z`.
pub fn iso8601_utc(time: SystemTime) -> String {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, of_day) = ((seconds / 86_400) as i64, seconds % 86_400);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_timestamps() {
        assert_eq!(iso8601_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let later = UNIX_EPOCH + std::time::Duration::from_secs(1_795_780_984);
        assert_eq!(iso8601_utc(later), "2026-11-27T12:03:04Z");
        let leap_day = UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
        assert_eq!(iso8601_utc(leap_day), "2000-02-29T00:00:00Z");
    }
}
