//! Calendar dates. A date such as "2026-12-01" means that billing day in UTC+8
//! (IOT-17: the billing cycle starts at 00:00:00 Beijing time). Date arithmetic is
//! jiff's; this module only reads dates from requests.

use crate::decode::Node;
use crate::error::{Error, ErrorCode};
use jiff::civil::Date;

/// The date `year-month-day`, if it exists (years 1..=9999).
///
/// Only jiff's infallible constructor is used, after checking the parts: jiff's
/// fallible APIs link its whole error-formatting machinery (about 60 KB of wasm).
pub fn civil(year: i16, month: i8, day: i8) -> Option<Date> {
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day < 1 {
        return None;
    }
    (day <= Date::constant(year, month, 1).days_in_month()).then(|| Date::constant(year, month, day))
}

/// The first day of the month `months` after the month of `date`.
pub fn first_of_month_after(date: Date, months: u64) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month() - 1) + i64::try_from(months).ok()?;
    civil(i16::try_from(index / 12).ok()?, (index % 12 + 1) as i8, 1)
}

/// Day `day` (1-based) of the month that `month` is in, if the month has it.
pub fn day_of_month(month: Date, day: i8) -> Option<Date> {
    civil(month.year(), month.month(), day)
}

/// "2026-12-01". Written here rather than with jiff's `Display`, whose general
/// printer costs tens of KiB of wasm for this one fixed format.
pub fn iso_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "2026-12".
pub fn iso_month(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// Serializes a date as "YYYY-MM-DD".
pub fn serialize_date<S: serde::Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&iso_date(*date))
}

/// A billing month, read from "YYYY-MM"; returns its first day.
pub fn month(node: &Node<'_>) -> Result<Date, Error> {
    let text = node.str()?;
    let bad = || node.error(ErrorCode::InvalidDate, format!("expected a month as \"YYYY-MM\", got \"{text}\""));
    let (year, month) = text.split_once('-').ok_or_else(bad)?;
    if year.len() != 4 || month.len() != 2 || !year.bytes().chain(month.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (year, month) = (year.parse::<i16>().map_err(|_| bad())?, month.parse::<i8>().map_err(|_| bad())?);
    civil(year, month, 1).ok_or_else(bad)
}

/// A calendar date, read from "YYYY-MM-DD".
pub fn date(node: &Node<'_>) -> Result<Date, Error> {
    let text = node.str()?;
    let bad = || node.error(ErrorCode::InvalidDate, format!("expected a date as \"YYYY-MM-DD\", got \"{text}\""));
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !well_formed {
        return Err(bad());
    }
    // Digits checked above; `civil` rejects impossible days ("2026-02-30"). jiff's
    // own parser would accept more forms and costs tens of KiB of wasm.
    let number = |range: std::ops::Range<usize>| text[range].parse::<i16>().map_err(|_| bad());
    civil(number(0..4)?, number(5..7)? as i8, number(8..10)? as i8).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Value;

    fn read<T>(text: &str, f: impl Fn(&Node<'_>) -> Result<T, Error>) -> Result<T, Error> {
        let v = Value::String(text.into());
        f(&Node::root(&v))
    }

    #[test]
    fn months_know_their_length_including_leap_years() {
        assert_eq!(read("2026-02", month).unwrap().days_in_month(), 28);
        assert_eq!(read("2028-02", month).unwrap().days_in_month(), 29);
        assert_eq!(read("2026-11", month).unwrap().days_in_month(), 30);
        assert_eq!(read("2026-12", month).unwrap().days_in_month(), 31);
    }

    #[test]
    fn malformed_months_and_dates_are_invalid_date() {
        for bad in ["2026-13", "2026-1", "26-01", "2026/01", "", "2026-00"] {
            assert_eq!(read(bad, month).unwrap_err().code, ErrorCode::InvalidDate, "{bad}");
        }
        for bad in ["2026-02-29", "2026-2-01", "2026-02-30T", "20260201", "2026-04-31"] {
            assert_eq!(read(bad, date).unwrap_err().code, ErrorCode::InvalidDate, "{bad}");
        }
        assert_eq!(read("2028-02-29", date).unwrap().day(), 29);
        assert_eq!(iso_date(read("2028-02-29", date).unwrap()), "2028-02-29");
        assert_eq!(iso_month(read("2026-03", month).unwrap()), "2026-03");
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let nov = civil(2026, 11, 1).unwrap();
        assert_eq!(first_of_month_after(nov, 0), civil(2026, 11, 1));
        assert_eq!(first_of_month_after(nov, 2), civil(2027, 1, 1));
        assert_eq!(first_of_month_after(nov, 14), civil(2028, 1, 1));
        assert_eq!(first_of_month_after(civil(9999, 12, 1).unwrap(), 1), None);
        assert_eq!(day_of_month(civil(2028, 2, 1).unwrap(), 29), civil(2028, 2, 29));
        assert_eq!(day_of_month(civil(2026, 2, 1).unwrap(), 29), None);
    }
}
