//! ISO 8601 calendar dates as the monograph stores them (`YYYY-MM-DD`, or
//! `YYYY-MM` for a document revised in a month). `i18n` writes them out.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`, rejecting impossible months and days.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let year = digits(parts.next()?, 4)?;
        let month = digits(parts.next()?, 2)?;
        let day = match parts.next() {
            Some(day) => Some(digits(day, 2)?),
            None => None,
        };
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        let date = IsoDate {
            year: year as u16,
            month: month as u8,
            day: day.map(|d| d as u8),
        };
        match date.day {
            Some(d) if d == 0 || d > date.days_in_month() => None,
            _ => Some(date),
        }
    }

    fn days_in_month(&self) -> u8 {
        let leap = self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
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
    fn parses_full_and_month_dates() {
        let date = IsoDate::parse("2025-05-20").expect("valid date");
        assert_eq!((date.year, date.month, date.day), (2025, 5, Some(20)));
        let month = IsoDate::parse("2026-03").expect("valid month");
        assert_eq!((month.year, month.month, month.day), (2026, 3, None));
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
            "",
        ] {
            assert_eq!(IsoDate::parse(bad), None, "{bad:?} should be rejected");
        }
        assert!(IsoDate::parse("2024-02-29").is_some());
    }
}
