//! Connection minutes (IOT-26, IOT-30): the natural clock minutes of a day's
//! connection sessions, and of a fleet online some hours a day.
//!
//! **How sessions count** (IOT-26, with the choices the pages leave open):
//! - A session `from`–`to` covers every second from `from` to `to`, both included
//!   (the second a device disconnects in is a second it was connected in), and so
//!   every clock minute from `from`'s to `to`'s: 18:23:35–18:25:10 is 18:23, 18:24 and
//!   18:25, 3 minutes; 18:23:59–18:24:01 is 2 minutes; a disconnect at 18:25:00 counts
//!   18:25.
//! - Sessions of one `group` are the same devices reconnecting: a clock minute counts
//!   once per device, however many of the group's sessions touch it
//!   (18:23:15–18:23:35 and 18:23:40–18:23:59: 1 minute). A session of `devices`
//!   devices is that many of the group's devices; where sessions of one group overlap,
//!   the minute counts the most devices of any session in it (the smaller session's
//!   devices are among the larger's). Different groups are different devices: their
//!   minutes add up. A request's sessions without a group are all one group.
//! - A session whose `to` is before its `from` runs past midnight: it belongs to two
//!   billing days (IOT-29, UTC+8), so it is an error, not a guess; the answer asks for
//!   two sessions, `from`–23:59:59 on this day and 00:00:00–`to` on the next.
//! - Devices over CoAP or HTTP and sub-devices behind a gateway pay no connection
//!   minutes (IOT-26): their minutes are counted apart, to be shown, never charged.

use rust_decimal::Decimal;

/// Minutes in a day: a device online all day counts 1,440.
pub const MINUTES_PER_DAY: u32 = 1_440;

/// A time of day on the billing day (UTC+8), to the second: 00:00:00 to 23:59:59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(u32);

impl ClockTime {
    pub fn hms(hour: u32, minute: u32, second: u32) -> Option<ClockTime> {
        (hour < 24 && minute < 60 && second < 60).then_some(ClockTime(hour * 3_600 + minute * 60 + second))
    }

    /// "HH:MM:SS", two digits each (the request's `from` and `to`).
    pub fn parse(text: &str) -> Option<ClockTime> {
        let b = text.as_bytes();
        if b.len() != 8 || b[2] != b':' || b[5] != b':' {
            return None;
        }
        let two = |i: usize| (b[i].is_ascii_digit() && b[i + 1].is_ascii_digit()).then(|| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0'));
        ClockTime::hms(two(0)?, two(3)?, two(6)?)
    }

    /// Seconds since 00:00:00.
    pub fn seconds(self) -> u32 {
        self.0
    }

    /// The clock minute it falls in: 0 (00:00) to 1,439 (23:59).
    pub fn minute(self) -> u32 {
        self.0 / 60
    }
}

/// How devices connect (the fleet's and a session's `connection`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Connection {
    /// A long-lived MQTT connection: the only kind that pays minutes.
    #[default]
    Mqtt,
    Coap,
    Http,
    /// A sub-device connected through a gateway (the gateway's own connection pays).
    SubDevice,
}

impl Connection {
    pub const ALL: [(&'static str, Connection); 4] =
        [("mqtt", Connection::Mqtt), ("coap", Connection::Coap), ("http", Connection::Http), ("subDevice", Connection::SubDevice)];

    /// IOT-26: devices over CoAP or HTTP and sub-devices pay no connection minutes.
    pub fn pays_minutes(self) -> bool {
        self == Connection::Mqtt
    }

    /// The connection's name for a person: "CoAP", "sub-devices" / 子设备.
    pub fn name(self) -> crate::messages::Key {
        match self {
            Connection::Mqtt => key!("connection.mqtt"),
            Connection::Coap => key!("connection.coap"),
            Connection::Http => key!("connection.http"),
            Connection::SubDevice => key!("connection.subDevice"),
        }
    }
}

/// One connection session of a day, for `devices` devices of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub from: ClockTime,
    pub to: ClockTime,
    /// Devices that each had this session (the request's `devices`, default 1).
    pub devices: u64,
    /// The device group (the request's `group`, numbered by the decoder; 0 when none
    /// is named): sessions of one group are the same devices reconnecting.
    pub group: u32,
    pub connection: Connection,
}

/// A day's natural connection minutes, summed over devices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Minutes {
    /// Minutes that pay (IOT-26).
    pub billable: u128,
    /// Minutes of CoAP, HTTP and sub-device connections: shown, never charged.
    pub free: u128,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionError {
    /// Session `index` ends before it starts: it runs past midnight, into the next
    /// billing day; it must be given as two sessions.
    CrossesMidnight { index: usize },
}

impl SessionError {
    /// The stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            SessionError::CrossesMidnight { .. } => "session_crosses_midnight",
        }
    }
}

/// The natural clock minutes of a day's sessions (IOT-26), counted as the module's
/// documentation says: per group, each clock minute once per device connected in it.
pub fn natural_minutes(sessions: &[Session]) -> Result<Minutes, SessionError> {
    if let Some(index) = sessions.iter().position(|s| s.to < s.from) {
        return Err(SessionError::CrossesMidnight { index });
    }
    // Each group's sessions together, the most devices first: a minute then takes the
    // devices of the first session that reaches it, which is the most of any.
    let mut order: Vec<&Session> = sessions.iter().collect();
    order.sort_by(|a, b| (a.group, a.connection, b.devices).cmp(&(b.group, b.connection, a.devices)));
    let mut minutes = Minutes::default();
    // next[m]: the first minute from m on that no session of the group has reached yet
    // (1,440 when none): each minute is taken once, however many sessions cover it.
    let mut next: Vec<u32> = Vec::new();
    let mut group = None;
    for s in order {
        if group != Some((s.group, s.connection)) {
            group = Some((s.group, s.connection));
            next.clear();
            next.extend(0..=MINUTES_PER_DAY);
        }
        let mut total = 0u128;
        let mut m = first_free(&mut next, s.from.minute());
        while m <= s.to.minute() {
            total += u128::from(s.devices);
            next[m as usize] = m + 1;
            m = first_free(&mut next, m + 1);
        }
        if s.connection.pays_minutes() {
            minutes.billable += total;
        } else {
            minutes.free += total;
        }
    }
    Ok(minutes)
}

/// The first minute at or after `m` not taken yet, shortening the chains it walks.
fn first_free(next: &mut [u32], m: u32) -> u32 {
    let mut root = m;
    while next[root as usize] != root {
        root = next[root as usize];
    }
    let mut at = m;
    while next[at as usize] != root {
        let following = next[at as usize];
        next[at as usize] = root;
        at = following;
    }
    root
}

/// IOT-30: `devices` devices online `online_hours` a day count devices x hours x 60
/// natural minutes a day: a device online continuously counts every minute of its
/// online time. A part of a minute counts as a whole one (IOT-26), so each device
/// counts ceil(hours x 60) minutes, at most 1,440 (Choice: the online time starts on a
/// clock minute, as doc 73701's example assumes). CoAP, HTTP and sub-devices pay none.
pub fn fleet_minutes(devices: u64, online_hours: Decimal, connection: Connection) -> Minutes {
    let exact = online_hours.max(Decimal::ZERO).min(Decimal::from(24)) * Decimal::from(60);
    let whole = exact.trunc();
    let per_device = if whole == exact { whole } else { whole + Decimal::ONE };
    let total = u128::from(devices) * u128::try_from(per_device).unwrap_or(0);
    if connection.pays_minutes() {
        Minutes { billable: total, free: 0 }
    } else {
        Minutes { billable: 0, free: total }
    }
}
