//! IoT fleets (issue 17): devices and message rates become exact daily usage
//! (IOT-22), and Enterprise Edition specifications are sized by the fleet's
//! online devices and TPS (IOT-23); a fleet small enough for a free new public
//! instance is told so (IOT-24).

use super::connection_messages::Connection;
use super::{Bucket, Category, DayUsage, Edition, CATEGORIES, MAX_BYTES, MAX_COUNT};
use crate::catalog::{EnterpriseSpec, IotCatalog};
use crate::decode::{Ctx, Node};
use crate::messages::Count;
use crate::error::{Error, ErrorCode};
pub use crate::bill::limits::MAX_DEVICES;
pub use crate::bill::Sizing;
use crate::bill::Warning;
use jiff::civil::Date;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Most message kinds in one fleet.
pub const MAX_FLEET_MESSAGES: usize = 100;
/// Most subscribers of one message.
pub const MAX_RECEIVERS: u64 = 1_000_000;
/// Longest interval between two messages: a year.
const MAX_INTERVAL_SECONDS: Decimal = dec!(31_622_400);
/// TPS are compared with capacities at this many decimal places, so that a fleet
/// at exactly a capacity (60,000 devices every 600 s = 100 TPS) is not pushed over
/// it by the last digit of a 28-digit division.
const TPS_COMPARE_DP: u32 = 12;

/// An interface of seed 002's appendix (IOT-20) and the category its messages are billed in.
#[derive(Debug, PartialEq, Eq)]
pub struct Interface {
    pub name: &'static str,
    /// A name in [`CATEGORIES`]; the category decides the editions (IOT-13).
    pub category: &'static str,
    /// "These interfaces are free to call, but you may be charged for received messages."
    pub free_to_call: bool,
}

const fn interface(name: &'static str, category: &'static str) -> Interface {
    Interface { name, category, free_to_call: false }
}

const fn receiving(name: &'static str) -> Interface {
    Interface { name, category: "deviceSubReceived", free_to_call: true }
}

/// Seed 002, "Appendix: Billable interfaces" (IOT-20), in the appendix's order.
pub static INTERFACES: [Interface; 47] = [
    // Billable interfaces for devices: MQTT Publish (both editions).
    interface("IOT_CMP_OTA_Start", "devicePub"),
    interface("IOT_CMP_OTA_Get_Config", "devicePub"),
    interface("IOT_CMP_OTA_Request_Image", "devicePub"),
    interface("IOT_CMP_Send", "devicePub"),
    interface("IOT_MQTT_Publish", "devicePub"),
    interface("IOT_OTA_ReportVersion", "devicePub"),
    interface("IOT_OTA_RequestImage", "devicePub"),
    interface("IOT_OTA_ReportProgress", "devicePub"),
    interface("IOT_OTA_GetConfig", "devicePub"),
    interface("IOT_Shadow_Construct", "devicePub"),
    interface("IOT_Shadow_RegisterAttribute", "devicePub"),
    interface("IOT_Shadow_Push", "devicePub"),
    interface("IOT_Shadow_Push_Async", "devicePub"),
    interface("IOT_Shadow_Pull", "devicePub"),
    interface("IOT_Subdevice_Register", "devicePub"),
    interface("IOT_Subdevice_Unregister", "devicePub"),
    interface("IOT_Subdevice_Login", "devicePub"),
    interface("IOT_Subdevice_Logout", "devicePub"),
    interface("IOT_Gateway_Get_TOPO", "devicePub"),
    interface("IOT_Gateway_Get_Config", "devicePub"),
    interface("IOT_Gateway_Publish_Found_List", "devicePub"),
    interface("IOT_Gateway_Publish", "devicePub"),
    interface("IOT_Gateway_RRPC_Response", "revertRpcResponse"),
    // The linkkit TSL calls: Pro only (IOT-13).
    interface("linkkit_answer_service", "tsl"),
    interface("linkkit_invoke_raw_service", "tsl"),
    interface("linkkit_trigger_event", "tsl"),
    interface("linkkit_invoke_fota_service", "tsl"),
    interface("linkkit_invoke_cota_get_config", "tsl"),
    interface("linkkit_invoke_cota_service", "tsl"),
    // CoAP Send, HTTP Send.
    interface("IOT_CoAP_SendMessage", "devicePub"),
    interface("IOT_HTTP_SendMessage", "devicePub"),
    // Free to call; the messages received through them are billed.
    receiving("IOT_CMP_Register"),
    receiving("IOT_MQTT_Subscribe"),
    receiving("IOT_Gateway_Subscribe"),
    receiving("IOT_Gateway_RRPC_Register"),
    // Billable interfaces for the server.
    interface("Pub", "serverPub"),
    interface("PubBroadcast", "serverPubBroadcast"),
    interface("RRpc", "serverRevertRpc"),
    interface("DeleteDevice", "subDevice"),
    interface("DisableThing", "subDevice"),
    interface("EnableThing", "subDevice"),
    interface("NotifyAddThingTopo", "subDevice"),
    interface("UpdateDeviceShadow", "deviceShadow"), // Basic only
    interface("InvokeThingService", "tsl"),          // Pro only
    interface("InvokeThingsService", "tsl"),
    interface("SetDeviceProperty", "tsl"),
    interface("SetDevicesProperty", "tsl"),
];

/// How often each device sends one kind of message while online.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Frequency {
    /// Every this many seconds (IOT-22 Choice: floor(online seconds / N) a day).
    Every(Decimal),
    PerDay(u64),
}

/// One kind of message the fleet sends.
#[derive(Debug, Clone, PartialEq)]
pub struct FleetMessage {
    pub frequency: Frequency,
    /// Messages each device sends a day.
    pub per_device_per_day: u64,
    pub bytes: u64,
    pub category: &'static Category,
    pub interface: Option<&'static Interface>,
    /// Subscribers that each receive every message (IOT-22).
    pub receivers: u64,
    /// Forwarded by the rules engine: free (IOT-14), but counts for forwarding TPS (IOT-23).
    pub forwarded: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fleet {
    pub devices: u64,
    pub online_hours: Decimal,
    pub messages: Vec<FleetMessage>,
    /// How the devices connect (the connection-and-messages generation's `connection`,
    /// IOT-26, IOT-30): only MQTT devices pay connection minutes.
    pub connection: Connection,
}

/// What a fleet is read for: the categories it may send and whether it says how it
/// connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum For {
    /// A legacy public Basic or Pro edition: its categories only (IOT-13).
    Edition(Edition),
    /// Enterprise Edition: no Basic/Pro split.
    Enterprise,
    /// The connection-and-messages generation: no edition (IOT-25), and `connection`.
    ConnectionAndMessages,
    /// A comparison of every option: any category, and `connection` (each option then
    /// says whether it carries them).
    AnyOption,
}

impl For {
    fn edition(self) -> Option<Edition> {
        match self {
            For::Edition(edition) => Some(edition),
            For::Enterprise | For::ConnectionAndMessages | For::AnyOption => None,
        }
    }
}

fn receivers_category() -> &'static Category {
    category_named("deviceSubReceived")
}

fn category_named(name: &str) -> &'static Category {
    CATEGORIES.iter().find(|c| c.name == name).unwrap_or(&CATEGORIES[0])
}

/// Decodes `fleet` for `purpose`: a legacy public edition's categories apply (IOT-13);
/// Enterprise Edition and the connection-and-messages generation have no Basic/Pro split.
pub fn decode(node: &Node<'_>, purpose: For) -> Result<(Fleet, Vec<Warning>), Error> {
    let edition = purpose.edition();
    let fields = node.object()?;
    if matches!(purpose, For::ConnectionAndMessages | For::AnyOption) {
        fields.only(&["devices", "onlineHoursPerDay", "messages", "connection"])?;
    } else {
        fields.only(&["devices", "onlineHoursPerDay", "messages"])?;
    }
    let connection = fields.get("connection").map(|n| n.one_of(&Connection::ALL, ErrorCode::InvalidType)).transpose()?.unwrap_or_default();
    let devices = fields.required("devices", key!("expect.devices"))?.integer(1, MAX_DEVICES)?;
    let online_hours = match fields.get("onlineHoursPerDay") {
        Some(n) => n.decimal_in(Decimal::ZERO, false, dec!(24))?,
        None => dec!(24),
    };
    let online_seconds = online_hours * dec!(3600);
    let list = fields.required("messages", key!("expect.fleetMessages"))?;
    let elements = list.elements()?;
    if elements.len() == 0 {
        return Err(list.error(ErrorCode::Empty, text!(list, "fleet.noMessages")));
    }
    if elements.len() > MAX_FLEET_MESSAGES {
        return Err(list.error(ErrorCode::TooMany, text!(list, "fleet.tooManyMessages", max = MAX_FLEET_MESSAGES, count = elements.len())));
    }
    let mut messages = Vec::with_capacity(elements.len());
    let mut warnings = Vec::new();
    for element in elements {
        let message = decode_message(&element, edition, devices, online_seconds)?;
        if let Some(interface) = message.interface.filter(|i| i.free_to_call) {
            warnings.push(Warning::new(
                "received_messages_billed",
                text!(node, "fleet.receivedBilled", name = interface.name),
                &["IOT-20", "IOT-13"],
            ));
        }
        if message.per_device_per_day == 0 {
            warnings.push(Warning::new(
                "interval_longer_than_online_time",
                text!(node, "fleet.intervalTooLong", path = element.path(), hours = online_hours.normalize()),
                &["IOT-22"],
            ));
        }
        messages.push(message);
    }
    Ok((Fleet { devices, online_hours, messages, connection }, warnings))
}

fn decode_message(node: &Node<'_>, edition: Option<Edition>, devices: u64, online_seconds: Decimal) -> Result<FleetMessage, Error> {
    let fields = node.object()?;
    fields.only(&["every", "perDay", "bytes", "category", "interface", "receivers", "forwarded"])?;
    let (frequency, per_device_per_day) = match (fields.get("every"), fields.get("perDay")) {
        (Some(every), None) => {
            let seconds = interval_seconds(&every)?;
            // IOT-22 (Choice): floor(online seconds a day / interval).
            let per_day = (online_seconds / seconds).floor();
            (Frequency::Every(seconds), u64::try_from(per_day).unwrap_or(MAX_COUNT))
        }
        (None, Some(n)) => {
            let per_day = n.integer(0, MAX_COUNT)?;
            (Frequency::PerDay(per_day), per_day)
        }
        (Some(_), Some(n)) => return Err(n.error(ErrorCode::UnknownField, text!(n, "fleet.everyOrPerDay"))),
        (None, None) => {
            return Err(Error::new(ErrorCode::MissingField, fields.child_path("every"), text!(fields, "fleet.missingFrequency")))
        }
    };
    let bytes = fields.required("bytes", key!("expect.bytes"))?.integer(0, MAX_BYTES)?;
    let receivers = match fields.get("receivers") {
        Some(n) => n.integer(0, MAX_RECEIVERS)?,
        None => 0,
    };
    let forwarded = fields.flag("forwarded")?;
    let (category, interface) = match (fields.get("category"), fields.get("interface")) {
        (Some(_), Some(i)) => return Err(i.error(ErrorCode::UnknownField, text!(i, "fleet.categoryOrInterface"))),
        (Some(c), None) => {
            let categories: Vec<(&str, &'static Category)> = CATEGORIES.iter().map(|c| (c.name, c)).collect();
            (super::category_in_edition(&c, c.one_of(&categories, ErrorCode::UnknownCategory)?, edition, None)?, None)
        }
        (None, Some(i)) => {
            let found = find_interface(&i)?;
            (super::category_in_edition(&i, category_named(found.category), edition, Some(found.name))?, Some(found))
        }
        (None, None) => (&CATEGORIES[0], None),
    };
    // "Day totals beyond the limits": the day's count of this kind, sent and received.
    let day_total = u128::from(devices) * u128::from(per_device_per_day) * (1 + u128::from(receivers));
    if day_total > u128::from(MAX_COUNT) {
        return Err(node.error(
            ErrorCode::OutOfRange,
            text!(node, "fleet.tooManyADay", devices = devices, per_device = per_device_per_day, copies = 1 + receivers, max = MAX_COUNT),
        ));
    }
    Ok(FleetMessage { frequency, per_device_per_day, bytes, category, interface, receivers, forwarded })
}

/// `every: { seconds?, minutes?, hours? }`, summed; zero or less is out of range.
fn interval_seconds(node: &Node<'_>) -> Result<Decimal, Error> {
    let fields = node.object()?;
    fields.only(&["seconds", "minutes", "hours"])?;
    let mut seconds = Decimal::ZERO;
    for (key, factor) in [("seconds", Decimal::ONE), ("minutes", dec!(60)), ("hours", dec!(3600))] {
        if let Some(n) = fields.get(key) {
            seconds += n.decimal_in(Decimal::ZERO, true, MAX_INTERVAL_SECONDS)? * factor;
        }
    }
    if seconds <= Decimal::ZERO || seconds > MAX_INTERVAL_SECONDS {
        return Err(node.error(ErrorCode::OutOfRange, text!(node, "fleet.intervalRange")));
    }
    Ok(seconds)
}

fn find_interface(node: &Node<'_>) -> Result<&'static Interface, Error> {
    let name = node.str()?;
    INTERFACES.iter().find(|i| i.name == name).ok_or_else(|| {
        let names: Vec<&str> = INTERFACES.iter().map(|i| i.name).collect();
        let hint = crate::text::closest(name, &names).map(|k| text!(node, "decode.didYouMean", name = k)).unwrap_or_default();
        node.error(ErrorCode::UnknownInterface, text!(node, "fleet.unknownInterface", name = name, hint = hint))
    })
}

/// Messages of one kind in a day: sent, received by subscribers, forwarded.
struct DayCounts {
    sent: u64,
    received: u64,
    forwarded: u64,
}

fn day_counts(devices: u64, m: &FleetMessage) -> DayCounts {
    // Bounded by MAX_COUNT in decode_message.
    let sent = devices * m.per_device_per_day;
    DayCounts { sent, received: sent * m.receivers, forwarded: if m.forwarded { sent } else { 0 } }
}

impl Fleet {
    /// The fleet with `devices` devices (a growing fleet, month by month).
    pub fn with_devices(&self, devices: u64) -> Fleet {
        Fleet { devices, ..self.clone() }
    }

    /// One day of the fleet as message buckets (IOT-22): each message counts once as
    /// sent and once for every subscriber (category deviceSubReceived, IOT-13);
    /// forwarded copies are free (IOT-14). Living devices are the fleet (IOT-19).
    pub fn day_usage(&self, date: Date) -> DayUsage {
        let mut buckets = Vec::with_capacity(self.messages.len() * 3);
        for m in &self.messages {
            let counts = day_counts(self.devices, m);
            buckets.push(Bucket { bytes: m.bytes, count: counts.sent, category: m.category });
            if counts.received > 0 {
                buckets.push(Bucket { bytes: m.bytes, count: counts.received, category: receivers_category() });
            }
            if counts.forwarded > 0 {
                buckets.push(Bucket { bytes: m.bytes, count: counts.forwarded, category: category_named("rulesEngineForward") });
            }
        }
        DayUsage { date, buckets, living_devices: self.devices }
    }

    /// Sent plus received messages a day (forwarded copies are counted apart).
    pub fn messages_per_day(&self) -> u64 {
        self.messages.iter().map(|m| {
            let c = day_counts(self.devices, m);
            c.sent + c.received
        }).sum()
    }

    /// The fleet arithmetic, one text per kind of message.
    pub fn formulas(&self, ctx: &Ctx) -> Vec<String> {
        self.messages
            .iter()
            .map(|m| {
                let counts = day_counts(self.devices, m);
                let how = match m.frequency {
                    Frequency::Every(seconds) => text!(ctx, "fleet.how.every", every = duration(seconds, ctx), hours = self.online_hours.normalize()),
                    Frequency::PerDay(_) => text!(ctx, "fleet.how.perDay"),
                };
                // The category as a person reads it, in the request's language (the labels
                // `catalog()` gives the page's Category list); an interface by its API name.
                let what = match m.interface {
                    Some(i) => text!(ctx, "fleet.what.interface", interface = i.name),
                    None => text!(ctx, "fleet.what.category", category = m.category.description),
                };
                let mut text = text!(
                    ctx,
                    "fleet.formula",
                    devices = Count(self.devices),
                    per_device = Count(m.per_device_per_day),
                    what = what,
                    how = how,
                    sent = Count(counts.sent)
                );
                if m.receivers > 0 {
                    text.push_str(&text!(ctx, "fleet.formula.received", sent = Count(counts.sent), receivers = Count(m.receivers), received = Count(counts.received)));
                }
                if m.forwarded {
                    text.push_str(&text!(ctx, "fleet.formula.forwarded", count = Count(counts.forwarded)));
                }
                text
            })
            .collect()
    }

    /// The connection minutes a day (IOT-30): devices x online minutes, and whether they pay (IOT-26).
    pub fn minutes_formula(&self, ctx: &Ctx) -> String {
        let minutes = super::connection_messages::fleet_minutes(self.devices, self.online_hours, self.connection);
        let per_device = (minutes.billable + minutes.free) / u128::from(self.devices.max(1));
        let total = Count(minutes.billable + minutes.free);
        if self.connection.pays_minutes() {
            text!(ctx, "fleet.formula.minutes", devices = Count(self.devices), minutes = Count(per_device), hours = self.online_hours.normalize(), total = total)
        } else {
            text!(ctx, "fleet.formula.freeMinutes", devices = Count(self.devices), minutes = Count(per_device), hours = self.online_hours.normalize(), total = total, connection = self.connection.name())
        }
    }

    /// One device's messages of kind `m` per second while online (IOT-23).
    fn per_second(&self, m: &FleetMessage) -> Decimal {
        match m.frequency {
            Frequency::Every(seconds) => Decimal::ONE / seconds,
            Frequency::PerDay(n) => Decimal::from(n) / (self.online_hours * dec!(3600)),
        }
    }

    /// A kind's messaging TPS: each device's rate times the devices; a message's
    /// subscribers receive it as downlink messages (Choice: they count for messaging
    /// TPS as the sender's copy does).
    fn messaging_tps_of(&self, m: &FleetMessage) -> Decimal {
        Decimal::from(self.devices) * Decimal::from(1 + m.receivers) * self.per_second(m)
    }

    /// Messaging and forwarding TPS (IOT-23), numbers only: sizing compares them month
    /// by month, and only the chosen spec's formula needs the terms as text.
    pub fn tps(&self) -> (Decimal, Decimal) {
        let messaging = self.messages.iter().map(|m| self.messaging_tps_of(m)).sum();
        let forwarding = self.messages.iter().filter(|m| m.forwarded).map(|m| Decimal::from(self.devices) * self.per_second(m)).sum();
        (messaging, forwarding)
    }

    /// The messaging TPS arithmetic, one term per kind of message.
    fn tps_terms(&self, ctx: &Ctx) -> Vec<String> {
        self.messages
            .iter()
            .map(|m| {
                let rate = match m.frequency {
                    Frequency::Every(seconds) => text!(ctx, "fleet.tps.every", seconds = seconds.normalize()),
                    Frequency::PerDay(n) => text!(ctx, "fleet.tps.perDay", count = n, seconds = (self.online_hours * dec!(3600)).normalize()),
                };
                let copies = if m.receivers > 0 { text!(ctx, "fleet.tps.copies", copies = 1 + m.receivers) } else { String::new() };
                text!(ctx, "fleet.tps.term", devices = Count(self.devices), rate = rate, copies = copies, tps = shown_tps(self.messaging_tps_of(m)))
            })
            .collect()
    }
}

/// A TPS as shown: two decimals, trailing zeros dropped (16.67, 25).
pub fn shown_tps(tps: Decimal) -> Decimal {
    tps.round_dp(2).normalize()
}

/// 3600 -> "1 h", 600 -> "10 min", 7.5 -> "7.5 s" (whole hours or minutes where they are whole).
fn duration(seconds: Decimal, ctx: &Ctx) -> String {
    let whole = |unit: Decimal| Some((seconds / unit).normalize()).filter(|n| *n >= Decimal::ONE && n.scale() == 0);
    match (whole(dec!(3600)), whole(dec!(60))) {
        (Some(h), _) => text!(ctx, "unit.hours", n = h),
        (None, Some(m)) => text!(ctx, "unit.minutes", n = m),
        (None, None) => text!(ctx, "unit.seconds", n = seconds.normalize()),
    }
}

/// The fleet's needs, exact for comparing, rounded for showing.
pub struct Needs {
    pub online_devices: u64,
    pub messaging_tps: Decimal,
    pub forwarding_tps: Decimal,
}

pub fn needs(fleet: &Fleet) -> Needs {
    let (messaging, forwarding) = fleet.tps();
    Needs { online_devices: fleet.devices, messaging_tps: messaging.round_dp(TPS_COMPARE_DP), forwarding_tps: forwarding.round_dp(TPS_COMPARE_DP) }
}

fn holds(spec: &EnterpriseSpec, needs: &Needs) -> bool {
    match (spec.online_devices, spec.messaging_tps, spec.forwarding_tps) {
        (Some(devices), Some(messaging), Some(forwarding)) => {
            needs.online_devices <= devices && needs.messaging_tps <= messaging && needs.forwarding_tps <= forwarding
        }
        _ => false,
    }
}

/// IOT-24: a new public instance holds 50 concurrent online devices, 500 devices,
/// 5 messaging TPS and 5 forwarding TPS.
pub fn fits_new_public(needs: &Needs, rates: &IotCatalog) -> bool {
    let limits = &rates.new_public_limits;
    needs.online_devices <= limits.online_devices
        && needs.online_devices <= limits.devices
        && needs.messaging_tps <= limits.messaging_tps
        && needs.forwarding_tps <= limits.forwarding_tps
}

pub fn fits_new_public_warning(rates: &IotCatalog, ctx: &Ctx) -> Warning {
    let l = &rates.new_public_limits;
    Warning::new(
        "fits_new_public_instance",
        text!(ctx, "fleet.fitsNewPublic", online = l.online_devices, devices = l.devices, messaging = l.messaging_tps, forwarding = l.forwarding_tps),
        &["IOT-24", "IOT-2"],
    )
}

/// The cheapest spec that holds the fleet (IOT-23), the earlier one on a tie; or an
/// error at `at` that names the capacity that falls short.
pub fn size(fleet: &Fleet, specs: &[EnterpriseSpec], rates: &IotCatalog, at: &Node<'_>) -> Result<Sizing, Error> {
    let needs = needs(fleet);
    let sized: Vec<&EnterpriseSpec> = specs.iter().filter(|s| s.online_devices.is_some() && s.messaging_tps.is_some() && s.forwarding_tps.is_some()).collect();
    if sized.is_empty() {
        return Err(at.error(
            ErrorCode::MissingPrice,
            text!(at, "fleet.sizingNeedsSpecs"),
        ));
    }
    let best = sized.iter().filter(|s| holds(s, &needs)).min_by(|a, b| a.monthly_price.cmp(&b.monthly_price));
    match best {
        Some(spec) => Ok(sizing_for(fleet, &needs, spec, rates, at.ctx())),
        None => Err(at.error(ErrorCode::NoSpecFits, shortfall(&needs, &sized, at.ctx()))),
    }
}

pub fn sizing_for(fleet: &Fleet, needs: &Needs, spec: &EnterpriseSpec, rates: &IotCatalog, ctx: &Ctx) -> Sizing {
    let forwarding = if needs.forwarding_tps.is_zero() {
        text!(ctx, "sizing.nothingForwarded")
    } else {
        text!(ctx, "sizing.forwarding", tps = shown_tps(needs.forwarding_tps))
    };
    let capacity = match (spec.online_devices, spec.messaging_tps, spec.forwarding_tps) {
        (Some(devices), Some(messaging), Some(forwarding)) => text!(
            ctx,
            "sizing.capacity",
            spec = spec.id,
            devices = Count(devices),
            messaging = messaging.normalize(),
            forwarding = forwarding.normalize()
        ),
        _ => text!(ctx, "sizing.noCapacity", spec = spec.id),
    };
    // One kind of message: its term is the total ("... = 16.67"); several: their sum.
    let terms = fleet.tps_terms(ctx);
    let mut sum = String::new();
    if terms.len() > 1 {
        sum.push_str(" = ");
        crate::text::push_decimal_text(&mut sum, &shown_tps(needs.messaging_tps));
    }
    let formula = text!(
        ctx,
        "sizing.formula",
        terms = terms.join(" + "),
        sum = sum,
        forwarding = forwarding,
        online = Count(needs.online_devices),
        capacity = capacity
    );
    Sizing {
        online_devices: needs.online_devices,
        messaging_tps: shown_tps(needs.messaging_tps),
        forwarding_tps: shown_tps(needs.forwarding_tps),
        spec: spec.id.clone(),
        monthly_price: spec.monthly_price,
        formula,
        fits_new_public_instance: fits_new_public(needs, rates),
        rules: &["IOT-23", "IOT-4"],
    }
}

/// Whether `spec` (with capacities) holds the fleet.
pub fn spec_holds(spec: &EnterpriseSpec, fleet: &Fleet) -> bool {
    holds(spec, &needs(fleet))
}

/// A need shown beside the capacity it exceeds: two decimals, or more where two would
/// round it down to the capacity (60,001 / 600 = 100.0017, not "100").
fn shown_over(need: Decimal, capacity: Decimal) -> Decimal {
    let shown = shown_tps(need);
    if shown > capacity { shown } else { need.round_dp(6).normalize() }
}

fn shortfall(needs: &Needs, specs: &[&EnterpriseSpec], ctx: &Ctx) -> String {
    let max_devices = specs.iter().filter_map(|s| s.online_devices).max().unwrap_or(0);
    let max_messaging = specs.iter().filter_map(|s| s.messaging_tps).max().unwrap_or_default();
    let max_forwarding = specs.iter().filter_map(|s| s.forwarding_tps).max().unwrap_or_default();
    let mut short = Vec::new();
    if needs.online_devices > max_devices {
        short.push(text!(ctx, "sizing.shortDevices", need = Count(needs.online_devices), most = Count(max_devices)));
    }
    if needs.messaging_tps > max_messaging {
        short.push(text!(ctx, "sizing.shortMessaging", need = shown_over(needs.messaging_tps, max_messaging), most = max_messaging.normalize()));
    }
    if needs.forwarding_tps > max_forwarding {
        short.push(text!(ctx, "sizing.shortForwarding", need = shown_over(needs.forwarding_tps, max_forwarding), most = max_forwarding.normalize()));
    }
    if short.is_empty() {
        text!(
            ctx,
            "sizing.noSingleSpec",
            devices = Count(needs.online_devices),
            messaging = shown_tps(needs.messaging_tps),
            forwarding = shown_tps(needs.forwarding_tps)
        )
    } else {
        text!(ctx, "sizing.noSpecFits", short = short.join(&text!(ctx, "list.separator")))
    }
}

/// The days of a month for a fleet (`days`: the first N days).
pub fn month_days(fleet: &Fleet, month: Date, count: u64) -> Vec<DayUsage> {
    super::repeat_day(&fleet.day_usage(month), month, count)
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::iot::billable_on;

    #[test]
    fn every_interface_maps_to_a_category() {
        for i in &INTERFACES {
            assert!(CATEGORIES.iter().any(|c| c.name == i.category), "{}", i.name);
        }
        // IOT-20 / IOT-13: UpdateDeviceShadow is Basic only, InvokeThingService Pro only.
        let by = |n: &str| category_named(INTERFACES.iter().find(|i| i.name == n).unwrap().category);
        assert!(billable_on(by("UpdateDeviceShadow"), Edition::Basic) && !billable_on(by("UpdateDeviceShadow"), Edition::Pro));
        assert!(billable_on(by("InvokeThingService"), Edition::Pro) && !billable_on(by("InvokeThingService"), Edition::Basic));
    }
}
