//! The connection-and-messages generation of legacy public instances (IOT-25..IOT-30)
//! on each site (SITE-1..SITE-3), through the pure rating module. Every expected value
//! is worked out by hand in the comment above it, from shared/RULES.md and the
//! published examples it quotes.

use alicloud_cost::products::iot::connection_messages::*;
use alicloud_cost::products::iot::{Bucket, Category, CATEGORIES};
use jiff::civil::Date;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn at(text: &str) -> ClockTime {
    ClockTime::parse(text).unwrap_or_else(|| panic!("a time: {text}"))
}

/// One device's session, in the default group, over MQTT.
fn session(from: &str, to: &str) -> Session {
    Session { from: at(from), to: at(to), devices: 1, group: 0, connection: Connection::Mqtt }
}

fn billable(sessions: &[Session]) -> u128 {
    natural_minutes(sessions).unwrap().billable
}

// ---- IOT-26: natural clock minutes ----

#[test]
fn iot26_published_examples_3_minutes_and_1_minute() {
    // Connected 18:23:35, disconnected 18:25:10: 18:23, 18:24, 18:25 = 3 minutes.
    assert_eq!(billable(&[session("18:23:35", "18:25:10")]), 3);
    // The Traditional Chinese page's 18:23:15 to 18:25:10: the same 3 minutes.
    assert_eq!(billable(&[session("18:23:15", "18:25:10")]), 3);
    // 18:23:15-18:23:35 and again 18:23:40-18:23:59: both in 18:23, 1 minute.
    assert_eq!(billable(&[session("18:23:15", "18:23:35"), session("18:23:40", "18:23:59")]), 1);
}

#[test]
fn iot26_a_two_second_session_across_a_minute_boundary_counts_two_minutes() {
    // 18:23:59 and 18:24:00-18:24:01: seconds in two clock minutes.
    assert_eq!(billable(&[session("18:23:59", "18:24:01")]), 2);
    // The same two seconds inside one minute: 1.
    assert_eq!(billable(&[session("18:24:00", "18:24:01")]), 1);
    // One second: 1 minute (less than a minute counts as one).
    assert_eq!(billable(&[session("10:00:00", "10:00:00")]), 1);
    // Disconnected at 18:25:00 exactly: that second is in 18:25, so 18:23..18:25 = 3.
    assert_eq!(billable(&[session("18:23:35", "18:25:00")]), 3);
    // ... and at 18:24:59: 18:23, 18:24 = 2.
    assert_eq!(billable(&[session("18:23:35", "18:24:59")]), 2);
}

#[test]
fn iot26_sessions_of_one_group_count_each_minute_once_per_device() {
    // Reconnecting in the next minute: 18:23:15-18:23:35 (18:23) and 18:23:40-18:24:10
    // (18:23, 18:24): 18:23 once, 18:24 once = 2.
    assert_eq!(billable(&[session("18:23:15", "18:23:35"), session("18:23:40", "18:24:10")]), 2);
    // A session inside another adds nothing: 08:00:00-08:59:59 is 60 minutes.
    assert_eq!(billable(&[session("08:00:00", "08:59:59"), session("08:10:00", "08:20:00")]), 60);
    // Overlapping sessions of one group of 100 and 40 devices: the 40 are among the 100.
    // 08:00-09:59 (120 minutes) x 100 = 12,000; 10:00-10:59 (60 minutes) x 40 = 2,400;
    // total 14,400.
    let big = Session { devices: 100, ..session("08:00:00", "09:59:59") };
    let small = Session { devices: 40, ..session("09:00:00", "10:59:59") };
    assert_eq!(billable(&[big, small]), 14_400);
    // The order they are given in does not matter.
    assert_eq!(billable(&[small, big]), 14_400);
    // The same sessions as two groups are 140 different devices:
    // 120 x 100 + 120 x 40 = 12,000 + 4,800 = 16,800.
    assert_eq!(billable(&[big, Session { group: 1, ..small }]), 16_800);
    // Two sessions in one minute but of two groups: 2 devices, 2 minutes.
    assert_eq!(billable(&[session("18:23:15", "18:23:35"), Session { group: 1, ..session("18:23:40", "18:23:59") }]), 2);
}

#[test]
fn iot26_a_whole_day_is_1440_minutes_per_device() {
    // 24 x 60 = 1,440; for 10 devices 14,400.
    assert_eq!(billable(&[session("00:00:00", "23:59:59")]), 1_440);
    assert_eq!(billable(&[Session { devices: 10, ..session("00:00:00", "23:59:59") }]), 14_400);
    // No sessions, no minutes; a session of 0 devices, none either.
    assert_eq!(billable(&[]), 0);
    assert_eq!(billable(&[Session { devices: 0, ..session("00:00:00", "23:59:59") }]), 0);
}

#[test]
fn iot26_coap_http_and_sub_devices_pay_no_minutes() {
    // 10:00:00-10:09:59 is 10 minutes; over CoAP, HTTP or as a sub-device, counted apart
    // and not billable. Beside an MQTT session of 3 minutes: 3 billable, 30 free.
    let ten = session("10:00:00", "10:09:59");
    for connection in [Connection::Coap, Connection::Http, Connection::SubDevice] {
        let m = natural_minutes(&[Session { connection, ..ten }, session("18:23:35", "18:25:10")]).unwrap();
        assert_eq!((m.billable, m.free), (3, 10), "{connection:?}");
        assert!(!connection.pays_minutes());
    }
    assert!(Connection::Mqtt.pays_minutes());
    // A sub-device's session in the same minutes as its gateway's is another device:
    // the gateway's 10 minutes are billed, the sub-device's 10 are not.
    let m = natural_minutes(&[ten, Session { connection: Connection::SubDevice, ..ten }]).unwrap();
    assert_eq!((m.billable, m.free), (10, 10));
}

#[test]
fn iot26_a_session_past_midnight_is_an_error_and_two_sessions_are_not() {
    // 23:30:00 to 00:30:00 runs into the next billing day (UTC+8): an error naming it.
    let e = natural_minutes(&[session("08:00:00", "09:00:00"), session("23:30:00", "00:30:00")]).unwrap_err();
    assert_eq!(e, SessionError::CrossesMidnight { index: 1 });
    assert_eq!(e.code(), "session_crosses_midnight");
    // Split at midnight: 23:30-23:59 is 30 minutes today; 00:00-00:30 is 31 tomorrow.
    assert_eq!(billable(&[session("23:30:00", "23:59:59")]), 30);
    assert_eq!(billable(&[session("00:00:00", "00:30:00")]), 31);
}

#[test]
fn clock_times_are_hh_mm_ss_within_the_day() {
    assert_eq!(at("18:23:35").seconds(), 18 * 3_600 + 23 * 60 + 35);
    assert_eq!(at("18:23:35").minute(), 18 * 60 + 23);
    assert_eq!(at("23:59:59").minute(), 1_439);
    for bad in ["24:00:00", "7:00:00", "18:60:00", "18:23:60", "18:23:5a", "18-23-35", "18:23:35Z", ""] {
        assert_eq!(ClockTime::parse(bad), None, "{bad}");
    }
}

// ---- IOT-30: fleets ----

#[test]
fn iot30_a_fleet_is_devices_x_hours_x_60_minutes_a_day() {
    // Doc 73701: 10,000 devices online 8 hours a day: 10,000 x 8 x 60 = 4,800,000 a day.
    assert_eq!(fleet_minutes(10_000, dec!(8), Connection::Mqtt), Minutes { billable: 4_800_000, free: 0 });
    // 24 hours: 1,440 a device. 1.5 hours: 90.
    assert_eq!(fleet_minutes(1, dec!(24), Connection::Mqtt).billable, 1_440);
    assert_eq!(fleet_minutes(3, dec!(1.5), Connection::Mqtt).billable, 270);
    // 0.01 hours = 0.6 minutes: less than a minute counts as one (IOT-26), 1 a device.
    assert_eq!(fleet_minutes(7, dec!(0.01), Connection::Mqtt).billable, 7);
    // 8.005 hours = 480.3 minutes: 481 a device.
    assert_eq!(fleet_minutes(2, dec!(8.005), Connection::Mqtt).billable, 962);
    // CoAP, HTTP and sub-devices: none billable, counted apart.
    for connection in [Connection::Coap, Connection::Http, Connection::SubDevice] {
        assert_eq!(fleet_minutes(10_000, dec!(8), connection), Minutes { billable: 0, free: 4_800_000 });
    }
}

#[test]
fn connection_names_are_the_requests() {
    let names: Vec<&str> = Connection::ALL.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["mqtt", "coap", "http", "subDevice"]);
    assert_eq!(Connection::default(), Connection::Mqtt);
}

// ---- Rating: helpers ----

fn day(y: i16, m: i8, d: i8) -> Date {
    Date::constant(y, m, d)
}

fn category(name: &str) -> &'static Category {
    CATEGORIES.iter().find(|c| c.name == name).unwrap()
}

/// `count` device messages of 512 bytes: `count` billable messages (IOT-15).
fn messages(count: u64) -> Vec<Bucket> {
    vec![Bucket { bytes: 512, count, category: category("devicePub") }]
}

/// The first `count` days of the month of `first`, each with the same usage.
fn days<'a>(first: Date, count: i8, buckets: &'a [Bucket], minutes: u128) -> Vec<Day<'a>> {
    (1..=count).map(|d| Day { date: day(first.year(), first.month(), d), messages: buckets, connection_minutes: minutes }).collect()
}

fn usd() -> Tariff {
    published_tariff(Site::International)
}

/// One day's bill on a fresh month (nothing counted before), with no free quota.
fn one_day(tariff: &Tariff, policy: Policy, count: u64, minutes: u128) -> Result<DayBill, RateError> {
    let buckets = messages(count);
    let bill = bill_month(tariff, policy, None, day(2027, 3, 1), MonthToDate::default(), &days(day(2027, 3, 1), 1, &buckets, minutes))?;
    Ok(bill.days[0].clone())
}

fn text(d: Decimal) -> String {
    d.to_string()
}

/// (tier, units) of each part.
fn tiers(parts: &[TierPart]) -> Vec<(usize, u128)> {
    parts.iter().map(|p| (p.tier, p.units)).collect()
}

const HALF_UP: Policy = Policy { free_quota: FreeQuota::FirstTwoMonths, daily_amounts: DailyAmounts::HalfUp };
const EVERY_MONTH: Policy = Policy { free_quota: FreeQuota::EveryMonth, daily_amounts: DailyAmounts::Truncate };

// ---- Published examples ----

/// Doc 73701's fleet (IOT-22, IOT-30): 10,000 devices online 8 hours a day, one
/// message of at most 0.5 KB a minute: 10,000 x 480 = 4,800,000 messages and
/// 4,800,000 connection minutes a day; a 30-day month (November 2026).
fn doc_73701_month<'a>(buckets: &'a [Bucket]) -> Vec<Day<'a>> {
    let minutes = fleet_minutes(10_000, dec!(8), Connection::Mqtt).billable;
    days(day(2026, 11, 1), 30, buckets, minutes)
}

#[test]
fn doc_73701_messages_67_6_and_connection_43_2() {
    // No activation date: past the first two months, no free quota (IOT-28).
    // Messages (IOT-27), 144,000,000: 100 x 0.5 + 44 x 0.4 = 50 + 17.6 = USD 67.6.
    // Day by day (IOT-29): days 1-20 reach 96,000,000, each 4.8 x 0.5 = 2.40 (48.00);
    // day 21 runs 96,000,000 -> 100,800,000: 4,000,000 x 0.5 = 2.00 plus 800,000 x 0.4
    // = 0.32, 2.32; days 22-30: 4.8 x 0.4 = 1.92 each, x 9 = 17.28. 48 + 2.32 + 17.28
    // = 67.60: no day has a digit past the cent, so both figures agree.
    // Minutes (IOT-26, IOT-30): 144,000,000 x 0.3 / 1e6 = 43.2; 1.44 a day x 30 = 43.20.
    let buckets = messages(4_800_000);
    let bill = bill_month(&usd(), Policy::default(), None, day(2026, 11, 1), MonthToDate::default(), &doc_73701_month(&buckets)).unwrap();
    assert_eq!(bill.free_quota, FreeQuotaBasis::NoActivationDate);
    assert_eq!(bill.currency, Currency::USD);
    assert_eq!(bill.messages.units, 144_000_000);
    assert_eq!(text(bill.messages.daily), "67.60");
    assert_eq!(text(bill.messages.whole_month), "67.60");
    assert_eq!(tiers(&bill.messages.parts), [(0, 100_000_000), (1, 44_000_000)]);
    assert_eq!((bill.messages.parts[0].amount, bill.messages.parts[1].amount), (dec!(50), dec!(17.6)));
    assert_eq!(bill.minutes.units, 144_000_000);
    assert_eq!(text(bill.minutes.daily), "43.20");
    assert_eq!(text(bill.amount), "110.80");
    assert!(!bill.differs());
    // The tier boundary is crossed on day 21, part in each tier.
    let d21 = &bill.days[20];
    assert_eq!(d21.date, day(2026, 11, 21));
    assert_eq!(tiers(&d21.messages.parts), [(0, 4_000_000), (1, 800_000)]);
    assert_eq!(text(d21.messages.amount), "2.32");
    assert_eq!(text(bill.days[0].amount), "3.84"); // 2.40 + 1.44
    assert_eq!(text(bill.days[29].amount), "3.36"); // 1.92 + 1.44
    assert_eq!(bill.days[29].month_to_date, MonthToDate { messages: 144_000_000, minutes: 144_000_000 });
}

#[test]
fn doc_73701_in_the_first_two_months_and_the_third() {
    // Activated 2026-11-01: November and December have 1,000,000 free messages and
    // minutes (IOT-28), the month's first units, inside the first tier.
    // Messages: 1 x 0 + 99 x 0.5 + 44 x 0.4 = 49.5 + 17.6 = 67.1 (the figure doc 73701's
    // total line writes). Day 1: 3,800,000 x 0.5 = 1.90; days 2-20: 2.40 x 19 = 45.60;
    // day 21 crosses 100,000,000 (the free units count toward it): 2.32; days 22-30:
    // 17.28. 1.90 + 45.60 + 2.32 + 17.28 = 67.10.
    // Minutes: 143 x 0.3 = 42.9; day 1: 3.8 x 0.3 = 1.14, days 2-30: 1.44 x 29 = 41.76;
    // 42.90. Total 110.00.
    let buckets = messages(4_800_000);
    let activated = Some(day(2026, 11, 1));
    for (month, basis) in [(day(2026, 11, 1), FreeQuotaBasis::ActivationMonth), (day(2026, 12, 1), FreeQuotaBasis::MonthAfterActivation)] {
        let minutes = fleet_minutes(10_000, dec!(8), Connection::Mqtt).billable;
        let bill = bill_month(&usd(), Policy::default(), activated, month, MonthToDate::default(), &days(month, 30, &buckets, minutes)).unwrap();
        assert_eq!(bill.free_quota, basis);
        assert_eq!((bill.messages.free_quota, bill.minutes.free_quota), (1_000_000, 1_000_000));
        assert_eq!(tiers(&bill.messages.parts), [(0, 99_000_000), (1, 44_000_000)]);
        assert_eq!(text(bill.days[0].messages.amount), "1.90");
        assert_eq!((text(bill.messages.daily), text(bill.minutes.daily), text(bill.amount)), ("67.10".into(), "42.90".into(), "110.00".into()));
        assert_eq!(text(bill.whole_month_amount), "110.00");
    }
    // January 2027, the third month: no free quota, 67.60 + 43.20 = 110.80.
    let jan = day(2027, 1, 1);
    let minutes = fleet_minutes(10_000, dec!(8), Connection::Mqtt).billable;
    let bill = bill_month(&usd(), Policy::default(), activated, jan, MonthToDate::default(), &days(jan, 30, &buckets, minutes)).unwrap();
    assert_eq!(bill.free_quota, FreeQuotaBasis::PastFirstTwoMonths);
    assert_eq!(text(bill.amount), "110.80");
}

#[test]
fn doc_73701_japan_site_12386_yen_as_a_month_and_12364_day_by_day() {
    // The Japan site's doc 73701 example (SITE-2), which subtracts the free million
    // every month (毎月; IOT-28's everyMonth): messages 1 x 0 + 99 x 56 + 44 x 45 =
    // 5,544 + 1,980 = JPY 7,524; minutes 1 x 0 + 143 x 34 = JPY 4,862; 12,386 a month.
    // Day by day, cut to the yen (IOT-29, SITE-3): messages day 1: 3.8 x 56 = 212.8 ->
    // 212; days 2-20: 4.8 x 56 = 268.8 -> 268, x 19 = 5,092; day 21: 4 x 56 + 0.8 x 45
    // = 224 + 36 = 260; days 22-30: 4.8 x 45 = 216, x 9 = 1,944. 212 + 5,092 + 260 +
    // 1,944 = 7,508 (16 yen less: 0.8 cut on each of 20 days).
    // Minutes day 1: 3.8 x 34 = 129.2 -> 129; days 2-30: 4.8 x 34 = 163.2 -> 163, x 29
    // = 4,727; 4,856 (6 yen less: 0.2 on each of 30 days). 7,508 + 4,856 = 12,364.
    let japan = published_tariff(Site::Japan);
    let buckets = messages(4_800_000);
    let bill = bill_month(&japan, EVERY_MONTH, None, day(2026, 11, 1), MonthToDate::default(), &doc_73701_month(&buckets)).unwrap();
    assert_eq!(bill.currency, Currency::JPY);
    assert_eq!(bill.free_quota, FreeQuotaBasis::EveryMonth);
    assert_eq!((text(bill.messages.whole_month), text(bill.minutes.whole_month), text(bill.whole_month_amount)), ("7524".into(), "4862".into(), "12386".into()));
    assert_eq!((text(bill.days[0].messages.amount), text(bill.days[1].messages.amount), text(bill.days[20].messages.amount)), ("212".into(), "268".into(), "260".into()));
    assert_eq!((text(bill.messages.daily), text(bill.minutes.daily), text(bill.amount)), ("7508".into(), "4856".into(), "12364".into()));
    assert!(bill.differs());
    // Half-up instead (IOT-29's policy): messages 212.8 -> 213, 268.8 -> 269 (x 19 =
    // 5,111), 260, 1,944: 7,528; minutes 129.2 -> 129, 163.2 -> 163: 4,856. 12,384.
    let half_up = Policy { daily_amounts: DailyAmounts::HalfUp, ..EVERY_MONTH };
    let bill = bill_month(&japan, half_up, None, day(2026, 11, 1), MonthToDate::default(), &doc_73701_month(&buckets)).unwrap();
    assert_eq!((text(bill.messages.daily), text(bill.minutes.daily), text(bill.amount)), ("7528".into(), "4856".into(), "12384".into()));
}

// ---- IOT-27: tiers at their boundaries ----

#[test]
fn iot27_100_000_000_messages_at_n_minus_1_n_n_plus_1() {
    // 99,999,999 x 0.5 / 1e6 = 49.9999995: cut to 49.99 (half-up: 50.00), all tier 1.
    let b = one_day(&usd(), Policy::default(), 99_999_999, 0).unwrap();
    assert_eq!((tiers(&b.messages.parts), text(b.messages.exact), text(b.messages.amount)), (vec![(0, 99_999_999)], "49.9999995".into(), "49.99".into()));
    assert_eq!(text(one_day(&usd(), HALF_UP, 99_999_999, 0).unwrap().messages.amount), "50.00");
    // 100,000,000: exactly the first tier, 50.00.
    let b = one_day(&usd(), Policy::default(), 100_000_000, 0).unwrap();
    assert_eq!((tiers(&b.messages.parts), text(b.messages.amount)), (vec![(0, 100_000_000)], "50.00".into()));
    // 100,000,001: the last one is in the second tier: 50 + 0.0000004 = 50.0000004.
    let b = one_day(&usd(), Policy::default(), 100_000_001, 0).unwrap();
    assert_eq!((tiers(&b.messages.parts), text(b.messages.exact), text(b.messages.amount)), (vec![(0, 100_000_000), (1, 1)], "50.0000004".into(), "50.00".into()));
}

#[test]
fn iot27_1_000_000_000_messages_at_n_minus_1_n_n_plus_1() {
    // 999,999,999: 100,000,000 x 0.5 = 50 + 899,999,999 x 0.4 = 359.9999996: 409.9999996 -> 409.99.
    let b = one_day(&usd(), Policy::default(), 999_999_999, 0).unwrap();
    assert_eq!((tiers(&b.messages.parts), text(b.messages.amount)), (vec![(0, 100_000_000), (1, 899_999_999)], "409.99".into()));
    // 1,000,000,000: 50 + 360 = 410.00.
    let b = one_day(&usd(), Policy::default(), 1_000_000_000, 0).unwrap();
    assert_eq!((tiers(&b.messages.parts), text(b.messages.amount)), (vec![(0, 100_000_000), (1, 900_000_000)], "410.00".into()));
    // 1,000,000,001: one in the third tier at 0.3: 410.0000003 -> 410.00.
    let b = one_day(&usd(), Policy::default(), 1_000_000_001, 0).unwrap();
    assert_eq!((tiers(&b.messages.parts), text(b.messages.exact)), (vec![(0, 100_000_000), (1, 900_000_000), (2, 1)], "410.0000003".into()));
    // 2,000,000,000: 50 + 360 + 1,000,000,000 x 0.3 = 300: 710.00.
    assert_eq!(text(one_day(&usd(), Policy::default(), 2_000_000_000, 0).unwrap().messages.amount), "710.00");
}

#[test]
fn iot27_a_tier_boundary_crossed_mid_day_prices_part_in_each_tier() {
    // Day 1: 90,000,000 x 0.5 = 45.00. Day 2 runs 90,000,000 -> 110,000,000:
    // 10,000,000 x 0.5 = 5 + 10,000,000 x 0.4 = 4: 9.00. Month 54.00 = 100 x 0.5 + 10 x 0.4.
    let (first, second) = (messages(90_000_000), messages(20_000_000));
    let list = [
        Day { date: day(2027, 3, 1), messages: &first, connection_minutes: 0 },
        Day { date: day(2027, 3, 2), messages: &second, connection_minutes: 0 },
    ];
    let bill = bill_month(&usd(), Policy::default(), None, day(2027, 3, 1), MonthToDate::default(), &list).unwrap();
    assert_eq!(text(bill.days[0].messages.amount), "45.00");
    assert_eq!(tiers(&bill.days[1].messages.parts), [(0, 10_000_000), (1, 10_000_000)]);
    assert_eq!(text(bill.days[1].messages.amount), "9.00");
    assert_eq!((text(bill.messages.daily), text(bill.messages.whole_month)), ("54.00".into(), "54.00".into()));
    // The same day 2 after 99,999,999 counted earlier in the month (`counted`): 1 at
    // 0.5 and 19,999,999 at 0.4: 0.0000005 + 7.9999996 = 8.0000001 -> 8.00.
    let later = [Day { date: day(2027, 3, 2), messages: &second, connection_minutes: 0 }];
    let counted = MonthToDate { messages: 99_999_999, minutes: 0 };
    let bill = bill_month(&usd(), Policy::default(), None, day(2027, 3, 1), counted, &later).unwrap();
    assert_eq!(tiers(&bill.days[0].messages.parts), [(0, 1), (1, 19_999_999)]);
    assert_eq!((text(bill.days[0].messages.exact), text(bill.days[0].messages.amount)), ("8.0000001".into(), "8.00".into()));
}

#[test]
fn iot27_categories_and_the_512_byte_unit_are_iot13_to_iot15s() {
    // 1,000 messages of 513 bytes = 2,000 billable (ceil(513 / 512) = 2); 500 device-shadow
    // messages and 300 TSL messages of 0 bytes are billable in this generation (it has
    // no edition: IOT-25), 1 each; 10,000 PINGREQ and 7 rules-engine forwards are free
    // categories (IOT-14). 2,000 + 500 + 300 = 2,800 billable, 10,007 free.
    let buckets = [
        Bucket { bytes: 513, count: 1_000, category: category("devicePub") },
        Bucket { bytes: 100, count: 500, category: category("deviceShadow") },
        Bucket { bytes: 0, count: 300, category: category("tsl") },
        Bucket { bytes: 40, count: 10_000, category: category("pingReq") },
        Bucket { bytes: 2_000, count: 7, category: category("rulesEngineForward") },
    ];
    assert_eq!(count_messages(&buckets, 512).unwrap(), (2_800, 10_007));
    let list = [Day { date: day(2027, 3, 1), messages: &buckets, connection_minutes: 0 }];
    let bill = bill_month(&usd(), Policy::default(), None, day(2027, 3, 1), MonthToDate::default(), &list).unwrap();
    // 2,800 x 0.5 / 1e6 = 0.0014: cut to 0.00; the free categories are counted apart.
    assert_eq!((bill.messages.units, bill.free_category_messages, text(bill.messages.exact.normalize()), text(bill.amount)), (2_800, 10_007, "0.0014".into(), "0.00".into()));
}

// ---- IOT-28: the free quota ----

#[test]
fn iot28_first_two_calendar_months_then_none_or_every_month() {
    // 1,500,000 messages on one day, activated 2026-11-20: in November (the month of
    // activation) and December (the next), 1,000,000 free: 500,000 x 0.5 = 0.25. January:
    // 1,500,000 x 0.5 = 0.75. everyMonth: 0.25 in January too.
    let buckets = messages(1_500_000);
    let activated = Some(day(2026, 11, 20));
    let bill_on = |date: Date, policy: Policy| {
        let list = [Day { date, messages: &buckets, connection_minutes: 0 }];
        bill_month(&usd(), policy, activated, date, MonthToDate::default(), &list).unwrap()
    };
    assert_eq!(text(bill_on(day(2026, 11, 20), Policy::default()).amount), "0.25");
    assert_eq!(text(bill_on(day(2026, 12, 31), Policy::default()).amount), "0.25");
    let third = bill_on(day(2027, 1, 1), Policy::default());
    assert_eq!((third.free_quota, text(third.amount)), (FreeQuotaBasis::PastFirstTwoMonths, "0.75".into()));
    let every = bill_on(day(2027, 1, 1), EVERY_MONTH);
    assert_eq!((every.free_quota, text(every.amount)), (FreeQuotaBasis::EveryMonth, "0.25".into()));
    // Across a year end: activated 2026-12-31, January is the second month, February the third.
    let basis = |month| FreeQuotaBasis::for_month(FreeQuota::FirstTwoMonths, Some(day(2026, 12, 31)), month);
    assert_eq!(basis(day(2026, 12, 1)), FreeQuotaBasis::ActivationMonth);
    assert_eq!(basis(day(2027, 1, 15)), FreeQuotaBasis::MonthAfterActivation);
    assert_eq!(basis(day(2027, 2, 1)), FreeQuotaBasis::PastFirstTwoMonths);
    assert_eq!(basis(day(2026, 11, 30)), FreeQuotaBasis::BeforeActivation);
    assert!(!FreeQuotaBasis::NoActivationDate.applies() && !FreeQuotaBasis::PastFirstTwoMonths.applies());
}

#[test]
fn iot28_the_free_units_are_the_months_first() {
    // 600,000 messages and 600,000 minutes a day, activated on the 1st: day 1 all free;
    // day 2: 400,000 free, 200,000 paid: messages 0.10, minutes 200,000 x 0.3 = 0.06;
    // day 3: messages 0.30, minutes 0.18.
    let buckets = messages(600_000);
    let bill = bill_month(&usd(), Policy::default(), Some(day(2027, 3, 1)), day(2027, 3, 1), MonthToDate::default(), &days(day(2027, 3, 1), 3, &buckets, 600_000)).unwrap();
    let amounts: Vec<(u128, String, u128, String)> =
        bill.days.iter().map(|d| (d.messages.free_quota, text(d.messages.amount), d.minutes.free_quota, text(d.minutes.amount))).collect();
    assert_eq!(
        amounts,
        [(600_000, "0.00".into(), 600_000, "0.00".into()), (400_000, "0.10".into(), 400_000, "0.06".into()), (0, "0.30".into(), 0, "0.18".into())]
    );
    // Already 1,000,000 counted in the month before the first day given: none left.
    let counted = MonthToDate { messages: 1_000_000, minutes: 1_000_000 };
    let bill = bill_month(&usd(), Policy::default(), Some(day(2027, 3, 1)), day(2027, 3, 1), counted, &days(day(2027, 3, 1), 1, &buckets, 600_000)).unwrap();
    assert_eq!((bill.messages.free_quota, text(bill.amount)), (0, "0.48".into())); // 0.30 + 0.18
}

#[test]
fn iot28_usage_before_activation_is_an_error() {
    let buckets = messages(1);
    let list = [Day { date: day(2026, 11, 19), messages: &buckets, connection_minutes: 0 }];
    let e = bill_month(&usd(), Policy::default(), Some(day(2026, 11, 20)), day(2026, 11, 1), MonthToDate::default(), &list).unwrap_err();
    assert_eq!(e, RateError::UsageBeforeActivation { date: day(2026, 11, 19), activated: day(2026, 11, 20) });
    assert_eq!(e.code(), "date_out_of_period");
}

// ---- IOT-29: daily settlement ----

#[test]
fn iot29_truncate_or_half_up_each_day_and_the_month_as_a_whole() {
    // 1,234,567 messages and 1,650,000 minutes a day, 30 days, no free quota:
    // messages 1,234,567 x 0.5 / 1e6 = 0.6172835 a day: cut 0.61 (half-up 0.62);
    // minutes 1,650,000 x 0.3 / 1e6 = 0.495: cut 0.49 (half-up 0.50, a midpoint).
    // Truncate: 30 x 0.61 = 18.30 and 30 x 0.49 = 14.70: 33.00. The month as one:
    // 37,037,010 x 0.5 / 1e6 = 18.518505 -> 18.51; 49,500,000 x 0.3 / 1e6 = 14.85:
    // 33.36. Half-up: 18.60 + 15.00 = 33.60 day by day; 18.52 + 14.85 = 33.37 as one.
    let buckets = messages(1_234_567);
    let month = days(day(2027, 3, 1), 30, &buckets, 1_650_000);
    let bill = bill_month(&usd(), Policy::default(), None, day(2027, 3, 1), MonthToDate::default(), &month).unwrap();
    assert_eq!((text(bill.days[0].messages.amount), text(bill.days[0].minutes.amount)), ("0.61".into(), "0.49".into()));
    assert_eq!((text(bill.messages.daily), text(bill.minutes.daily), text(bill.amount)), ("18.30".into(), "14.70".into(), "33.00".into()));
    assert_eq!((text(bill.messages.whole_month), text(bill.minutes.whole_month), text(bill.whole_month_amount)), ("18.51".into(), "14.85".into(), "33.36".into()));
    assert!(bill.differs());
    let bill = bill_month(&usd(), HALF_UP, None, day(2027, 3, 1), MonthToDate::default(), &month).unwrap();
    assert_eq!((text(bill.days[0].messages.amount), text(bill.days[0].minutes.amount)), ("0.62".into(), "0.50".into()));
    assert_eq!((text(bill.amount), text(bill.whole_month_amount)), ("33.60".into(), "33.37".into()));
}

#[test]
fn iot29_a_day_below_the_unit_is_free_when_cut() {
    // 19,999 messages x 0.5 / 1e6 = 0.0099995: 0.00 cut, 0.01 half-up. 20,000: 0.01 both.
    assert_eq!(text(one_day(&usd(), Policy::default(), 19_999, 0).unwrap().amount), "0.00");
    assert_eq!(text(one_day(&usd(), HALF_UP, 19_999, 0).unwrap().amount), "0.01");
    assert_eq!(text(one_day(&usd(), Policy::default(), 20_000, 0).unwrap().amount), "0.01");
}

#[test]
fn daily_biller_starts_each_calendar_month_afresh() {
    // The account engine's view: 99,500,000 messages counted in November before the
    // 30th; on the 30th, 1,000,000: 500,000 x 0.5 + 500,000 x 0.4 = 0.25 + 0.20 = 0.45.
    // On December 1st the month restarts at the first tier: 1,000,000 x 0.5 = 0.50
    // (no activation date: no free quota); activated 2026-11-01, December is the
    // second month: free, 0.00.
    let usd = usd();
    let buckets = messages(1_000_000);
    let nov30 = Day { date: day(2026, 11, 30), messages: &buckets, connection_minutes: 0 };
    let dec1 = Day { date: day(2026, 12, 1), messages: &buckets, connection_minutes: 0 };
    for (activated, december) in [(None, "0.50"), (Some(day(2026, 11, 1)), "0.00")] {
        let mut biller = DailyBiller::new(&usd, Policy::default(), activated)
            .with_month_to_date(day(2026, 11, 30), MonthToDate { messages: 99_500_000, minutes: 0 });
        assert_eq!(text(biller.bill(&nov30).unwrap().amount), "0.45");
        let b = biller.bill(&dec1).unwrap();
        assert_eq!((text(b.amount), b.month_to_date.messages), (december.to_string(), 1_000_000));
        // Days in order only.
        assert_eq!(biller.bill(&nov30).unwrap_err().code(), "date_out_of_order");
        assert_eq!(biller.bill(&dec1).unwrap_err().code(), "duplicate_date");
    }
}

#[test]
fn a_day_outside_the_month_is_an_error() {
    let buckets = messages(1);
    let list = [Day { date: day(2026, 12, 1), messages: &buckets, connection_minutes: 0 }];
    let e = bill_month(&usd(), Policy::default(), None, day(2026, 11, 1), MonthToDate::default(), &list).unwrap_err();
    assert_eq!((e, e.code()), (RateError::DayOutsideMonth { date: day(2026, 12, 1), month: day(2026, 11, 1) }, "date_out_of_period"));
}

// ---- SITE-1..SITE-3 ----

#[test]
fn site2_china_prices_messages_in_cny_and_has_no_minute_price() {
    // 144,000,000 messages in a month on the China site: 100 x 1.8 + 44 x 1.4 = 180 +
    // 61.6 = CNY 241.60 (billed on the actual count, not whole millions).
    let china = published_tariff(Site::China);
    let buckets = messages(4_800_000);
    let bill = bill_month(&china, Policy::default(), None, day(2026, 11, 1), MonthToDate::default(), &days(day(2026, 11, 1), 30, &buckets, 0)).unwrap();
    assert_eq!((bill.currency.code, text(bill.amount), text(bill.whole_month_amount)), ("CNY", "241.60".into(), "241.60".into()));
    // Third tier: 2,000,000,000 in a day: 180 + 900 x 1.4 = 1,260 + 1,000 x 1.0 = 1,000: 2,440.00.
    assert_eq!(text(one_day(&china, Policy::default(), 2_000_000_000, 0).unwrap().amount), "2440.00");
    // A connection minute to bill: no CNY price is published (SITE-2): an error naming
    // the catalog field, never a conversion.
    let e = one_day(&china, Policy::default(), 0, 1).unwrap_err();
    assert_eq!(e, RateError::PriceNotPublished { site: Site::China, item: BilledItem::ConnectionMinutes });
    assert_eq!((e.code(), e.catalog_field().as_deref()), ("price_not_published", Some("iot.connectionAndMessages.minutePrice")));
    // Minutes inside the free quota cost nothing at any price: no error.
    let list = days(day(2026, 11, 1), 1, &buckets, 1_000_000);
    let bill = bill_month(&china, Policy::default(), Some(day(2026, 11, 1)), day(2026, 11, 1), MonthToDate::default(), &list).unwrap();
    assert_eq!((bill.minutes.free_quota, text(bill.minutes.daily)), (1_000_000, "0.00".into()));
    // With the caller's CNY minute price (say 2.1 per million): 1,000,000 minutes = 2.10.
    let priced = Tariff { minute_price: Some(Price { amount: dec!(2.1), origin: Origin::Caller }), ..china };
    let b = one_day(&priced, Policy::default(), 0, 1_000_000).unwrap();
    assert_eq!((text(b.minutes.amount), b.minutes.parts[0].price.origin), ("2.10".into(), Origin::Caller));
}

#[test]
fn site2_japan_has_no_price_above_1_000_000_000_messages() {
    // 1,000,000,000 in a day: 100 x 56 = 5,600 + 900 x 45 = 40,500: JPY 46,100.
    let japan = published_tariff(Site::Japan);
    assert_eq!(text(one_day(&japan, Policy::default(), 1_000_000_000, 0).unwrap().amount), "46100");
    // One more reaches the third tier, which the Japan site does not publish.
    let e = one_day(&japan, Policy::default(), 1_000_000_001, 0).unwrap_err();
    assert_eq!(e, RateError::PriceNotPublished { site: Site::Japan, item: BilledItem::Messages { tier: 2 } });
    assert_eq!(e.catalog_field().as_deref(), Some("iot.connectionAndMessages.messageTiers[2].price"));
    // With the caller's third-tier price (say JPY 35): 46,100 + 35 / 1e6 = 46,100.000035 -> 46,100.
    let mut tiers = japan.message_tiers.to_vec();
    tiers[2].price = Some(Price { amount: dec!(35), origin: Origin::Caller });
    let priced = Tariff { message_tiers: tiers, ..japan.clone() };
    let b = one_day(&priced, Policy::default(), 1_000_000_001, 0).unwrap();
    assert_eq!((text(b.messages.exact), text(b.amount)), ("46100.000035".into(), "46100".into()));
    // Minutes in JPY: 1,000,000 x 34 / 1e6 = 34; 1,500,000: 51; 1,499,999: 50.999966 -> 50.
    assert_eq!(text(one_day(&japan, Policy::default(), 0, 1_500_000).unwrap().amount), "51");
    assert_eq!(text(one_day(&japan, Policy::default(), 0, 1_499_999).unwrap().amount), "50");
    assert_eq!(text(one_day(&japan, HALF_UP, 0, 1_499_999).unwrap().amount), "51");
}

#[test]
fn site3_every_amount_is_a_whole_number_of_the_currencys_unit() {
    // Scale fixed to the unit: "0.00" in USD and CNY, "0" in JPY, for an empty day too.
    for (site, zero) in [(Site::International, "0.00"), (Site::China, "0.00"), (Site::Japan, "0")] {
        let b = one_day(&published_tariff(site), Policy::default(), 0, 0).unwrap();
        assert_eq!((text(b.messages.amount), text(b.minutes.amount), text(b.amount)), (zero.into(), zero.into(), zero.into()), "{site:?}");
    }
}

#[test]
fn the_model_names_its_source_and_date() {
    // IOT-25: the answer names the model, its source and as-of date.
    assert_eq!((CONNECTION_AND_MESSAGES.id, CONNECTION_AND_MESSAGES.as_of), ("connectionAndMessages", Some("2026-06-17")));
    assert!(published_tariff(Site::Japan).sources.iter().all(|s| s.rules.iter().any(|r| r == "SITE-2")));
}
