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
    let bad = || node.error(ErrorCode::InvalidDate, text!(node, "time.badMonth", text = text));
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
    parse_date(text.as_bytes()).ok_or_else(|| node.error(ErrorCode::InvalidDate, text!(node, "time.badDate", text = text)))
}

/// "YYYY-MM-DD" exactly, and a day that exists ("2026-02-30" does not). jiff's own
/// parser would accept more forms and costs tens of KiB of wasm.
fn parse_date(bytes: &[u8]) -> Option<Date> {
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (read_digits(&bytes[0..4])?, read_digits(&bytes[5..7])?, read_digits(&bytes[8..10])?);
    civil(year as i16, month as i8, day as i8)
}

/// The number that `digits` spell (ASCII digits only, at most 4 here), or None.
fn read_digits(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0i64, |n, d| d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Value;

    fn read<T>(text: &str, f: impl Fn(&Node<'_>) -> Result<T, Error>) -> Result<T, Error> {
        let v = Value::String(text.into());
        f(&Node::root(&v, &Default::default()))
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

/// The billing time zone: a calendar date means that day in UTC+8 (IOT-17, API.md).
pub const BILLING_OFFSET_SECONDS: i64 = 8 * 3600;
const SECONDS_PER_DAY: i64 = 86_400;

/// A moment in time: whole seconds since 1970-01-01T00:00:00Z. Fractions of a second
/// are dropped on input (billing moments are never finer than a second).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub i64);

fn epoch() -> Date {
    Date::constant(1970, 1, 1)
}

/// Days from 1970-01-01 to `date` (negative before it), by jiff's calendar.
pub fn epoch_days(date: Date) -> i64 {
    date.duration_since(epoch()).as_secs().div_euclid(SECONDS_PER_DAY)
}

/// The date `days` after 1970-01-01 (the inverse of [`epoch_days`], checked against
/// jiff for every day of years 1..=9999 in the tests). Howard Hinnant's
/// `civil_from_days`: jiff's own date + duration is fallible and would link its
/// error formatting.
pub fn date_from_epoch_days(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    civil(i16::try_from(year).ok()?, month as i8, day as i8)
}

impl Instant {
    /// `date` at `hour:minute:second` in a zone `offset_seconds` east of UTC.
    pub fn from_civil(date: Date, hour: i64, minute: i64, second: i64, offset_seconds: i64) -> Instant {
        Instant(epoch_days(date) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset_seconds)
    }

    /// 00:00 of `date` in UTC+8: the start of that billing day.
    pub fn start_of_billing_day(date: Date) -> Instant {
        Instant::from_civil(date, 0, 0, 0, BILLING_OFFSET_SECONDS)
    }

    pub fn plus_seconds(self, seconds: i64) -> Instant {
        Instant(self.0.saturating_add(seconds))
    }

    pub fn plus_hours(self, hours: i64) -> Instant {
        self.plus_seconds(hours.saturating_mul(3600))
    }

    pub fn plus_days(self, days: i64) -> Instant {
        self.plus_seconds(days.saturating_mul(SECONDS_PER_DAY))
    }

    /// The billing day (UTC+8) this instant falls on, and the seconds into that day.
    pub fn billing_day(self) -> Option<(Date, i64)> {
        let local = self.0 + BILLING_OFFSET_SECONDS;
        Some((date_from_epoch_days(local.div_euclid(SECONDS_PER_DAY))?, local.rem_euclid(SECONDS_PER_DAY)))
    }

    /// `months` calendar months later in UTC+8, at the same time of day, clamped to
    /// the month's end: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year).
    pub fn plus_months(self, months: u64) -> Option<Instant> {
        let (date, seconds) = self.billing_day()?;
        let first = first_of_month_after(date, months)?;
        let day = date.day().min(first.days_in_month());
        let target = civil(first.year(), first.month(), day)?;
        Some(Instant::start_of_billing_day(target).plus_seconds(seconds))
    }

    /// RFC 3339 in UTC+8: "2026-12-01T08:00:00+08:00".
    pub fn to_rfc3339(self) -> String {
        let Some((date, s)) = self.billing_day() else {
            return format!("@{}", self.0);
        };
        // Filled in digit by digit rather than with format!: a timeline prints thousands.
        let mut text = *b"0000-00-00T00:00:00+08:00";
        let fields = [(0, 4, i64::from(date.year())), (5, 2, i64::from(date.month())), (8, 2, i64::from(date.day())),
            (11, 2, s / 3600), (14, 2, s % 3600 / 60), (17, 2, s % 60)];
        for (at, width, value) in fields {
            let mut n = value;
            for digit in text[at..at + width].iter_mut().rev() {
                *digit = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        // ASCII digits and separators: each byte is its char.
        text.iter().map(|&b| char::from(b)).collect()
    }
}

impl Instant {
    /// This moment in UTC+8, for a text ([`crate::messages::Moment`]).
    pub fn moment(self) -> crate::messages::Moment {
        let (date, s) = self.billing_day().unwrap_or((epoch(), 0));
        crate::messages::Moment {
            year: i64::from(date.year()),
            month: date.month() as u8,
            day: date.day() as u8,
            hour: (s / 3600) as u8,
            minute: (s % 3600 / 60) as u8,
            second: (s % 60) as u8,
        }
    }
}

/// A text names a moment as a person reads it (UTC+8), never in RFC 3339.
impl crate::messages::Arg for Instant {
    fn push_to(&self, out: &mut String, locale: crate::messages::Locale) {
        crate::messages::Arg::push_to(&self.moment(), out, locale);
    }
}

impl serde::Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

/// A date ("2026-12-01": 00:00 that day in UTC+8) or an RFC 3339 instant in any
/// offset ("2026-12-01T08:00:00+08:00", "2026-12-01T00:00:00Z").
pub fn instant(node: &Node<'_>) -> Result<Instant, Error> {
    let text = node.str()?;
    if text.len() == 10 {
        return Ok(Instant::start_of_billing_day(date(node)?));
    }
    let bad = || {
        node.error(
            ErrorCode::InvalidDate,
            text!(node, "time.badInstant", text = text),
        )
    };
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') || bytes[13] != b':' || bytes[16] != b':' {
        return Err(bad());
    }
    // Bytes, not `&text[..]`: slicing a str links the char-boundary panic (1.4 KB of wasm).
    let day = parse_date(&bytes[..10]).ok_or_else(bad)?;
    let two = |at: usize| read_digits(&bytes[at..at + 2]).ok_or_else(bad);
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    if hour > 23 || minute > 59 || second > 59 {
        return Err(bad());
    }
    // Optional fraction of a second (dropped), then Z or ±HH:MM.
    let mut rest = &bytes[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return Err(bad());
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (hours, minutes) = (read_digits(&[*h1, *h2]).ok_or_else(bad)?, read_digits(&[*m1, *m2]).ok_or_else(bad)?);
            if hours > 23 || minutes > 59 {
                return Err(bad());
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return Err(bad()),
    };
    Ok(Instant::from_civil(day, hour, minute, second, offset))
}

#[cfg(test)]
mod instant_tests {
    use super::*;
    use crate::decode::Value;

    fn at(text: &str) -> Result<Instant, Error> {
        let v = Value::String(text.into());
        instant(&Node::root(&v, &Default::default()))
    }

    #[test]
    fn epoch_day_conversion_agrees_with_jiff_for_every_day_of_years_1_to_9999() {
        let first = epoch_days(Date::constant(1, 1, 1));
        let last = epoch_days(Date::constant(9999, 12, 31));
        let mut expected = Date::constant(1, 1, 1);
        for days in first..=last {
            let got = date_from_epoch_days(days).unwrap();
            assert_eq!(got, expected, "day {days}");
            assert_eq!(epoch_days(got), days);
            expected = expected.tomorrow().unwrap_or(expected);
        }
        assert_eq!(date_from_epoch_days(first - 1), None);
        assert_eq!(date_from_epoch_days(last + 1), None);
    }

    #[test]
    fn a_date_is_midnight_in_utc_plus_8() {
        // 2026-12-01 00:00 at +08:00 = 2026-11-30 16:00 UTC = 1,796,054,400 s since the epoch
        // (20,787 days x 86,400 + 16 h x 3,600).
        assert_eq!(at("2026-12-01").unwrap(), Instant(20_787 * 86_400 + 16 * 3600));
        assert_eq!(at("2026-12-01").unwrap().to_rfc3339(), "2026-12-01T00:00:00+08:00");
    }

    #[test]
    fn rfc3339_in_any_offset_is_the_same_instant() {
        let a = at("2026-12-01T08:00:00+08:00").unwrap();
        assert_eq!(at("2026-12-01T00:00:00Z").unwrap(), a);
        assert_eq!(at("2026-11-30T19:00:00-05:00").unwrap(), a);
        assert_eq!(at("2026-12-01t00:00:00.999z").unwrap(), a);
        assert_eq!(a.to_rfc3339(), "2026-12-01T08:00:00+08:00");
        // One second before UTC+8 midnight is still the previous billing day.
        let before = at("2026-11-30T15:59:59Z").unwrap();
        assert_eq!(before.to_rfc3339(), "2026-11-30T23:59:59+08:00");
    }

    #[test]
    fn malformed_instants_are_invalid_date() {
        for bad in ["2026-12-01T24:00:00Z", "2026-12-01T08:00:00", "2026-12-01T08:00Z", "2026-02-30T00:00:00Z",
                    "2026-12-01T08:00:00+8:00", "2026-12-01T08:00:00.Z", "2026-12-01X08:00:00Z", "yesterday"] {
            assert_eq!(at(bad).unwrap_err().code, ErrorCode::InvalidDate, "{bad}");
        }
    }

    #[test]
    fn months_add_from_the_anchor_and_clamp_at_month_end() {
        let jan31 = at("2026-01-31T10:00:00+08:00").unwrap();
        assert_eq!(jan31.plus_months(1).unwrap().to_rfc3339(), "2026-02-28T10:00:00+08:00");
        assert_eq!(at("2028-01-31").unwrap().plus_months(1).unwrap().to_rfc3339(), "2028-02-29T00:00:00+08:00");
        assert_eq!(jan31.plus_months(2).unwrap().to_rfc3339(), "2026-03-31T10:00:00+08:00");
        assert_eq!(jan31.plus_months(12).unwrap().to_rfc3339(), "2027-01-31T10:00:00+08:00");
        // UTC+8 month boundary: 2026-01-31T20:00Z is Feb 1 04:00 in UTC+8 -> Mar 1 04:00.
        assert_eq!(at("2026-01-31T20:00:00Z").unwrap().plus_months(1).unwrap().to_rfc3339(), "2026-03-01T04:00:00+08:00");
    }
}
