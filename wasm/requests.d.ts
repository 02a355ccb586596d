// TypeScript declarations of the requests, written by hand (issue 30): the core decodes
// requests by hand (for exact paths and codes), so there is no Rust type to derive them from.
// wasm/src/lib.rs puts this file into pkg/alicloud_cost.d.ts. tests/js/request-types.test.mjs
// keeps it true: tsc and the decoder must agree on every corpus request and thousands of
// mutations of them, and every literal union here must equal the names the decoder lists.
// The result types are in results.d.ts.

// ---------------------------------------------------------------- scalars and names
/** Money or a quantity in a request: a decimal string ("0.0457") or a finite number. */
export type DecimalInput = string | number;

/** A whole number: a JS number, or a string of digits for counts above 2^53. */
export type Count = number | string;

/** A calendar date "YYYY-MM-DD" (that day in UTC+8, the billing day) or an RFC 3339 instant. */
export type DateInput = string;

/** A billing month, "YYYY-MM". */
export type YearMonth = string;

/** A time of day on the billing day (UTC+8), "HH:MM:SS" from 00:00:00 to 23:59:59. */
export type ClockTime = string;

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

/** A fleet of the connection-and-messages generation: any category (it has no edition, IOT-25), and how it connects (IOT-26, IOT-30). */
export type ConnectionFleet = Fleet<AnyCategory> & { connection?: Connection };

/** Every message category: the connection-and-messages generation bills device shadow and TSL alike (IOT-27). */
export type AnyCategory = BasicCategory | ProCategory;

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
 * A legacy public instance billed by connection minutes and messages in an account or a lifecycle:
 * one day's usage, repeated every day from `start`, billed per day (IOT-29); `monthToDate` is what
 * the start's month counted before `start` (`month`, if given, is start's month).
 */
export type AccountIotConnectionItem = Omit<IotConnectionItem, "month" | "usage"> & { month?: YearMonth; usage: RepeatedConnectionUsage };

/** One day's usage of the connection-and-messages generation, repeated every day. */
export type RepeatedConnectionUsage = { perDay: ConnectionDayUsage; fleet?: never; days?: never } | { fleet: ConnectionFleet; perDay?: never; days?: never };

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
| AccountIotConnectionItem
| (IotEnterpriseItem & { autoRenew?: boolean })
| IotNewPublicItem
| (EcsSubscriptionItem & { autoRenew?: boolean })
| WithOptional<EcsPayAsYouGoItem, "hours">;

/** Something the customer does: top up the account, renew or release one item (by its index in `items`). */
export type AccountEvent =
| { at: DateInput; type: "topUp"; amount: DecimalInput }
| { at: DateInput; type: "renew"; item: Count; months: Count }
| { at: DateInput; type: "release"; item: Count };

// ---------------------------------------------------------------- quote
/**
 * `quote(request)`: a cart of 1 to 10,000 items.
 */
export interface QuoteRequest {
    items: QuoteItem[];
    /**
     * Your prices, in the site's currency: added or replaced specs, IoT rates, ECS instance types.
     */
    catalog?: CatalogOverride;
    /**
     * The connection-and-messages generation's policies (IOT-28, IOT-29).
     */
    policy?: QuotePolicy;
    /**
     * The Alibaba Cloud site (default "international"): the answer's currency and prices (SITE-1).
     */
    site?: Site;
    /**
     * The language of every text written for a person (default "en"); codes, numbers
     * and instants are the same in both.
     */
    locale?: Locale;
    /**
     * At most one discount per item, per product, and for the whole cart.
     */
    discounts?: Discount[];
}

/**
 * One cart item, told apart by `product`, then `billing` or `instance`.
 */
export type QuoteItem = CloudPhoneSubscriptionItem | CloudPhonePayAsYouGoItem | CloudPhoneRunningItem | IotLegacyItem<BasicEdition, BasicCategory> | IotLegacyItem<ProEdition, ProCategory> | IotConnectionItem | IotEnterpriseItem | IotNewPublicItem | EcsSubscriptionItem | EcsPayAsYouGoItem | EcsRunningItem | EipItem | NatGatewayItem;

/** An Alibaba Cloud site: each sells in its own currency (SITE-1). */
export type Site = "international" | "china" | "japan";

/** IOT-28's and IOT-29's choices, for the connection-and-messages generation. */
export interface QuotePolicy {
    iot?: {
        /** "firstTwoMonths" (default): the month of `activated` and the next; "everyMonth": the Japan page's reading. */
        freeQuota?: "firstTwoMonths" | "everyMonth";
        /** How each day's amount is cut to the currency's unit: "truncate" (default) or "halfUp". */
        dailyAmounts?: "truncate" | "halfUp";
    };
}

/**
 * A legacy public instance billed by connection minutes and messages (IOT-25..IOT-30), for one month.
 */
export interface IotConnectionItem {
    product: "iot";
    instance: "legacyPublic";
    pricing: "connectionAndMessages";
    /**
     * This generation has no edition (IOT-25).
     */
    edition?: never;
    month: YearMonth;
    /**
     * When IoT Platform was first activated on the account (in practice, the instance's
     * activation): the free quota's first two months (IOT-28). Absent: past them.
     */
    activated?: DateInput;
    /**
     * Units counted this month before the first day given: they move the tiers and the free quota.
     */
    monthToDate?: { messages?: Count; connectionMinutes?: Count };
    usage: ConnectionUsage;
}

/**
 * The same day every day (`days`: the first N, from activation in its month), a table of days, or a fleet.
 */
export type ConnectionUsage = { perDay: ConnectionDayUsage; days?: Count } | { days: (ConnectionDayUsage & { date?: string })[] } | { fleet: ConnectionFleet; days?: Count };

/**
 * One day's messages, and its connection minutes as counted or as sessions (IOT-26).
 */
export type ConnectionDayUsage = { messages: MessageBucket<AnyCategory>[] } & ({ connectionMinutes?: Count; connections?: never } | { connections: ConnectionSession[]; connectionMinutes?: never });

/**
 * A connection of `devices` devices (default 1) from `from` to `to`, both included, counted in
 * natural clock minutes (IOT-26). Sessions of one `group` are the same devices reconnecting;
 * a session past midnight is given as two.
 */
export interface ConnectionSession {
    from: ClockTime;
    to: ClockTime;
    devices?: Count;
    group?: string;
    /**
     * Default "mqtt": only MQTT pays connection minutes.
     */
    connection?: Connection;
}

/** How devices connect (IOT-26): CoAP, HTTP and sub-devices pay no connection minutes. */
export type Connection = "mqtt" | "coap" | "http" | "subDevice";

/**
 * Cloud Phones bought for whole months (CP-2).
 */
export interface CloudPhoneSubscriptionItem {
    product: "cloudPhone";
    billing: "subscription";
    spec: CloudPhoneSpecId;
    region: Region;
    /**
     * Whole months, >= 1.
     */
    months: Count;
    /**
     * Phones in the group (default 1).
     */
    quantity?: Count;
    /**
     * NAT Gateway and EIP, bought with a VPC group and billed by their own products (CP-1).
     */
    internetAccess?: boolean | InternetAccess;
}

/**
 * Cloud Phones billed per 4-hour period of the group's lifetime (CP-3, CP-5), or per
 * second for a group created before 2025-05-06 (CP-13).
 */
export interface CloudPhonePayAsYouGoItem {
    product: "cloudPhone";
    billing: "payAsYouGo";
    spec: CloudPhoneSpecId;
    region: Region;
    /**
     * The group's lifetime, creation to release, in hours (> 0); a stopped phone is still billed.
     */
    hours: DecimalInput;
    /**
     * When the group was created: before 2025-05-06 00:00 UTC+8 it is billed per second (CP-13).
     */
    createdAt?: DateInput;
    quantity?: Count;
    internetAccess?: boolean | InternetAccess;
}

/**
 * A pay-as-you-go group kept running: its hours each month at the hourly price. It is billed every
 * hour it exists (CP-13); its 4-hour period (CP-3) rounds once, when it is released. A monthly amount.
 */
export interface CloudPhoneRunningItem {
    product: "cloudPhone";
    billing: "payAsYouGo";
    spec: CloudPhoneSpecId;
    region: Region;
    /**
     * Hours a month, > 0 and <= 744 (730 for a whole average month).
     */
    hoursPerMonth: DecimalInput;
    quantity?: Count;
    internetAccess?: boolean | InternetAccess;
}

/**
 * Internet access at your rates (no document publishes them, CP-1).
 */
export interface InternetAccess {
    natGatewayPerHour?: DecimalInput;
    eipPerHour?: DecimalInput;
    /**
     * Hours billed; a pay-as-you-go group's lifetime by default, required for a subscription with rates.
     */
    hours?: DecimalInput;
}

export type BasicEdition = "basic";

export type ProEdition = "pro";

/**
 * A legacy public instance (pay-as-you-go) for one month (IOT-11 to IOT-19).
 */
export interface IotLegacyItem<E, C> {
    product: "iot";
    instance: "legacyPublic";
    /**
     * Seed 002's Basic and Pro editions (the default while `edition` is given, IOT-25).
     */
    pricing?: "basicPro";
    edition: E;
    month: YearMonth;
    usage: IotUsage<C>;
    /**
     * Messages of the month's free quota already used (IOT-18).
     */
    freeQuotaUsed?: Count;
}

/**
 * The same usage every day (`days`: the first N days, default the whole month), or a table of days.
 */
export type IotUsage<C> = PerDayUsage<C> | DaysUsage<C> | FleetUsage<C>;

/**
 * A fleet's traffic every day (`days`: the first N days, default the whole month), IOT-22.
 */
export interface FleetUsage<C> {
    fleet: Fleet<C>;
    days?: Count;
}

export interface PerDayUsage<C> {
    perDay: DayUsage<C>;
    days?: Count;
}

export interface DaysUsage<C> {
    /**
     * One entry per day; a day without a date is the n-th day of the month.
     */
    days: DatedDayUsage<C>[];
}

/**
 * One day's messages and living devices.
 */
export interface DayUsage<C> {
    messages: MessageBucket<C>[];
    /**
     * Devices that communicated that day (IOT-16).
     */
    livingDevices?: Count;
}

export interface DatedDayUsage<C> {
    /**
     * "YYYY-MM-DD" in the quoted month.
     */
    date?: string;
    messages: MessageBucket<C>[];
    livingDevices?: Count;
}

/**
 * `count` messages of `bytes` each (IOT-12: billed per started 512 bytes).
 */
export interface MessageBucket<C> {
    bytes: Count;
    count: Count;
    /**
     * Default "devicePub".
     */
    category?: C;
}

/**
 * Enterprise Edition, a subscription at your monthly price (IOT-3, IOT-4).
 */
export type IotEnterpriseItem = { product: "iot"; instance: "enterprise"; months: Count; quantity?: Count; trial?: boolean } & (GivenEnterprisePrice | CatalogEnterprisePrice | FleetSizedEnterprise);

/**
 * No document publishes an Enterprise Edition price (IOT-4): give it, or a spec of your catalog.
 */
export interface GivenEnterprisePrice {
    /**
     * USD per instance per month.
     */
    monthlyPrice: DecimalInput;
    spec?: string;
}

/**
 * The price of your catalog's Enterprise Edition spec.
 */
export interface CatalogEnterprisePrice {
    /**
     * An id under `catalog.iot.enterpriseSpecs`.
     */
    spec: string;
}

/**
 * A new public instance: free (IOT-2).
 */
export interface IotNewPublicItem {
    product: "iot";
    instance: "newPublic";
}

/**
 * ECS for whole months, at your prices per month (ECS-9).
 */
export type EcsSubscriptionItem = { product: "ecs"; billing: "subscription"; months: Count; quantity?: Count } & (GivenEcsPricing | CatalogEcsPricing | DataDisksAlone);

/**
 * ECS for some hours, at your prices per hour (ECS-9).
 */
export type EcsPayAsYouGoItem = { product: "ecs"; billing: "payAsYouGo"; hours: DecimalInput; quantity?: Count } & (GivenEcsPricing | CatalogEcsPricing | DataDisksAlone);

/**
 * ECS kept running, its hours each month at your prices per hour (ECS-9): a monthly amount.
 */
export type EcsRunningItem = { product: "ecs"; billing: "payAsYouGo"; hoursPerMonth: DecimalInput; quantity?: Count } & (GivenEcsPricing | CatalogEcsPricing | DataDisksAlone);

/**
 * ECS prices are not published (ECS-9): give them, or an instance type of your catalog.
 */
export interface GivenEcsPricing {
    instanceType?: string;
    prices: EcsPrices;
}

/**
 * Prices from your catalog's instance type.
 */
export interface CatalogEcsPricing {
    /**
     * An id under `catalog.ecs.instanceTypes`; its price fills `prices.instance`.
     */
    instanceType: string;
    prices?: Partial<EcsPrices>;
}

/**
 * Per hour (pay-as-you-go) or per month (subscription), per instance.
 */
export interface EcsPrices {
    instance: DecimalInput;
    systemDisk?: DecimalInput;
    /**
     * At most 64.
     */
    dataDisks?: DecimalInput[];
    bandwidth?: DecimalInput;
}

/**
 * Data disks bought on their own (a Terraform `alicloud_ecs_disk`): no instance, only disk prices (ECS-9).
 */
export interface DataDisksAlone {
    instanceType?: never;
    prices: { dataDisks: [DecimalInput, ...DecimalInput[]]; instance?: never; systemDisk?: never; bandwidth?: never };
}

/**
 * Whole months of a subscription, or pay-as-you-go for one lifetime of `hours` or every month for `hoursPerMonth`.
 */
export type NetworkTerm =
| { billing: "subscription"; months: Count; hours?: never; hoursPerMonth?: never }
| { billing: "payAsYouGo"; hours: DecimalInput; months?: never; hoursPerMonth?: never }
| { billing: "payAsYouGo"; hoursPerMonth: DecimalInput; months?: never; hours?: never };

/**
 * An Elastic IP Address: its own product (CP-1), at your prices per hour or per month, per
 * address: its address fee and its bandwidth, at least one. With `mbps` (the address's
 * bandwidth, up to 10,000), `prices.bandwidth` is per Mbps and its line counts Mbps-hours
 * (Mbps-months), as Alibaba prices EIP bandwidth.
 */
export type EipItem = { product: "eip"; quantity?: Count; mbps?: DecimalInput; prices: { address: DecimalInput; bandwidth?: DecimalInput } | { address?: DecimalInput; bandwidth: DecimalInput } } & NetworkTerm;

/**
 * A NAT Gateway: its own product (CP-1), at your price per hour or per month. `specification`
 * is a label for the description, such as "Small" or "Enhanced".
 */
export type NatGatewayItem = { product: "natGateway"; quantity?: Count; specification?: string; prices: { gateway: DecimalInput } } & NetworkTerm;

/**
 * A percent off one item, one product, or the cart (the most specific one applies).
 */
export type Discount = ScopedDiscount | ItemDiscount;

export interface ScopedDiscount {
    /**
     * > 0 and <= 100.
     */
    percent: DecimalInput;
    /**
     * Every item of this product; the whole cart when absent.
     */
    product?: Product;
}

export interface ItemDiscount {
    percent: DecimalInput;
    /**
     * The item's index in `items`.
     */
    item: Count;
}

// ---------------------------------------------------------------- catalog overrides (every function's `catalog`)
/**
 * Your prices, merged into the embedded catalog for one call.
 */
export interface CatalogOverride {
    /**
     * Names the merged catalog in the answer's `catalogVersion`.
     */
    version?: string;
    cloudPhone?: CloudPhoneCatalogOverride;
    iot?: IotCatalogOverride;
    ecs?: EcsCatalogOverride;
}

/**
 * Specs, or CP-13's cut-over: groups created from `periodsSince` on are billed in periods.
 */
export type CloudPhoneCatalogOverride = { specs: CloudPhoneSpecOverride[]; periodsSince?: DateInput } | { periodsSince: DateInput; specs?: CloudPhoneSpecOverride[] };

/**
 * A spec replaced field by field, or added (a new spec needs both regions' prices).
 */
export interface CloudPhoneSpecOverride {
    id: string;
    edition?: string;
    vcpu?: Count;
    memoryGib?: Count;
    storageGib?: Count;
    mainland?: SpecPriceOverride;
    international?: SpecPriceOverride;
}

/**
 * Per phone, in the site's currency.
 */
export interface SpecPriceOverride {
    monthly?: DecimalInput;
    hourly?: DecimalInput;
}

/**
 * IoT legacy public rates (IOT-12, IOT-15 to IOT-18) and your Enterprise Edition specs.
 */
export interface IotCatalogOverride {
    messagePrice?: DecimalInput;
    messagesPerPriceUnit?: Count;
    messageUnitBytes?: Count;
    freeMessagesPerMonth?: Count;
    livingDevicePricePerDay?: DecimalInput;
    freeLivingDevicesPerDay?: Count;
    enterpriseSpecs?: EnterpriseSpecOverride[];
    /**
     * The connection-and-messages generation's prices, in the site's currency (SITE-1):
     * `messageTiers` replaces the site's tiers (the first above 0, each above the last).
     */
    connectionAndMessages?: {
        messageTiers?: { above: Count; price: DecimalInput }[];
        minutePrice?: DecimalInput;
        freeMessagesPerMonth?: Count;
        freeMinutesPerMonth?: Count;
    };
}

export interface EnterpriseSpecOverride {
    id: string;
    monthlyPrice: DecimalInput;
    /**
     * Capacities for sizing a fleet (IOT-23): a spec without all three is never picked.
     */
    onlineDevices?: Count;
    messagingTps?: DecimalInput;
    forwardingTps?: DecimalInput;
}

export interface EcsCatalogOverride {
    instanceTypes: EcsInstanceTypeOverride[];
}

export interface EcsInstanceTypeOverride {
    /**
     * Such as "ecs.g7.large".
     */
    id: string;
    hourly?: DecimalInput;
    monthly?: DecimalInput;
}

// ---------------------------------------------------------------- compareBillingMethod
/**
 * `compareBillingMethod(request)`: subscription against pay-as-you-go for the same need.
 */
export type CompareRequest = CloudPhoneComparison | EcsComparison | IotComparison<BasicEdition, BasicCategory> | IotComparison<ProEdition, ProCategory> | IotOptionsComparison;

/**
 * Every IoT option that can carry a fleet (no `edition`): both legacy generations, Enterprise
 * Edition at your price or sized from your catalog, a new public instance where it fits.
 */
export type IotOptionsComparison = {
    product: "iot";
    edition?: never;
    startMonth: YearMonth;
    usage: { months: Count };
    fleet: ConnectionFleet;
    growth?: { devicesPercentPerMonth: DecimalInput };
    /**
     * When IoT Platform was first activated: the connection-and-messages generation's free quota (IOT-28).
     */
    activated?: DateInput;
    policy?: QuotePolicy;
    trial?: boolean;
    catalog?: CatalogOverride;
    locale?: Locale;
    site?: Site;
} & (GivenEnterprisePrice | CatalogEnterprisePrice | { spec?: never; monthlyPrice?: never });

/**
 * Cloud Phone subscription against pay-as-you-go (CP-3, CP-6, CP-7).
 */
export interface CloudPhoneComparison {
    product: "cloudPhone";
    spec: CloudPhoneSpecId;
    region: Region;
    quantity?: Count;
    usage: CloudPhoneComparisonUsage;
    /**
     * The billing method the group has now: `switching` says whether it may move (CP-7).
     */
    current?: Billing;
    /**
     * When an existing pay-as-you-go group was created: before 2025-05-06 it is billed per second (CP-13).
     */
    createdAt?: DateInput;
    catalog?: CatalogOverride;
    /**
     * The language of every text written for a person (default "en"); codes, numbers
     * and instants are the same in both.
     */
    locale?: Locale;
    site?: Site;
}

/**
 * Hours a month (default 730) as one lifetime, or as `cycles` of create-to-release lifetimes.
 */
export type CloudPhoneComparisonUsage = MonthlyHours | MonthlyCycles;

export interface MonthlyHours {
    months: Count;
    /**
     * 0 to 744 (default 730).
     */
    hoursPerMonth?: DecimalInput;
    /**
     * `"one"` (default): the subscription is one order of `months`, priced as `quote` prices it;
     * `"monthly"`: `months` one-month orders, each rounded to cents.
     */
    subscriptionOrders?: "one" | "monthly";
}

export interface MonthlyCycles {
    months: Count;
    /**
     * Each cycle is billed in whole periods (CP-3): 22 working days of 9 h each.
     */
    cycles: Cycles;
    /**
     * `"one"` (default): the subscription is one order of `months`, priced as `quote` prices it;
     * `"monthly"`: `months` one-month orders, each rounded to cents.
     */
    subscriptionOrders?: "one" | "monthly";
}

export interface Cycles {
    /**
     * The lifetime of each cycle, in hours.
     */
    hours: DecimalInput;
    perMonth: Count;
}

/**
 * ECS at your prices for both billing methods (ECS-9).
 */
export type EcsComparison = { product: "ecs"; quantity?: Count; usage: MonthlyHours; catalog?: CatalogOverride; locale?: Locale; site?: Site } & ({ instanceType?: string; prices: { subscription: EcsPrices; payAsYouGo: EcsPrices } } | { instanceType: string; prices: { subscription: Partial<EcsPrices>; payAsYouGo: Partial<EcsPrices> } });

/**
 * IoT Enterprise Edition (subscription) against a legacy public instance (pay-as-you-go),
 * month by month from `startMonth` with the same usage every day (IOT-2).
 */
export type IotComparison<E, C> = { product: "iot"; edition: E; startMonth: YearMonth; usage: Months; trial?: boolean; catalog?: CatalogOverride; locale?: Locale; site?: Site } & PerDayOrFleet<C> & (GivenEnterprisePrice | CatalogEnterprisePrice | { spec?: never; monthlyPrice?: never });

export interface Months {
    months: Count;
    /**
     * `"one"` (default): the subscription is one order of `months`, priced as `quote` prices it;
     * `"monthly"`: `months` one-month orders, each rounded to cents.
     */
    subscriptionOrders?: "one" | "monthly";
}

// ---------------------------------------------------------------- simulateLifecycle and simulateAccount
/**
 * `simulateLifecycle(request)`: told apart by `product`, then the resource's billing or instance.
 * A subscription needs `expiresAt` or `months`; the rest is shared ([`LifecycleCommon`]).
 */
export type LifecycleRequest = CloudPhoneSubscriptionLifecycle | CloudPhonePayAsYouGoLifecycle | EcsSubscriptionLifecycle | EcsPayAsYouGoLifecycle | IotEnterpriseLifecycle | IotEnterpriseTrialLifecycle | IotPayAsYouGoLifecycle | IotConnectionLifecycle;

export type CloudPhoneSubscriptionLifecycle = { product: "cloudPhone"; resource: { billing: "subscription"; attached?: CloudPhoneAttachment[] } } & (SubscriptionExpiry & LifecycleCommon & NoAutoRenew);

export type CloudPhonePayAsYouGoLifecycle = { product: "cloudPhone"; resource: { billing: "payAsYouGo"; attached?: CloudPhoneAttachment[]; createdAt?: DateInput } } & (NoExpiry & LifecycleCommon & NoAutoRenew);

export type EcsSubscriptionLifecycle = { product: "ecs"; resource: { billing: "subscription"; attached?: EcsSubscriptionAttachment[]; economicalMode?: boolean } } & (SubscriptionExpiry & LifecycleCommon & (NoAutoRenew | { autoRenew: true; renewalPrice: DecimalInput; account: AccountCredit }));

export type EcsPayAsYouGoLifecycle = { product: "ecs"; resource: { billing: "payAsYouGo"; attached?: EcsPayAsYouGoAttachment[]; economicalMode?: boolean } } & (NoExpiry & LifecycleCommon & NoAutoRenew);

/**
 * A purchased Enterprise Edition instance; auto-renewal pays `renewalPrice` a month
 * from `account` (IOT-10).
 */
export type IotEnterpriseLifecycle = { product: "iot"; resource: { instance: "enterprise"; trial?: false } } & (SubscriptionExpiry & LifecycleCommon & (NoAutoRenew | { autoRenew: true; renewalPrice: DecimalInput; account: AccountCredit }));

/**
 * An Enterprise Edition trial: it lasts `policy.iot.trialMonths` (IOT-3).
 */
export type IotEnterpriseTrialLifecycle = { product: "iot"; resource: { instance: "enterprise"; trial: true } } & (NoExpiry & LifecycleCommon & NoAutoRenew);

/**
 * A legacy public instance (pay-as-you-go, IOT-8) or a new public one (free, IOT-2).
 */
export type IotPayAsYouGoLifecycle = { product: "iot"; resource: { instance: "legacyPublic" | "newPublic"; pricing?: never; usage?: never; activated?: never; monthToDate?: never }; catalog?: never } & (NoExpiry & LifecycleCommon & NoAutoRenew);

/**
 * A legacy public instance billed by connection minutes and messages (IOT-25..IOT-30): its day of
 * usage repeated every day from `start`, billed when each day ends (IOT-29); the first daily bill the
 * credit cannot pay makes it overdue, IOT-8 stops it 24 hours later, IOT-9 restores it. No cost
 * rate: the usage prices each day; `catalog` gives the prices the site does not publish (SITE-1).
 */
export type IotConnectionLifecycle = {
    product: "iot";
    resource: { instance: "legacyPublic"; pricing: "connectionAndMessages"; activated?: DateInput; monthToDate?: { messages?: Count; connectionMinutes?: Count }; usage: RepeatedConnectionUsage };
    catalog?: CatalogOverride;
    costPerHour?: never;
    costPerDay?: never;
} & (NoExpiry & LifecycleCommon & NoAutoRenew);

/**
 * What every lifecycle request may give.
 */
export type LifecycleCommon = { start: DateInput; until?: DateInput; renewalPrice?: DecimalInput; account?: AccountCredit; overdueAt?: DateInput; events?: LifecycleEvent[]; policy?: PolicyOverride; locale?: Locale; site?: Site } & ({ costPerHour?: DecimalInput; costPerDay?: never } | { costPerDay: DecimalInput; costPerHour?: never });

export interface NoAutoRenew {
    /**
     * Auto-renewal is modelled for purchased IoT Enterprise Edition instances only (IOT-10).
     */
    autoRenew?: false;
}

/**
 * An account's credit: balance plus coupons (ECS-1).
 */
export interface AccountCredit {
    balance: DecimalInput;
    coupons?: DecimalInput;
}

/**
 * Something the customer does: top up the balance, renew a subscription, release the resource.
 */
export type LifecycleEvent = { type: "topUp"; at: DateInput; amount: DecimalInput } | { type: "renew"; at: DateInput; months: Count } | { type: "release"; at: DateInput };

/**
 * Policy values for this call, by product and name (policy.rs NAMES; each a count of its unit).
 */
export interface PolicyOverride {
    /**
     * One preset or several: `"ecsChinaSite"`, an overdue pay-as-you-go ECS stops at once and is
     * released after 15 days (ECS-14); `"ecsAutoRenewal2019"`, ECS auto-renewal attempted 3 and 1
     * days before expiry, on the day, 6 and 14 days after (ECS-15).
     */
    preset?: Preset | Preset[];
    cloudPhone?: Partial<Record<"overdueReleaseAfterDays" | "subscriptionReleaseAfterExpiryDays", Count>>;
    iot?: Partial<Record<"trialMonths" | "enterpriseReleaseAfterExpiryDays" | "autoRenewMonths" | "autoRenewFirstAttemptDaysBeforeExpiry" | "autoRenewLastAttemptDaysBeforeExpiry" | "legacyStopAfterOverdueHours" | "restoreWithinMinutes" | "billWithinHoursAfterCycle", Count>> & IotChoices;
    ecs?: Partial<Record<"secondDeductionAfterDays" | "thirdDeductionAfterDays" | "stopAfterDays" | "releaseAfterStopDays" | "subscriptionReleaseAfterExpiryDays" | "autoRenewMonths" | "autoRenewFirstAttemptDaysBeforeExpiry" | "autoRenewAttemptHour" | "autoRenewServingAfterExpiryDays" | "autoRenewReleaseAfterExpiryDays" | "autoRenew2019FirstAttemptDaysBeforeExpiry" | "autoRenew2019SecondAttemptDaysBeforeExpiry" | "autoRenew2019FourthAttemptDaysAfterExpiry" | "autoRenew2019FifthAttemptDaysAfterExpiry", Count>> & EcsChoices;
}

export type Preset = "ecsChinaSite" | "ecsAutoRenewal2019";

/**
 * IoT's choices between readings, for the connection-and-messages generation (as `QuotePolicy`'s).
 */
export interface IotChoices {
    /**
     * `"firstTwoMonths"` (IOT-28, the default: the month of `activated` and the next) or
     * `"everyMonth"` (the Japan site's example).
     */
    freeQuota?: "firstTwoMonths" | "everyMonth";
    /**
     * How each day's amount is cut to the currency's unit (IOT-29): `"truncate"` (the default) or `"halfUp"`.
     */
    dailyAmounts?: "truncate" | "halfUp";
}

/**
 * ECS's choices between readings.
 */
export interface EcsChoices {
    /**
     * `"dailyNineDays"` (ECS-12, the default) or `"fiveAttempts2019"` (ECS-15; the `ecsAutoRenewal2019` preset).
     */
    autoRenewSchedule?: "dailyNineDays" | "fiveAttempts2019";
    /**
     * `"deleteAll"` (ECS-5, the default: every snapshot is deleted at an overdue release, with the
     * custom images built on them) or `"keepInUse"` (ECS-16: snapshots behind a disk or a custom
     * image are kept, free of charge).
     */
    snapshotsAfterRelease?: "deleteAll" | "keepInUse";
}

/**
 * `simulateAccount(request)`: one credit pays for 1 to 10,000 items in quote's shapes, over up to
 * 10 years (API.md).
 */
export interface AccountRequest {
    /**
     * When the simulation starts: the items exist and the subscriptions are bought.
     */
    start: DateInput;
    /**
     * The end of the simulated period, at most 10 years after `start`; with it,
     * `keepRunning` says what top-up pays everything when due until then.
     */
    until?: DateInput;
    /**
     * Balance and coupons at `start`: they pay the subscriptions bought then, every item's
     * bills and auto-renewals.
     */
    account: AccountCredit;
    /**
     * `"buyAtStart"` (default): each subscription is bought at `start` from the credit, in item
     * order; one the credit cannot pay is refused and never runs (the answer says so first).
     * `"alreadyPaid"`: bought before `start`, not from this credit.
     */
    subscriptions?: "buyAtStart" | "alreadyPaid";
    /**
     * 1 to 10,000.
     */
    items: AccountItem[];
    /**
     * At most 10,000, within the simulated period.
     */
    events?: AccountEvent[];
    catalog?: CatalogOverride;
    policy?: PolicyOverride;
    /**
     * The language of every text written for a person (default "en"); codes, numbers
     * and instants are the same in both.
     */
    locale?: Locale;
    /**
     * The Alibaba Cloud site (default "international"): the currency of every amount (SITE-1).
     */
    site?: Site;
}

// ---------------------------------------------------------------- quoteTerraformPlan (issue 33)
/**
 * A price of yours: per hour for pay-as-you-go, per month for a subscription (at least one).
 */
export type PlanRate = { hourly: DecimalInput; monthly?: DecimalInput } | { hourly?: DecimalInput; monthly: DecimalInput };

/**
 * What no document publishes (ECS-9; EIP and NAT Gateway are products of their own, CP-1).
 */
export interface PlanPrices {
    ecs?: {
        /** Per instance, keyed by instance type ("ecs.g7.large"). */
        instanceTypes?: Record<string, PlanRate>;
        /** Per GiB, keyed by category ("cloud_essd") or category and performance level ("cloud_essd.PL1"). */
        disks?: Record<string, PlanRate>;
        /** Per Mbps of fixed public bandwidth. */
        bandwidth?: PlanRate;
    };
    eip?: {
        /** Per address. */
        address?: PlanRate;
        /** Per Mbps. */
        bandwidth?: PlanRate;
    };
    /** Per gateway, keyed by its specification ("Small") or its nat_type ("Enhanced"). */
    natGateway?: Record<string, PlanRate>;
}

/**
 * Keyed by a resource address (`module.app.alicloud_instance.web[0]`), an address for every
 * instance (`...web[*]`, or without the key), or a resource type (`alicloud_instance`), the most
 * specific first: the hours a month of a pay-as-you-go resource (730 when none is given), and
 * values for attributes the plan leaves unknown or unset (`region`, `data_disks.category`, ...).
 */
export type PlanUsage = Record<string, { hoursPerMonth?: DecimalInput; values?: Record<string, unknown> }>;

/**
 * The options of `quoteTerraformPlan`: the side file (`prices`, `usage`), what exists before,
 * when the plan's subscriptions are bought, and the language of the answer's texts.
 */
export interface PlanOptions {
    prices?: PlanPrices;
    usage?: PlanUsage;
    /** Quote's catalog, in the site's currency: on the China and Japan sites, Cloud Phone groups' prices (SITE-1). */
    catalog?: CatalogOverride;
    /** Another plan (an object, or its JSON text), e.g. of the main branch: what exists before, instead of the plan's prior_state. */
    base?: object | string;
    /** When the plan's subscriptions are bought (default: the plan's timestamp). */
    start?: DateInput;
    locale?: Locale;
    /** The Alibaba Cloud site (SITE-1): the catalog's prices and the side file's are in its currency. Default "international" (USD). */
    site?: Site;
}
