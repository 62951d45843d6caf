//! A small proleptic-Gregorian civil date used for publication dates and resolved expressions.

use std::fmt;

/// A calendar date (no time zone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2024.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31.
    pub day: u32,
}

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A single day: `2024-06-19`.
    Day,
    /// A week, written as its Monday: `2024-11-04`.
    Week,
    /// A month: `2024-08`.
    Month,
    /// A quarter of a year, written the TIMEX3 way: `2024-Q3` (the date is its first day).
    Quarter,
    /// A year: `2024`.
    Year,
    /// A decade, written as its first year: `1990`.
    Decade,
}

impl Precision {
    /// The name used in the frames' `date_precision` columns.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
            Self::Decade => "decade",
        }
    }
}

/// Days in `month` of `year`.
#[must_use]
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` when the fields do not name a real day.
    #[must_use]
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (an optional `THH:MM...` time part is ignored).
    ///
    /// ```
    /// use eventframe::date::Date;
    /// assert_eq!(Date::parse_iso("2024-11-06").unwrap().to_string(), "2024-11-06");
    /// assert!(Date::parse_iso("2024-02-30").is_none());
    /// ```
    #[must_use]
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let date = s.split(['T', ' ']).next()?;
        let mut parts = date.split('-');
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next()?;
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        if !(y.bytes().chain(m.bytes()).chain(d.bytes())).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    #[must_use]
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    #[must_use]
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Self {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    /// This date moved by `n` days.
    #[must_use]
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.to_days() + n)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    #[must_use]
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// Formats the date at a precision: `2024-06-19`, `2024-06`, `2024-Q3`, `2024`, `2020`
    /// (decade).
    #[must_use]
    pub fn format(self, precision: Precision) -> String {
        match precision {
            Precision::Day | Precision::Week => self.to_string(),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Quarter => format!("{:04}-Q{}", self.year, self.month.div_ceil(3)),
            Precision::Year => format!("{:04}", self.year),
            Precision::Decade => format!("{:04}", self.year - self.year.rem_euclid(10)),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_weekday() {
        let d = Date::new(2024, 11, 6).unwrap();
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 2); // Wednesday
        assert_eq!(d.add_days(-13).to_string(), "2024-10-24");
        assert_eq!(
            Date::new(2000, 2, 29).unwrap().add_days(366).to_string(),
            "2001-03-01"
        );
        assert_eq!(Date::new(1969, 12, 31).unwrap().to_days(), -1);
    }

    #[test]
    fn formats() {
        let d = Date::new(2024, 8, 1).unwrap();
        assert_eq!(d.format(Precision::Month), "2024-08");
        assert_eq!(d.format(Precision::Decade), "2020");
        assert_eq!(d.format(Precision::Quarter), "2024-Q3");
        assert_eq!(
            Date::new(2024, 12, 31).unwrap().format(Precision::Quarter),
            "2024-Q4"
        );
        assert_eq!(
            Date::new(2024, 1, 1).unwrap().format(Precision::Quarter),
            "2024-Q1"
        );
    }
}
