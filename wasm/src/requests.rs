//! TypeScript declarations of the requests (issue 7): types only, never built at run
//! time. The core decodes requests by hand from a [`alicloud_cost::decode::Value`] (so that
//! every error has a path and a stable code); these mirror types exist so that tsify
//! writes the `.d.ts` from Rust, next to the result types.
//!
//! They cannot drift from the decoders unnoticed: `tests/js/request-types.test.mjs`
//! type-checks every corpus request and thousands of mutations of them (a field
//! dropped, an unknown field added, a name misspelt) and requires `tsc` and the decoder
//! to agree on each; and it compares every literal union here with the names the
//! decoder lists in its own error message.
#![allow(dead_code)] // never constructed: the derive only writes declarations

use tsify::Tsify;

/// A tag field: a literal type such as `"cloudPhone"`, given by `#[tsify(type)]`.
type Tag = ();

// The scalar and literal types the declarations below name. The literal unions are
// checked against the decoders' own lists (tests/js/request-types.test.mjs).
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const REQUEST_SCALARS: &str = r#"
/** Money or a quantity in a request: a decimal string ("0.0457") or a finite number. */
export type DecimalInput = string | number;
/** A whole number: a JS number, or a string of digits for counts above 2^53. */
export type Count = number | string;
/** A calendar date "YYYY-MM-DD" (that day in UTC+8, the billing day) or an RFC 3339 instant. */
export type DateInput = string;
/** A billing month, "YYYY-MM". */
export type YearMonth = string;
/** The embedded Cloud Phone specs (seed 003). A spec added by your catalog is a string: write `"acp.mine" as CloudPhoneSpecId`. */
export type CloudPhoneSpecId = "acp.basic.small" | "acp.std.small" | "acp.std.medium" | "acp.std.large" | "acp.perf.large";
/** Message categories billed on both editions (IOT-13). */
export type BillableCategory = "devicePub" | "deviceRpcRequest" | "revertRpcResponse" | "deviceSubReceived" | "serverPub" | "serverPubBroadcast" | "serverResponse" | "serverRevertRpc" | "subDevice";
/** Message categories that are never billed (IOT-14). */
export type FreeCategory = "connect" | "connAck" | "disconnect" | "pingReq" | "pingResp" | "pubAck" | "subscribe" | "subAck" | "unsubscribe" | "unsubAck" | "rulesEngineForward";
/** Categories a Basic Edition instance sends: device shadow is Basic only (IOT-13). */
export type BasicCategory = BillableCategory | FreeCategory | "deviceShadow";
/** Categories a Pro Edition instance sends: TSL messages are Pro only (IOT-13). */
export type ProCategory = BillableCategory | FreeCategory | "tsl";
/** A subscription's end: a date, or whole months from `start` (month ends clamp). */
export type SubscriptionExpiry = { expiresAt: DateInput; months?: never } | { months: Count; expiresAt?: never };
/** Only subscriptions expire (CP-2, IOT-2). */
export type NoExpiry = { expiresAt?: never; months?: never };
/** Resources that depend on a Cloud Phone group with Internet access (CP-10). */
export type CloudPhoneAttachment = "natGateway" | "eip" | "sharedBandwidth";
/** Resources an overdue pay-as-you-go ECS instance has (ECS-5). */
export type EcsPayAsYouGoAttachment = "dataDisk" | "localDisk" | "staticPublicIp" | "eip" | "snapshots" | "customImage";
/** The pay-as-you-go parts of a subscription ECS instance (ECS-2). */
export type EcsSubscriptionAttachment = "payAsYouGoDisk" | "payByTrafficBandwidth" | "staticPublicIp" | "eip";
/** Interfaces of seed 002's appendix billed on both editions (IOT-20). */
export type BothEditionsInterface = "IOT_CMP_OTA_Start" | "IOT_CMP_OTA_Get_Config" | "IOT_CMP_OTA_Request_Image" | "IOT_CMP_Send" | "IOT_MQTT_Publish" | "IOT_OTA_ReportVersion" | "IOT_OTA_RequestImage" | "IOT_OTA_ReportProgress" | "IOT_OTA_GetConfig" | "IOT_Shadow_Construct" | "IOT_Shadow_RegisterAttribute" | "IOT_Shadow_Push" | "IOT_Shadow_Push_Async" | "IOT_Shadow_Pull" | "IOT_Subdevice_Register" | "IOT_Subdevice_Unregister" | "IOT_Subdevice_Login" | "IOT_Subdevice_Logout" | "IOT_Gateway_Get_TOPO" | "IOT_Gateway_Get_Config" | "IOT_Gateway_Publish_Found_List" | "IOT_Gateway_Publish" | "IOT_Gateway_RRPC_Response" | "IOT_CoAP_SendMessage" | "IOT_HTTP_SendMessage" | "IOT_CMP_Register" | "IOT_MQTT_Subscribe" | "IOT_Gateway_Subscribe" | "IOT_Gateway_RRPC_Register" | "Pub" | "PubBroadcast" | "RRpc" | "DeleteDevice" | "DisableThing" | "EnableThing" | "NotifyAddThingTopo";
/** Interfaces a Basic Edition instance calls: device shadow is Basic only (IOT-20). */
export type BasicInterface = BothEditionsInterface | "UpdateDeviceShadow";
/** Interfaces a Pro Edition instance calls: the TSL calls are Pro only (IOT-20). */
export type ProInterface = BothEditionsInterface | "linkkit_answer_service" | "linkkit_invoke_raw_service" | "linkkit_trigger_event" | "linkkit_invoke_fota_service" | "linkkit_invoke_cota_get_config" | "linkkit_invoke_cota_service" | "InvokeThingService" | "InvokeThingsService" | "SetDeviceProperty" | "SetDevicesProperty";
/** The interfaces that go with a set of categories (Basic, Pro, or both for Enterprise Edition). */
export type InterfaceFor<C> = "deviceShadow" extends C ? ("tsl" extends C ? BasicInterface | ProInterface : BasicInterface) : ProInterface;
/** How often each device sends a message while online: the parts are added up (IOT-22). */
export type FleetInterval = { seconds?: DecimalInput; minutes?: DecimalInput; hours?: DecimalInput };
/** One kind of message of a fleet, per device: `every` (floor(online seconds / interval) a day, IOT-22) or `perDay`. */
export type FleetMessage<C> = ({ every: FleetInterval; perDay?: never } | { perDay: Count; every?: never })
  & ({ category?: C; interface?: never } | { interface: InterfaceFor<C>; category?: never })
  & { bytes: Count; /** Subscribers that each receive it (IOT-22). */ receivers?: Count; /** Forwarded by the rules engine: free (IOT-14), counts for forwarding TPS (IOT-23). */ forwarded?: boolean };
/** A fleet: the living devices of IOT-19, online `onlineHoursPerDay` (0, 24] (default 24). */
export type Fleet<C> = { devices: Count; onlineHoursPerDay?: DecimalInput; messages: FleetMessage<C>[] };
/** A comparison's need: one day's usage every day, or a fleet that may grow (compounded monthly, whole devices rounded down). */
export type PerDayOrFleet<C> = { perDay: DayUsage<C>; fleet?: never; growth?: never }
  | { fleet: Fleet<C>; perDay?: never; growth?: { devicesPercentPerMonth: DecimalInput } };
/** Enterprise Edition sized from a fleet: the cheapest `catalog.iot.enterpriseSpecs` entry that holds it (IOT-23). */
export type FleetSizedEnterprise = { fleet: Fleet<BasicCategory | ProCategory>; spec?: never; monthlyPrice?: never };
/** Makes the fields `K` of every member of the union `T` optional. */
export type WithOptional<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> & Partial<Pick<T, K & keyof T>> : never;
/** A legacy public instance in an account: one day's usage, repeated every day from `start` (`month`, if given, is start's month). */
export type AccountIotLegacyItem<E, C> = Omit<IotLegacyItem<E, C>, "month" | "usage"> & { month?: YearMonth; usage: { perDay: DayUsage<C>; fleet?: never; days?: never } | { fleet: Fleet<C>; perDay?: never; days?: never } };
/**
 * An item of `simulateAccount`: a quote item read over time. A pay-as-you-go item runs until released
 * (`hours`, if given, is a planned release after that long); IoT Enterprise Edition and ECS subscriptions
 * may renew automatically from the account's credit (IOT-10, ECS-12).
 */
export type AccountItem =
  | CloudPhoneSubscriptionItem
  | WithOptional<CloudPhonePayAsYouGoItem, "hours">
  | AccountIotLegacyItem<BasicEdition, BasicCategory>
  | AccountIotLegacyItem<ProEdition, ProCategory>
  | (IotEnterpriseItem & { autoRenew?: boolean })
  | IotNewPublicItem
  | (EcsSubscriptionItem & { autoRenew?: boolean })
  | WithOptional<EcsPayAsYouGoItem, "hours">;
/** Something the customer does: top up the account, renew or release one item (by its index in `items`). */
export type AccountEvent =
  | { at: DateInput; type: "topUp"; amount: DecimalInput }
  | { at: DateInput; type: "renew"; item: Count; months: Count }
  | { at: DateInput; type: "release"; item: Count };
"#;

// ---------------------------------------------------------------- quote

/// `quote(request)`: a cart of 1 to 10,000 items.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct QuoteRequest {
    pub items: Vec<QuoteItem>,
    /// Your prices: added or replaced specs, IoT rates, ECS instance types.
    #[tsify(optional)]
    pub catalog: Option<CatalogOverride>,
    /// The language of every text written for a person (default "en"); codes, numbers
    /// and instants are the same in both.
    #[tsify(type = "Locale", optional)]
    pub locale: Option<Tag>,
    /// At most one discount per item, per product, and for the whole cart.
    #[tsify(optional)]
    pub discounts: Option<Vec<Discount>>,
}

/// One cart item, told apart by `product`, then `billing` or `instance`.
#[derive(Tsify)]
#[serde(untagged)]
pub enum QuoteItem {
    CloudPhoneSubscription(CloudPhoneSubscriptionItem),
    CloudPhonePayAsYouGo(CloudPhonePayAsYouGoItem),
    IotBasic(IotLegacyItem<BasicEdition, BasicCategory>),
    IotPro(IotLegacyItem<ProEdition, ProCategory>),
    IotEnterprise(IotEnterpriseItem),
    IotNewPublic(IotNewPublicItem),
    EcsSubscription(EcsSubscriptionItem),
    EcsPayAsYouGo(EcsPayAsYouGoItem),
}

/// Cloud Phones bought for whole months (CP-2).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneSubscriptionItem {
    #[tsify(type = "\"cloudPhone\"")]
    pub product: Tag,
    #[tsify(type = "\"subscription\"")]
    pub billing: Tag,
    #[tsify(type = "CloudPhoneSpecId")]
    pub spec: Tag,
    #[tsify(type = "Region")]
    pub region: Tag,
    /// Whole months, >= 1.
    #[tsify(type = "Count")]
    pub months: Tag,
    /// Phones in the group (default 1).
    #[tsify(type = "Count", optional)]
    pub quantity: Option<Tag>,
    /// NAT Gateway and EIP, bought with a VPC group and billed by their own products (CP-1).
    #[tsify(type = "boolean | InternetAccess", optional)]
    pub internet_access: Option<Tag>,
}

/// Cloud Phones billed per 4-hour period of the group's lifetime (CP-3, CP-5), or per
/// second for a group created before 2025-05-06 (CP-13).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhonePayAsYouGoItem {
    #[tsify(type = "\"cloudPhone\"")]
    pub product: Tag,
    #[tsify(type = "\"payAsYouGo\"")]
    pub billing: Tag,
    #[tsify(type = "CloudPhoneSpecId")]
    pub spec: Tag,
    #[tsify(type = "Region")]
    pub region: Tag,
    /// The group's lifetime, creation to release, in hours (> 0); a stopped phone is still billed.
    #[tsify(type = "DecimalInput")]
    pub hours: Tag,
    /// When the group was created: before 2025-05-06 00:00 UTC+8 it is billed per second (CP-13).
    #[tsify(type = "DateInput", optional)]
    pub created_at: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub quantity: Option<Tag>,
    #[tsify(type = "boolean | InternetAccess", optional)]
    pub internet_access: Option<Tag>,
}

/// Internet access at your rates (no document publishes them, CP-1).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InternetAccess {
    #[tsify(type = "DecimalInput", optional)]
    pub nat_gateway_per_hour: Option<Tag>,
    #[tsify(type = "DecimalInput", optional)]
    pub eip_per_hour: Option<Tag>,
    /// Hours billed; a pay-as-you-go group's lifetime by default, required for a subscription with rates.
    #[tsify(type = "DecimalInput", optional)]
    pub hours: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub enum BasicEdition {
    Basic,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub enum ProEdition {
    Pro,
}

/// Declared in `REQUEST_SCALARS`.
pub struct BasicCategory;
/// Declared in `REQUEST_SCALARS`.
pub struct ProCategory;
/// Declared in `REQUEST_SCALARS`.
pub struct Fleet<C>(std::marker::PhantomData<C>);
/// Declared in `REQUEST_SCALARS`.
pub struct PerDayOrFleet<C>(std::marker::PhantomData<C>);

/// A legacy public instance (pay-as-you-go) for one month (IOT-11 to IOT-19).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotLegacyItem<E, C> {
    #[tsify(type = "\"iot\"")]
    pub product: Tag,
    #[tsify(type = "\"legacyPublic\"")]
    pub instance: Tag,
    pub edition: E,
    #[tsify(type = "YearMonth")]
    pub month: Tag,
    pub usage: IotUsage<C>,
    /// Messages of the month's free quota already used (IOT-18).
    #[tsify(type = "Count", optional)]
    pub free_quota_used: Option<Tag>,
}

/// The same usage every day (`days`: the first N days, default the whole month), or a table of days.
#[derive(Tsify)]
#[serde(untagged)]
pub enum IotUsage<C> {
    PerDay(PerDayUsage<C>),
    Days(DaysUsage<C>),
    Fleet(FleetUsage<C>),
}

/// A fleet's traffic every day (`days`: the first N days, default the whole month), IOT-22.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FleetUsage<C> {
    pub fleet: Fleet<C>,
    #[tsify(type = "Count", optional)]
    pub days: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PerDayUsage<C> {
    pub per_day: DayUsage<C>,
    #[tsify(type = "Count", optional)]
    pub days: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DaysUsage<C> {
    /// One entry per day; a day without a date is the n-th day of the month.
    pub days: Vec<DatedDayUsage<C>>,
}

/// One day's messages and living devices.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DayUsage<C> {
    pub messages: Vec<MessageBucket<C>>,
    /// Devices that communicated that day (IOT-16).
    #[tsify(type = "Count", optional)]
    pub living_devices: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DatedDayUsage<C> {
    /// "YYYY-MM-DD" in the quoted month.
    #[tsify(type = "string", optional)]
    pub date: Option<Tag>,
    pub messages: Vec<MessageBucket<C>>,
    #[tsify(type = "Count", optional)]
    pub living_devices: Option<Tag>,
}

/// `count` messages of `bytes` each (IOT-12: billed per started 512 bytes).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MessageBucket<C> {
    #[tsify(type = "Count")]
    pub bytes: Tag,
    #[tsify(type = "Count")]
    pub count: Tag,
    /// Default "devicePub".
    #[tsify(optional)]
    pub category: Option<C>,
}

/// Enterprise Edition, a subscription at your monthly price (IOT-3, IOT-4).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotEnterpriseItem {
    #[tsify(type = "\"iot\"")]
    pub product: Tag,
    #[tsify(type = "\"enterprise\"")]
    pub instance: Tag,
    #[tsify(type = "Count")]
    pub months: Tag,
    #[tsify(type = "Count", optional)]
    pub quantity: Option<Tag>,
    /// The free first month (IOT-3).
    #[tsify(optional)]
    pub trial: Option<bool>,
    #[serde(flatten)]
    #[tsify(type = "(GivenEnterprisePrice | CatalogEnterprisePrice | FleetSizedEnterprise)")]
    pub price: Tag,
}

/// No document publishes an Enterprise Edition price (IOT-4): give it, or a spec of your catalog.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GivenEnterprisePrice {
    /// USD per instance per month.
    #[tsify(type = "DecimalInput")]
    pub monthly_price: Tag,
    #[tsify(type = "string", optional)]
    pub spec: Option<Tag>,
}

/// The price of your catalog's Enterprise Edition spec.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CatalogEnterprisePrice {
    /// An id under `catalog.iot.enterpriseSpecs`.
    #[tsify(type = "string")]
    pub spec: Tag,
}

/// A new public instance: free (IOT-2).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotNewPublicItem {
    #[tsify(type = "\"iot\"")]
    pub product: Tag,
    #[tsify(type = "\"newPublic\"")]
    pub instance: Tag,
}

/// ECS for whole months, at your prices per month (ECS-9).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsSubscriptionItem {
    #[tsify(type = "\"ecs\"")]
    pub product: Tag,
    #[tsify(type = "\"subscription\"")]
    pub billing: Tag,
    #[tsify(type = "Count")]
    pub months: Tag,
    #[tsify(type = "Count", optional)]
    pub quantity: Option<Tag>,
    #[serde(flatten)]
    #[tsify(type = "(GivenEcsPricing | CatalogEcsPricing)")]
    pub pricing: Tag,
}

/// ECS for some hours, at your prices per hour (ECS-9).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsPayAsYouGoItem {
    #[tsify(type = "\"ecs\"")]
    pub product: Tag,
    #[tsify(type = "\"payAsYouGo\"")]
    pub billing: Tag,
    #[tsify(type = "DecimalInput")]
    pub hours: Tag,
    #[tsify(type = "Count", optional)]
    pub quantity: Option<Tag>,
    #[serde(flatten)]
    #[tsify(type = "(GivenEcsPricing | CatalogEcsPricing)")]
    pub pricing: Tag,
}

/// ECS prices are not published (ECS-9): give them, or an instance type of your catalog.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GivenEcsPricing {
    #[tsify(type = "string", optional)]
    pub instance_type: Option<Tag>,
    pub prices: EcsPrices,
}

/// Prices from your catalog's instance type.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CatalogEcsPricing {
    /// An id under `catalog.ecs.instanceTypes`; its price fills `prices.instance`.
    #[tsify(type = "string")]
    pub instance_type: Tag,
    #[tsify(type = "Partial<EcsPrices>", optional)]
    pub prices: Option<Tag>,
}

/// Per hour (pay-as-you-go) or per month (subscription), per instance.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsPrices {
    #[tsify(type = "DecimalInput")]
    pub instance: Tag,
    #[tsify(type = "DecimalInput", optional)]
    pub system_disk: Option<Tag>,
    /// At most 64.
    #[tsify(type = "DecimalInput[]", optional)]
    pub data_disks: Option<Tag>,
    #[tsify(type = "DecimalInput", optional)]
    pub bandwidth: Option<Tag>,
}

/// A percent off one item, one product, or the cart (the most specific one applies).
#[derive(Tsify)]
#[serde(untagged)]
pub enum Discount {
    Scoped(ScopedDiscount),
    Item(ItemDiscount),
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ScopedDiscount {
    /// > 0 and <= 100.
    #[tsify(type = "DecimalInput")]
    pub percent: Tag,
    /// Every item of this product; the whole cart when absent.
    #[tsify(type = "Product", optional)]
    pub product: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ItemDiscount {
    #[tsify(type = "DecimalInput")]
    pub percent: Tag,
    /// The item's index in `items`.
    #[tsify(type = "Count")]
    pub item: Tag,
}

// ---------------------------------------------------------------- catalog

/// Your prices, merged into the embedded catalog for one call.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CatalogOverride {
    /// Names the merged catalog in the answer's `catalogVersion`.
    #[tsify(type = "string", optional)]
    pub version: Option<Tag>,
    #[tsify(optional)]
    pub cloud_phone: Option<CloudPhoneCatalogOverride>,
    #[tsify(optional)]
    pub iot: Option<IotCatalogOverride>,
    #[tsify(optional)]
    pub ecs: Option<EcsCatalogOverride>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneCatalogOverride {
    #[tsify(optional)]
    pub specs: Option<Vec<CloudPhoneSpecOverride>>,
    /// CP-13's cut-over: groups created from this moment on are billed in periods.
    #[tsify(type = "DateInput", optional)]
    pub periods_since: Option<Tag>,
}

/// A spec replaced field by field, or added (a new spec needs both regions' prices).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneSpecOverride {
    #[tsify(type = "string")]
    pub id: Tag,
    #[tsify(type = "string", optional)]
    pub edition: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub vcpu: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub memory_gib: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub storage_gib: Option<Tag>,
    #[tsify(optional)]
    pub mainland: Option<SpecPriceOverride>,
    #[tsify(optional)]
    pub international: Option<SpecPriceOverride>,
}

/// USD per phone.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SpecPriceOverride {
    #[tsify(type = "DecimalInput", optional)]
    pub monthly: Option<Tag>,
    #[tsify(type = "DecimalInput", optional)]
    pub hourly: Option<Tag>,
}

/// IoT legacy public rates (IOT-12, IOT-15 to IOT-18) and your Enterprise Edition specs.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotCatalogOverride {
    #[tsify(type = "DecimalInput", optional)]
    pub message_price: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub messages_per_price_unit: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub message_unit_bytes: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub free_messages_per_month: Option<Tag>,
    #[tsify(type = "DecimalInput", optional)]
    pub living_device_price_per_day: Option<Tag>,
    #[tsify(type = "Count", optional)]
    pub free_living_devices_per_day: Option<Tag>,
    #[tsify(optional)]
    pub enterprise_specs: Option<Vec<EnterpriseSpecOverride>>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EnterpriseSpecOverride {
    #[tsify(type = "string")]
    pub id: Tag,
    #[tsify(type = "DecimalInput")]
    pub monthly_price: Tag,
    /// Capacities for sizing a fleet (IOT-23): a spec without all three is never picked.
    #[tsify(type = "Count", optional)]
    pub online_devices: Option<Tag>,
    #[tsify(type = "DecimalInput", optional)]
    pub messaging_tps: Option<Tag>,
    #[tsify(type = "DecimalInput", optional)]
    pub forwarding_tps: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsCatalogOverride {
    pub instance_types: Vec<EcsInstanceTypeOverride>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsInstanceTypeOverride {
    /// Such as "ecs.g7.large".
    #[tsify(type = "string")]
    pub id: Tag,
    #[tsify(type = "DecimalInput", optional)]
    pub hourly: Option<Tag>,
    #[tsify(type = "DecimalInput", optional)]
    pub monthly: Option<Tag>,
}

// ---------------------------------------------------------------- compareBillingMethod

/// `compareBillingMethod(request)`: subscription against pay-as-you-go for the same need.
#[derive(Tsify)]
#[serde(untagged)]
pub enum CompareRequest {
    CloudPhone(CloudPhoneComparison),
    Ecs(EcsComparison),
    IotBasic(IotComparison<BasicEdition, BasicCategory>),
    IotPro(IotComparison<ProEdition, ProCategory>),
}

/// Cloud Phone subscription against pay-as-you-go (CP-3, CP-6, CP-7).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneComparison {
    #[tsify(type = "\"cloudPhone\"")]
    pub product: Tag,
    #[tsify(type = "CloudPhoneSpecId")]
    pub spec: Tag,
    #[tsify(type = "Region")]
    pub region: Tag,
    #[tsify(type = "Count", optional)]
    pub quantity: Option<Tag>,
    pub usage: CloudPhoneComparisonUsage,
    /// The billing method the group has now: `switching` says whether it may move (CP-7).
    #[tsify(type = "Billing", optional)]
    pub current: Option<Tag>,
    /// When an existing pay-as-you-go group was created: before 2025-05-06 it is billed per second (CP-13).
    #[tsify(type = "DateInput", optional)]
    pub created_at: Option<Tag>,
    #[tsify(optional)]
    pub catalog: Option<CatalogOverride>,
    /// The language of every text written for a person (default "en"); codes, numbers
    /// and instants are the same in both.
    #[tsify(type = "Locale", optional)]
    pub locale: Option<Tag>,
}

/// Hours a month (default 730) as one lifetime, or as `cycles` of create-to-release lifetimes.
#[derive(Tsify)]
#[serde(untagged)]
pub enum CloudPhoneComparisonUsage {
    Hours(MonthlyHours),
    Cycles(MonthlyCycles),
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MonthlyHours {
    #[tsify(type = "Count")]
    pub months: Tag,
    /// 0 to 744 (default 730).
    #[tsify(type = "DecimalInput", optional)]
    pub hours_per_month: Option<Tag>,
    /// `"one"` (default): the subscription is one order of `months`, priced as `quote` prices it;
    /// `"monthly"`: `months` one-month orders, each rounded to cents.
    #[tsify(type = "\"one\" | \"monthly\"", optional)]
    pub subscription_orders: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MonthlyCycles {
    #[tsify(type = "Count")]
    pub months: Tag,
    /// Each cycle is billed in whole periods (CP-3): 22 working days of 9 h each.
    pub cycles: Cycles,
    /// `"one"` (default): the subscription is one order of `months`, priced as `quote` prices it;
    /// `"monthly"`: `months` one-month orders, each rounded to cents.
    #[tsify(type = "\"one\" | \"monthly\"", optional)]
    pub subscription_orders: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Cycles {
    /// The lifetime of each cycle, in hours.
    #[tsify(type = "DecimalInput")]
    pub hours: Tag,
    #[tsify(type = "Count")]
    pub per_month: Tag,
}

/// ECS at your prices for both billing methods (ECS-9).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsComparison {
    #[tsify(type = "\"ecs\"")]
    pub product: Tag,
    #[tsify(type = "Count", optional)]
    pub quantity: Option<Tag>,
    pub usage: MonthlyHours,
    #[serde(flatten)]
    #[tsify(type = "({ instanceType?: string; prices: { subscription: EcsPrices; payAsYouGo: EcsPrices } } | { instanceType: string; prices: { subscription: Partial<EcsPrices>; payAsYouGo: Partial<EcsPrices> } })")]
    pub pricing: Tag,
    #[tsify(optional)]
    pub catalog: Option<CatalogOverride>,
    /// The language of every text written for a person (default "en"); codes, numbers
    /// and instants are the same in both.
    #[tsify(type = "Locale", optional)]
    pub locale: Option<Tag>,
}

/// IoT Enterprise Edition (subscription) against a legacy public instance (pay-as-you-go),
/// month by month from `startMonth` with the same usage every day (IOT-2).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotComparison<E, C> {
    #[tsify(type = "\"iot\"")]
    pub product: Tag,
    pub edition: E,
    #[tsify(type = "YearMonth")]
    pub start_month: Tag,
    pub usage: Months,
    /// One day's usage, every day; or (below) a fleet.
    #[serde(flatten)]
    pub need: PerDayOrFleet<C>,
    /// The Enterprise Edition's free first month (IOT-3).
    #[tsify(optional)]
    pub trial: Option<bool>,
    /// Your price, a spec of your catalog, or (with a fleet and neither) the cheapest spec that holds it each month (IOT-23).
    #[serde(flatten)]
    #[tsify(type = "(GivenEnterprisePrice | CatalogEnterprisePrice | { spec?: never; monthlyPrice?: never })")]
    pub price: Tag,
    #[tsify(optional)]
    pub catalog: Option<CatalogOverride>,
    /// The language of every text written for a person (default "en"); codes, numbers
    /// and instants are the same in both.
    #[tsify(type = "Locale", optional)]
    pub locale: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Months {
    #[tsify(type = "Count")]
    pub months: Tag,
    /// `"one"` (default): the subscription is one order of `months`, priced as `quote` prices it;
    /// `"monthly"`: `months` one-month orders, each rounded to cents.
    #[tsify(type = "\"one\" | \"monthly\"", optional)]
    pub subscription_orders: Option<Tag>,
}

// ---------------------------------------------------------------- simulateLifecycle

/// `simulateLifecycle(request)`: told apart by `product`, then the resource's billing or instance.
/// A subscription needs `expiresAt` or `months`; the rest is shared ([`LifecycleCommon`]).
#[derive(Tsify)]
#[serde(untagged)]
pub enum LifecycleRequest {
    CloudPhoneSubscription(CloudPhoneSubscriptionLifecycle),
    CloudPhonePayAsYouGo(CloudPhonePayAsYouGoLifecycle),
    EcsSubscription(EcsSubscriptionLifecycle),
    EcsPayAsYouGo(EcsPayAsYouGoLifecycle),
    IotEnterprise(IotEnterpriseLifecycle),
    IotEnterpriseTrial(IotEnterpriseTrialLifecycle),
    IotPayAsYouGo(IotPayAsYouGoLifecycle),
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhoneSubscriptionLifecycle {
    #[tsify(type = "\"cloudPhone\"")]
    pub product: Tag,
    #[tsify(type = "{ billing: \"subscription\"; attached?: CloudPhoneAttachment[] }")]
    pub resource: Tag,
    #[serde(flatten)]
    #[tsify(type = "(SubscriptionExpiry & LifecycleCommon & NoAutoRenew)")]
    pub common: Tag,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CloudPhonePayAsYouGoLifecycle {
    #[tsify(type = "\"cloudPhone\"")]
    pub product: Tag,
    /// `createdAt` (default: `start`) decides the billing unit (CP-13).
    #[tsify(type = "{ billing: \"payAsYouGo\"; attached?: CloudPhoneAttachment[]; createdAt?: DateInput }")]
    pub resource: Tag,
    #[serde(flatten)]
    #[tsify(type = "(NoExpiry & LifecycleCommon & NoAutoRenew)")]
    pub common: Tag,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsSubscriptionLifecycle {
    #[tsify(type = "\"ecs\"")]
    pub product: Tag,
    #[tsify(type = "{ billing: \"subscription\"; attached?: EcsSubscriptionAttachment[]; economicalMode?: boolean }")]
    pub resource: Tag,
    /// `months` end at 00:00 UTC+8 the day after the expiry date (ECS-10); auto-renewal pays
    /// `renewalPrice` a month from `account` at 08:00, from nine days before expiry (ECS-12).
    #[serde(flatten)]
    #[tsify(type = "(SubscriptionExpiry & LifecycleCommon & (NoAutoRenew | { autoRenew: true; renewalPrice: DecimalInput; account: AccountCredit }))")]
    pub common: Tag,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EcsPayAsYouGoLifecycle {
    #[tsify(type = "\"ecs\"")]
    pub product: Tag,
    /// `economicalMode`: a stopped instance keeps only its disks billed (ECS-6).
    #[tsify(type = "{ billing: \"payAsYouGo\"; attached?: EcsPayAsYouGoAttachment[]; economicalMode?: boolean }")]
    pub resource: Tag,
    #[serde(flatten)]
    #[tsify(type = "(NoExpiry & LifecycleCommon & NoAutoRenew)")]
    pub common: Tag,
}

/// A purchased Enterprise Edition instance; auto-renewal pays `renewalPrice` a month
/// from `account` (IOT-10).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotEnterpriseLifecycle {
    #[tsify(type = "\"iot\"")]
    pub product: Tag,
    #[tsify(type = "{ instance: \"enterprise\"; trial?: false }")]
    pub resource: Tag,
    #[serde(flatten)]
    #[tsify(type = "(SubscriptionExpiry & LifecycleCommon & (NoAutoRenew | { autoRenew: true; renewalPrice: DecimalInput; account: AccountCredit }))")]
    pub common: Tag,
}

/// An Enterprise Edition trial: it lasts `policy.iot.trialMonths` (IOT-3).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotEnterpriseTrialLifecycle {
    #[tsify(type = "\"iot\"")]
    pub product: Tag,
    #[tsify(type = "{ instance: \"enterprise\"; trial: true }")]
    pub resource: Tag,
    #[serde(flatten)]
    #[tsify(type = "(NoExpiry & LifecycleCommon & NoAutoRenew)")]
    pub common: Tag,
}

/// A legacy public instance (pay-as-you-go, IOT-8) or a new public one (free, IOT-2).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IotPayAsYouGoLifecycle {
    #[tsify(type = "\"iot\"")]
    pub product: Tag,
    #[tsify(type = "{ instance: \"legacyPublic\" | \"newPublic\" }")]
    pub resource: Tag,
    #[serde(flatten)]
    #[tsify(type = "(NoExpiry & LifecycleCommon & NoAutoRenew)")]
    pub common: Tag,
}

/// What every lifecycle request may give.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleCommon {
    /// When the resource is created (or the simulation starts).
    #[tsify(type = "DateInput")]
    pub start: Tag,
    /// The end of the simulated period (default: until nothing more can happen, at most 100 years).
    #[tsify(type = "DateInput", optional)]
    pub until: Option<Tag>,
    /// Per month, what a renewal pays (IOT-10); no seed publishes it.
    #[tsify(type = "DecimalInput", optional)]
    pub renewal_price: Option<Tag>,
    /// Balance and coupons: with a cost rate, when they run out is the overdue moment.
    #[tsify(optional)]
    pub account: Option<AccountCredit>,
    /// Pay-as-you-go spend per hour or per day (e.g. a quote's total over its hours).
    #[serde(flatten)]
    #[tsify(type = "({ costPerHour?: DecimalInput; costPerDay?: never } | { costPerDay: DecimalInput; costPerHour?: never })")]
    pub rate: Tag,
    /// State the overdue moment directly (instead of `account`).
    #[tsify(type = "DateInput", optional)]
    pub overdue_at: Option<Tag>,
    /// At most 1,000, within the simulated period.
    #[tsify(optional)]
    pub events: Option<Vec<LifecycleEvent>>,
    /// Day counts are data: change one for this call (`catalog().policies` lists them).
    #[tsify(optional)]
    pub policy: Option<PolicyOverride>,
    /// The language of every text written for a person (default "en"); codes, numbers
    /// and instants are the same in both.
    #[tsify(type = "Locale", optional)]
    pub locale: Option<Tag>,
}

#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct NoAutoRenew {
    /// Auto-renewal is modelled for purchased IoT Enterprise Edition instances only (IOT-10).
    #[tsify(type = "false", optional)]
    pub auto_renew: Option<Tag>,
}

/// An account's credit: balance plus coupons (ECS-1).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AccountCredit {
    #[tsify(type = "DecimalInput")]
    pub balance: Tag,
    #[tsify(type = "DecimalInput", optional)]
    pub coupons: Option<Tag>,
}

/// Something the customer does: top up the balance, renew a subscription, release the resource.
#[derive(Tsify)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum LifecycleEvent {
    TopUp {
        #[tsify(type = "DateInput")]
        at: Tag,
        #[tsify(type = "DecimalInput")]
        amount: Tag,
    },
    Renew {
        #[tsify(type = "DateInput")]
        at: Tag,
        #[tsify(type = "Count")]
        months: Tag,
    },
    Release {
        #[tsify(type = "DateInput")]
        at: Tag,
    },
}

/// Policy values for this call, by product and name (policy.rs NAMES; each a count of its unit).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PolicyOverride {
    /// `"ecsChinaSite"`: an overdue pay-as-you-go ECS stops at once and is released after 15 days (ECS-14).
    #[tsify(type = "\"ecsChinaSite\"", optional)]
    pub preset: Option<Tag>,
    #[tsify(type = "Partial<Record<\"overdueReleaseAfterDays\" | \"subscriptionReleaseAfterExpiryDays\", Count>>", optional)]
    pub cloud_phone: Option<Tag>,
    #[tsify(type = "Partial<Record<\"trialMonths\" | \"enterpriseReleaseAfterExpiryDays\" | \"autoRenewMonths\" | \"autoRenewFirstAttemptDaysBeforeExpiry\" | \"autoRenewLastAttemptDaysBeforeExpiry\" | \"legacyStopAfterOverdueHours\" | \"restoreWithinMinutes\" | \"billWithinHoursAfterCycle\", Count>>", optional)]
    pub iot: Option<Tag>,
    #[tsify(type = "Partial<Record<\"secondDeductionAfterDays\" | \"thirdDeductionAfterDays\" | \"stopAfterDays\" | \"releaseAfterStopDays\" | \"subscriptionReleaseAfterExpiryDays\" | \"autoRenewMonths\" | \"autoRenewFirstAttemptDaysBeforeExpiry\" | \"autoRenewAttemptHour\" | \"autoRenewServingAfterExpiryDays\" | \"autoRenewReleaseAfterExpiryDays\", Count>>", optional)]
    pub ecs: Option<Tag>,
}

/// `simulateAccount(request)`: one credit pays for 1 to 100 items in quote's shapes (API.md).
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AccountRequest {
    /// When the simulation starts: the items exist and the subscriptions are bought.
    #[tsify(type = "DateInput")]
    pub start: Tag,
    /// The end of the simulated period; with it, `keepRunning` says what top-up lasts until then.
    #[tsify(type = "DateInput", optional)]
    pub until: Option<Tag>,
    /// Balance and coupons at `start`: they pay every item's bills and auto-renewals.
    pub account: AccountCredit,
    #[tsify(type = "AccountItem[]")]
    pub items: Tag,
    /// At most 10,000, within the simulated period.
    #[tsify(type = "AccountEvent[]", optional)]
    pub events: Option<Tag>,
    #[tsify(optional)]
    pub catalog: Option<CatalogOverride>,
    #[tsify(optional)]
    pub policy: Option<PolicyOverride>,
    /// The language of every text written for a person (default "en"); codes, numbers
    /// and instants are the same in both.
    #[tsify(type = "Locale", optional)]
    pub locale: Option<Tag>,
}
