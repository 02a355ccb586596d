//! What `simulateLifecycle` and `simulateAccount` answer: the timeline of a resource or
//! of an account, the states and the fates of a resource's parts. Below the engine that
//! fills them in.

use crate::bill::{Product, Warning};
use crate::money::{serialize_decimal, serialize_optional_decimal};
use crate::time::Instant;
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a resource stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum State {
    /// An account's subscription whose purchase the credit could not pay
    /// (`subscriptions: "buyAtStart"`): it never runs.
    NotPurchased,
    Running,
    /// The account owes money. Whether the service still works depends on the product:
    /// see `serviceAvailable` (Cloud Phone: no, CP-9; ECS and IoT: yes, for a while).
    Overdue,
    /// Stopped for an overdue payment: data kept, no service.
    Stopped,
    /// A subscription past its expiry and not renewed: data kept, no service.
    Expired,
    /// Released: the resource and its data are gone.
    Released,
}

/// What happened at a moment of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Event {
    /// The account's own first entry: its balance and coupons.
    Opened,
    /// The resource exists from `start` (an account's subscription: bought then).
    Created,
    /// The credit could not buy an account's subscription at `start`: it never runs.
    PurchaseRefused,
    TopUp,
    /// The first bill the credit cannot pay.
    Overdue,
    /// ECS-3: a deduction attempt after the settlement date fails.
    DeductionRetry,
    Stopped,
    /// ECS-4: the pay-as-you-go parts of a subscription stop billing.
    PayAsYouGoStopped,
    /// ECS-4: the pay-as-you-go disk of a subscription is released.
    PayAsYouGoReleased,
    Released,
    /// What was owed is paid (an account's item, after the account's top-up).
    Settled,
    /// IOT-9: service is back after a payment or renewal.
    Restored,
    Expired,
    Renewed,
    RenewRefused,
    AutoRenewed,
    AutoRenewFailed,
    /// The end of the simulated period (`until`).
    HorizonEnd,
}

/// A part of a resource whose fate the answer follows (CP-10, ECS-2, ECS-5, ECS-11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Part {
    InstanceGroup,
    Compute,
    SystemDisk,
    DataDisk,
    LocalDisk,
    StaticPublicIp,
    Eip,
    Snapshots,
    CustomImage,
    PayAsYouGoDisk,
    PayByTrafficBandwidth,
    NatGateway,
    SharedBandwidth,
}

impl Part {
    /// The names a request's `resource.attached` uses, which are the answer's.
    pub const NAMES: [(&'static str, Part); 13] = [
        ("instanceGroup", Part::InstanceGroup),
        ("compute", Part::Compute),
        ("systemDisk", Part::SystemDisk),
        ("dataDisk", Part::DataDisk),
        ("localDisk", Part::LocalDisk),
        ("staticPublicIp", Part::StaticPublicIp),
        ("eip", Part::Eip),
        ("snapshots", Part::Snapshots),
        ("customImage", Part::CustomImage),
        ("payAsYouGoDisk", Part::PayAsYouGoDisk),
        ("payByTrafficBandwidth", Part::PayByTrafficBandwidth),
        ("natGateway", Part::NatGateway),
        ("sharedBandwidth", Part::SharedBandwidth),
    ];

    pub fn name(self) -> &'static str {
        Part::NAMES.iter().find(|(_, p)| *p == self).map_or("", |(n, _)| n)
    }
}

/// One moment of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub at: Instant,
    pub event: Event,
    /// The state right after the event.
    pub state: State,
    /// Whether the customer can use the resource right after the event.
    pub service_available: bool,
    /// Whether pay-as-you-go charges accrue right after the event.
    pub billing: bool,
    /// Balance plus coupons after the event and the bills deducted so far, rounded to
    /// cents (negative: owed); null when the request gives no account.
    #[serde(serialize_with = "serialize_optional_decimal")]
    pub credit: Option<Decimal>,
    pub effects: Vec<String>,
    pub rules: Vec<&'static str>,
}

/// What one part of the resource goes through (ECS-5, ECS-2, CP-10).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceFate {
    pub resource: Part,
    pub phases: Vec<Phase>,
    pub rules: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    pub from: Instant,
    pub to: Instant,
    pub status: ResourceStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceStatus {
    Active,
    /// Exists but cannot be used (ECS-2: a pay-as-you-go disk of a subscription instance while overdue).
    Unavailable,
    /// Kept with its data, but gives no service (stopped, expired).
    Retained,
    Released,
    /// Has its own lifecycle, unaffected by this resource's (an EIP, ECS-5; CP-10).
    Independent,
}

/// `simulateAccount`'s `subscriptions`: how the account's subscriptions are paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Subscriptions {
    /// Bought at `start` from the shared credit (the default).
    BuyAtStart,
    /// Bought before `start`: nothing of them leaves the credit.
    AlreadyPaid,
}

/// The simulated period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Horizon {
    pub from: Instant,
    pub to: Instant,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    pub product: Product,
    pub currency: &'static str,
    pub horizon: Horizon,
    /// In time order; events at the same moment in the order they took effect.
    pub timeline: Vec<Entry>,
    pub final_state: State,
    /// When the resource's data is deleted, if it is within the horizon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_deleted_at: Option<Instant>,
    /// The last moment to pay or renew before the service is interrupted, if it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_safe_moment: Option<Instant>,
    /// When the starting credit (balance plus coupons) runs out at the given rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_runs_out_at: Option<Instant>,
    /// What each part of the resource goes through (ECS-5, ECS-2, CP-10); absent when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ResourceFate>,
    /// Pay-as-you-go charges over the horizon plus renewals paid, rounded half-up to cents.
    #[serde(serialize_with = "serialize_decimal")]
    pub billed: Decimal,
    pub warnings: Vec<Warning>,
}

/// One moment of the account's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountEntry {
    pub at: Instant,
    /// The item the entry is about; absent for the account's own entries (a top-up,
    /// the credit running out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    pub event: Event,
    /// The item's state right after the event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<State>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_available: Option<bool>,
    /// Balance plus coupons after the event, rounded to cents (negative: owed).
    #[serde(serialize_with = "serialize_decimal")]
    pub credit: Decimal,
    pub effects: Vec<String>,
    pub rules: Vec<&'static str>,
}

/// The first moment an item loses service.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Interruption {
    pub at: Instant,
    pub item: usize,
    pub event: Event,
}

/// How an account's subscription was paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Purchase {
    /// Bought at `start` from the account's credit (`subscriptions: "buyAtStart"`).
    Bought,
    /// The credit could not pay `prepaid` at `start`: not bought, it never runs.
    Refused,
    /// Bought before `start`, not from this credit (`subscriptions: "alreadyPaid"`).
    AlreadyPaid,
}

/// What one item goes through.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountItemOutcome {
    pub index: usize,
    pub product: Product,
    pub description: String,
    pub final_state: State,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_deleted_at: Option<Instant>,
    /// The last moment to pay or renew before this item loses service, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_safe_moment: Option<Instant>,
    /// A subscription's order as `quote` prices it (0.00 for pay-as-you-go).
    #[serde(serialize_with = "serialize_decimal")]
    pub prepaid: Decimal,
    /// A subscription's: whether `prepaid` left this credit at `start`, was refused, or
    /// was paid before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase: Option<Purchase>,
    /// Charged over the simulated period: pay-as-you-go use and renewals (not the
    /// purchase), rounded to cents.
    #[serde(serialize_with = "serialize_decimal")]
    pub billed: Decimal,
}

/// The smallest top-up at `start`, in cents, with which every payment (the purchases at
/// `start`, every bill, every auto-renewal) is paid when it falls due until `until`, as
/// with unlimited credit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeepRunning {
    pub until: Instant,
    #[serde(serialize_with = "serialize_decimal")]
    pub top_up: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub currency: &'static str,
    /// How the subscriptions were paid for: bought at `start` from the credit, or before.
    pub subscriptions: Subscriptions,
    pub horizon: Horizon,
    /// When the starting credit (balance plus coupons) runs out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit_runs_out_at: Option<Instant>,
    /// One second before the first interruption: the last moment to act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_safe_moment: Option<Instant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_interruption: Option<Interruption>,
    /// Every item's events and the account's, in time order.
    pub timeline: Vec<AccountEntry>,
    pub items: Vec<AccountItemOutcome>,
    /// The subscriptions bought from the credit at `start`, summed.
    #[serde(serialize_with = "serialize_decimal")]
    pub prepaid: Decimal,
    /// The items' `billed`, summed.
    #[serde(serialize_with = "serialize_decimal")]
    pub billed: Decimal,
    /// The credit at the end, rounded to cents (negative: owed).
    #[serde(serialize_with = "serialize_optional_decimal")]
    pub final_credit: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_running: Option<KeepRunning>,
    pub warnings: Vec<Warning>,
}
