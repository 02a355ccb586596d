//! The connection-and-messages generation of legacy public instances (IOT-25..IOT-30)
//! on each site (SITE-1..SITE-3), through the pure rating module. Every expected value
//! is worked out by hand in the comment above it, from shared/RULES.md and the
//! published examples it quotes.

use alicloud_cost::products::iot::connection_messages::*;
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
