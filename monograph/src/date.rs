//! ISO 8601 calendar dates as the monograph stores them (`YYYY-MM-DD`, or
//! `YYYY-MM` / `YYYY` for a document known only by its month or year). `i18n`
//! writes them out.

/// Ordered by year, then month, then day; a date without a day sorts first in its month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    pub year: u16,
    pub month: Option<u8>,
    /// Only with a month.
    pub day: Option<u8>,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, rejecting impossible months and days.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = digits(parts.next()?, 4)?;
        // None: a part that is not two digits; Some(None): no part left.
        let mut part = || match parts.next() {
            None => Some(None),
            Some(p) => digits(p, 2).map(Some),
        };
        let (month, day) = (part()?, part()?);
        if part()?.is_some() || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        let date = IsoDate {
            year: year as u16,
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        };
        match (date.month, date.day) {
            (Some(month), Some(d)) if d == 0 || d > days_in_month(date.year, month) => None,
            _ => Some(date),
        }
    }

    /// Parses a full `YYYY-MM-DD` date only.
    pub fn parse_day(text: &str) -> Option<Self> {
        Self::parse(text).filter(|d| d.day.is_some())
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(text: &str, len: usize) -> Option<u32> {
    if text.len() == len && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::IsoDate;

    #[test]
    fn parses_full_month_and_year_dates() {
        let date = IsoDate::parse("2025-05-20").expect("valid date");
        assert_eq!((date.year, date.month, date.day), (2025, Some(5), Some(20)));
        let month = IsoDate::parse("2026-03").expect("valid month");
        assert_eq!((month.year, month.month, month.day), (2026, Some(3), None));
        let year = IsoDate::parse("2022").expect("valid year");
        assert_eq!((year.year, year.month, year.day), (2022, None, None));
        assert_eq!(IsoDate::parse_day("2026-03"), None);
    }

    #[test]
    fn dates_order_by_year_month_and_day() {
        let parse = |t| IsoDate::parse(t).expect("valid");
        assert!(parse("2025-05-20") < parse("2025-05-21"));
        assert!(parse("2025-05-20") < parse("2026-01"));
        assert!(parse("2025") < parse("2025-01"));
    }

    #[test]
    fn rejects_dates_that_are_not_iso_8601() {
        for bad in [
            "May 20, 2025",
            "20/05/2025",
            "2025-5-20",
            "2025-13-01",
            "2025-02-29",
            "2025-04-31",
            "2025-05-20T00:00",
            "2025-",
            "25",
            "",
        ] {
            assert_eq!(IsoDate::parse(bad), None, "{bad:?} should be rejected");
        }
        assert!(IsoDate::parse("2024-02-29").is_some());
    }
}
