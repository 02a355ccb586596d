// TypeScript declarations of the results, written by hand (issue 30), beside the requests'
// (requests.d.ts); wasm/src/lib.rs puts this file into pkg/alicloud_cost.d.ts. Results cross
// as JSON text (JSON.parse of what the core writes), so exact decimals and instants are
// strings. tests/js/result-types.test.mjs keeps them true: every corpus answer, in both
// languages, must type-check as its result type, and every field here must occur in one.

// ---------------------------------------------------------------- scalars and catalog()
/** An exact decimal as a string: money ("13.72", 2 decimals when billed) or a unit price ("0.0457"). */
export type Decimal = string;

/** An instant in RFC 3339 with the billing offset, e.g. "2026-12-05T00:00:00+08:00". */
export type Instant = string;

/** The language of the texts written for a person (issue 16). */
export type Locale = "en" | "zh-CN";

/** The currency of a site and of every amount of an answer for it (SITE-1, SITE-3). */
export type Currency = "USD" | "CNY" | "JPY";

/**
 * The embedded catalog of `options.site` (default "international"): its currency, the prices
 * that site publishes and billing units, each with its source and as-of date; every billing
 * rule explained, and the IoT message categories named, in `options.locale` (default "en").
 */
export function catalog(options?: { locale?: Locale; site?: Site }): Catalog;

/**
 * Prices `terraform show -json PLANFILE`'s output (an object, or its JSON text): each resource as
 * the quote item it becomes, what exists before and the difference (API.md "Terraform plans").
 * Throws an `Error` with `code` and `path` on a malformed plan or side file.
 */
export function quoteTerraformPlan(plan: object | string, options?: PlanOptions): PlanEstimate;

/** `quoteTerraformPlan` for JSON text: the plan's text and the options' text in, the answer's text out. */
export function quoteTerraformPlanJson(plan: string, options?: string): string;

/** Lifecycle policies by product and name (src/policy.rs NAMES), e.g. policies.ecs.stopAfterDays. */
export type Policies = { cloudPhone: Record<string, Period>; iot: Record<string, Period>; ecs: Record<string, Period> };

/**
 * Package and catalog versions, as `version()` returns them.
 */
export interface Versions {
    package: string;
    catalog: string;
}

/**
 * A stable, machine-readable error code (snake_case on the wire).
 */
export type ErrorCode = "invalid_type" | "missing_field" | "unknown_field" | "not_finite" | "invalid_decimal" | "not_an_integer" | "out_of_range" | "unknown_product" | "unknown_billing" | "unknown_region" | "unknown_instance" | "unknown_edition" | "unknown_spec" | "too_many" | "invalid_date" | "date_out_of_period" | "duplicate_date" | "unknown_category" | "category_not_in_edition" | "missing_price" | "duplicate_discount" | "empty" | "too_deep" | "unknown_event_type" | "unknown_interface" | "no_spec_fits" | "unknown_preset" | "unknown_locale" | "unknown_site" | "price_not_published" | "session_crosses_midnight" | "date_out_of_order" | "not_supported" | "internal";

// ---------------------------------------------------------------- catalog
export interface Catalog {
    /**
     * Identifies the price set; quotes echo it as `catalogVersion`.
     */
    version: string;
    /**
     * The site whose published prices these are (SITE-1).
     */
    site: Site;
    /**
     * The one currency of every price here and of every answer priced with it.
     */
    currency: Currency;
    cloudPhone: CloudPhoneCatalog;
    iot: IotCatalog;
    ecs: EcsCatalog;
    /**
     * Lifecycle day counts and grace periods, each with its rule and source.
     */
    policies: Policies;
    /**
     * Every billing rule explained for a customer, in the request's language, with its
     * document (issue 16); only in `catalog()`'s answer.
     */
    rules?: RuleText[];
}

/**
 * Where a group of prices or rules comes from.
 */
export interface Source {
    /**
     * The seed file in `shared/seeds/`, "caller" for caller-supplied data, or "page"
     * for a dated public page beyond the seeds (named in `document`).
     */
    seed: string;
    /**
     * The document's title.
     */
    document: string;
    /**
     * The document's "Last Updated" date, when it states one.
     */
    asOf?: string;
    /**
     * The RULES.md IDs this data serves.
     */
    rules: string[];
    /**
     * Where the document is published, for a page beyond the seeds that has one.
     */
    address?: string;
}

/**
 * Region groups of the Cloud Phone price table (CP-6).
 */
export type Region = "mainland" | "international";

export interface CloudPhoneCatalog {
    source: Source;
    /**
     * Pay-as-you-go bills whole periods of this many hours of the group's lifetime (CP-3).
     */
    billingPeriodHours: number;
    /**
     * CP-13: the periods apply to groups created at or after this instant; a group
     * created before it keeps the 1-second unit at the same hourly price.
     */
    periodsSince: Instant;
    /**
     * Where `periods_since` comes from: a dated notice beyond the seeds.
     */
    periodsSinceSource: Source;
    specs: CloudPhoneSpec[];
}

export interface CloudPhoneSpec {
    /**
     * The specification's English name, e.g. "acp.basic.small".
     */
    id: string;
    /**
     * The instance edition, e.g. "Lightweight".
     */
    edition: string;
    /**
     * Hardware, where known (a caller's custom spec may leave it out).
     */
    vcpu?: number;
    memoryGib?: number;
    storageGib?: number;
    mainland: SpecPrice;
    international: SpecPrice;
}

/**
 * One spec's prices in one region group (CP-6), in the catalog's currency; absent where the
 * site publishes none (seed 003's prices are USD only, SITE-1).
 */
export interface SpecPrice {
    /**
     * Subscription, per phone per month.
     */
    monthly?: Decimal;
    /**
     * Pay-as-you-go, per phone per hour.
     */
    hourly?: Decimal;
}

/**
 * Legacy public instance rates: Basic and Pro (IOT-15..IOT-19) and the connection-and-messages
 * generation (IOT-25..IOT-30) of the site.
 */
export interface IotCatalog {
    source: Source;
    /**
     * One billable message is at most this many bytes (IOT-15).
     */
    messageUnitBytes: number;
    /**
     * Per `messagesPerPriceUnit` billable messages (IOT-16); USD only (SITE-1).
     */
    messagePrice?: Decimal;
    messagesPerPriceUnit: number;
    /**
     * Free billable messages each calendar month in UTC+8 (IOT-17).
     */
    freeMessagesPerMonth: number;
    /**
     * Per living device per day beyond the free ones (IOT-19); USD only (SITE-1).
     */
    livingDevicePricePerDay?: Decimal;
    /**
     * Free living devices per account per day (IOT-19).
     */
    freeLivingDevicesPerDay: number;
    /**
     * Enterprise Edition specs with the caller's monthly prices (IOT-4: none are
     * published, so the embedded catalog has none).
     */
    enterpriseSpecs: EnterpriseSpec[];
    /**
     * What a free new public instance holds (IOT-24).
     */
    newPublicLimits: NewPublicLimits;
    /**
     * The connection-and-messages generation's prices on this site (IOT-26, IOT-27, SITE-2).
     */
    connectionAndMessages: ConnectionTariff;
    /**
     * The message categories (IOT-13, IOT-14), named in the request's language; only in
     * `catalog()`'s answer.
     */
    categories?: MessageCategory[];
}

/**
 * What one site charges for the connection-and-messages generation (SITE-2), in its currency.
 */
export interface ConnectionTariff {
    /**
     * Graduated over the calendar month's running total (IOT-27), lowest first.
     */
    messageTiers: MessageTier[];
    /**
     * Per `unitsPerPrice` connection minutes (IOT-26); absent where the site publishes none.
     */
    minutePrice?: Decimal;
    unitsPerPrice: number;
    messageUnitBytes: number;
    /**
     * Free in a month that has the free quota (IOT-28).
     */
    freeMessagesPerMonth: number;
    freeMinutesPerMonth: number;
    sources: Source[];
}

/**
 * The part of the month's running total above `above` pays `price` per `unitsPerPrice`.
 */
export interface MessageTier {
    above: number;
    /**
     * Absent where the site publishes none (the Japan site's third tier).
     */
    price?: Decimal;
}

/**
 * A message category (IOT-13, IOT-14): whether it is billed, and by which editions and generations.
 */
export interface MessageCategory {
    name: string;
    billable: boolean;
    /**
     * "basic", "pro", "connectionAndMessages": the legacy public pricing that bills it.
     */
    billedBy: ("basic" | "pro" | "connectionAndMessages")[];
    /**
     * The category's name for a person, in the request's language.
     */
    label: string;
}

/**
 * The fixed specification of a free new public instance (IOT-24).
 */
export interface NewPublicLimits {
    source: Source;
    /**
     * Concurrent online devices.
     */
    onlineDevices: number;
    /**
     * Devices that may be created.
     */
    devices: number;
    messagingTps: Decimal;
    forwardingTps: Decimal;
}

export interface EnterpriseSpec {
    id: string;
    monthlyPrice: Decimal;
    /**
     * Capacities, for sizing a fleet (IOT-23); a spec without all three is never picked.
     */
    onlineDevices?: number;
    messagingTps?: Decimal;
    forwardingTps?: Decimal;
}

/**
 * ECS instance types with the caller's prices (ECS-9: none are published).
 */
export interface EcsCatalog {
    instanceTypes: EcsInstanceType[];
}

export interface EcsInstanceType {
    /**
     * For example "ecs.g7.large".
     */
    id: string;
    /**
     * Pay-as-you-go, USD per instance per hour.
     */
    hourly?: Decimal;
    /**
     * Subscription, USD per instance per month.
     */
    monthly?: Decimal;
}

/**
 * One policy value and where it comes from.
 */
export interface Period {
    /**
     * A count of `unit`, or for a choice the reading chosen (one of `choices`); null
     * where the seeds give no number: the behaviour it governs is not modelled until a
     * caller sets one.
     */
    value: number | string | null;
    /**
     * A count's unit (a choice has none).
     */
    unit?: Unit;
    /**
     * A choice between readings (ECS-15's schedule, ECS-16's snapshots): the names `value` takes.
     */
    choices?: string[];
    rule: string;
    /**
     * The seed file in `shared/seeds/`, for a rule from the seeds.
     */
    seed?: string;
    /**
     * The public page, for a rule from beyond the seeds (RULES.md, "Beyond the seeds").
     */
    page?: string;
    asOf?: string;
    /**
     * The document's own words.
     */
    text: string;
    /**
     * True when the caller changed the value for this call.
     */
    overridden: boolean;
}

export type Unit = "minutes" | "hours" | "days" | "months";

/**
 * One rule for a customer: `{ id, text, source }`.
 */
export interface RuleText {
    /**
     * The rule's ID, as answers cite it ("CP-3").
     */
    id: string;
    /**
     * What the rule means for the customer.
     */
    text: string;
    /**
     * The public Alibaba Cloud document it comes from (RULES.md names the seed or page).
     */
    source: string;
}

// ---------------------------------------------------------------- quote
export interface Quote {
    /**
     * The request site's currency: every amount of the quote is in it (SITE-1).
     */
    currency: Currency;
    /**
     * The embedded catalog's version, or the caller's (`<version>+caller` by default).
     */
    catalogVersion: string;
    /**
     * Sum of the items' list prices.
     */
    originalPrice: Decimal;
    /**
     * Sum of the discounts (Alibaba's price APIs call the discount amount DiscountPrice).
     */
    discountPrice: Decimal;
    /**
     * What is paid: originalPrice - discountPrice.
     */
    tradePrice: Decimal;
    /**
     * The cart as an estimate: upfront, monthly, one-off and the first 12 months (issue 19).
     */
    estimate: Estimate;
    items: QuotedItem[];
}

export interface QuotedItem {
    /**
     * Position of the item in the request.
     */
    index: number;
    product: Product;
    description: string;
    originalPrice: Decimal;
    discountPrice: Decimal;
    tradePrice: Decimal;
    /**
     * The discount applied to this item, in percent, if any.
     */
    discountPercent?: Decimal;
    /**
     * How the item is paid (upfront, monthly, once, free), and its share of the estimate.
     */
    kind: ItemKind;
    estimate: Estimate;
    lines: Line[];
    warnings: Warning[];
    /**
     * IoT legacy public instances: the pricing model, its document and date (IOT-25).
     */
    pricing?: Pricing;
    /**
     * IoT legacy public instances: the bill day by day, in the terms of `pricing.model`
     * (Basic and Pro: IOT-17..IOT-19; connection and messages: IOT-26..IOT-29).
     */
    days?: IotDay[] | ConnectionDay[];
    /**
     * The connection-and-messages generation: the month rated as one, as Alibaba's examples
     * rate it, beside the day-by-day bill (IOT-29).
     */
    wholeMonth?: WholeMonth;
    /**
     * IoT legacy public instances given as a fleet: its traffic (IOT-22).
     */
    fleet?: FleetSummary;
    /**
     * IoT Enterprise Edition sized from a fleet (IOT-23).
     */
    sizing?: Sizing;
}

/**
 * Upfront, monthly recurring and one-off amounts, and what the first 12 months cost:
 * upfront + one-off + 12 x monthly. A subscription counts once, for its whole term
 * (renewals are not assumed); a lifetime in hours counts once (it is not a month).
 */
export interface Estimate {
    upfront: Decimal;
    monthly: Decimal;
    oneOff: Decimal;
    firstYear: Decimal;
}

/**
 * How an item is paid, for the estimate (issue 19).
 */
export type ItemKind = "subscription" | "monthly" | "oneOff" | "free";

/**
 * One priced line. `amount` is the billed amount: round(quantity x unitPrice), except
 * where a rule bills per day (IOT-18, IOT-19), where it is the sum of the rounded
 * daily amounts and `exactAmount` shows the unrounded total.
 */
export interface Line {
    code: string;
    description: string;
    /**
     * How the amount was worked out, in words a customer can check by hand.
     */
    formula: string;
    quantity: Decimal;
    unit: string;
    /**
     * Keeps the catalog's precision ("0.0457").
     */
    unitPrice: Decimal;
    /**
     * The billed amount, rounded to two decimals.
     */
    amount: Decimal;
    /**
     * quantity x unitPrice before rounding, so the rounding is visible.
     */
    exactAmount: Decimal;
    rules: string[];
}

export interface Warning {
    code: string;
    message: string;
    rules: string[];
}

/**
 * The two billing methods (CP-2; ECS and IoT Enterprise use the same names).
 */
export type Billing = "subscription" | "payAsYouGo";

export type Product = "cloudPhone" | "iot" | "ecs" | "eip" | "natGateway";

/**
 * One day of a legacy public instance's bill (IOT-17, IOT-18, IOT-19).
 */
export interface IotDay {
    date: string;
    /**
     * Billable messages counted that day (IOT-13, IOT-15).
     */
    billableMessages: string;
    /**
     * Of those, covered by the month's free quota (IOT-17).
     */
    freeQuotaMessages: string;
    chargeableMessages: string;
    /**
     * Messages of free categories (IOT-14).
     */
    freeCategoryMessages: string;
    /**
     * The day's message fee, rounded (IOT-18).
     */
    messageAmount: Decimal;
    livingDevices: string;
    chargeableDevices: string;
    /**
     * The day's device-management fee, rounded (IOT-19); always 0 on Basic.
     */
    deviceAmount: Decimal;
}

/**
 * What a quoted fleet sends (IOT-22): the month's total and each day's.
 */
export interface FleetSummary {
    devices: string;
    /**
     * Sent plus received messages each day (forwarded copies are free and not counted).
     */
    messagesPerDay: string;
    /**
     * A count, as a decimal string.
     */
    messagesPerMonth: string;
    /**
     * The fleet arithmetic, one text per kind of message (and its connection minutes).
     */
    formula: string[];
    /**
     * The connection-and-messages generation: each day's natural connection minutes (IOT-30).
     */
    connectionMinutesPerDay?: string;
    /**
     * How the fleet connects: only MQTT pays connection minutes (IOT-26).
     */
    connection?: Connection;
    rules: string[];
}

/**
 * The pricing model a legacy public item is billed by (IOT-25).
 */
export interface Pricing {
    model: "connectionAndMessages" | "basicPro";
    /**
     * The Alibaba Cloud document that describes it.
     */
    source: string;
    asOf?: string;
    rules: string[];
}

/**
 * One UTC+8 day of the connection-and-messages generation (IOT-29).
 */
export interface ConnectionDay {
    date: string;
    messages: DayItem;
    connectionMinutes: DayMinutes;
    /**
     * Messages of the free categories (IOT-14): counted, never billed.
     */
    freeCategoryMessages: string;
    /**
     * The day's bill: the two items' amounts.
     */
    amount: Decimal;
    /**
     * The month's running totals after this day (IOT-27's tiers run over them).
     */
    monthToDate: MonthToDate;
}

/**
 * Messages or connection minutes on one day.
 */
export interface DayItem {
    billable: string;
    /**
     * Of them, in the month's free quota (IOT-28).
     */
    freeQuota: string;
    /**
     * The others, by tier (1, 2, 3; minutes have one).
     */
    tiers: TierUnits[];
    /**
     * Cut to the currency's unit (IOT-29, SITE-3).
     */
    amount: Decimal;
}

/**
 * Connection minutes on one day: one price, no tiers (IOT-26).
 */
export interface DayMinutes {
    billable: string;
    freeQuota: string;
    amount: Decimal;
}

export interface TierUnits {
    tier: number;
    units: string;
}

export interface MonthToDate {
    messages: string;
    connectionMinutes: string;
}

/**
 * The month rated as one (IOT-29): each item's exact month total cut once, then added.
 */
export interface WholeMonth {
    messages: Decimal;
    connectionMinutes: Decimal;
    total: Decimal;
}

/**
 * What a fleet needs of an instance (IOT-23), and the spec that holds it.
 */
export interface Sizing {
    /**
     * Concurrent online devices (Choice: the whole fleet may be online at once).
     */
    onlineDevices: number;
    /**
     * Two decimals, e.g. "25".
     */
    messagingTps: Decimal;
    forwardingTps: Decimal;
    /**
     * The cheapest spec of the caller's catalog that holds the fleet.
     */
    spec: string;
    monthlyPrice: Decimal;
    /**
     * The TPS arithmetic and the chosen spec's capacities.
     */
    formula: string;
    /**
     * Whether a free new public instance would hold the fleet (IOT-24).
     */
    fitsNewPublicInstance: boolean;
    rules: string[];
}

// ---------------------------------------------------------------- compareBillingMethod
export interface Comparison {
    product: Product;
    currency: Currency;
    catalogVersion: string;
    months: number;
    options: OptionCost[];
    cheapest: Cheapest;
    /**
     * How much the cheaper method saves over the horizon.
     */
    savings: Decimal;
    /**
     * Savings as a percentage of the dearer method's total, two decimals.
     */
    savingsPercent: Decimal;
    breakEven: BreakEven | null;
    /**
     * Cumulative cost at the end of each month, for a chart.
     */
    curve: CurvePoint[];
    /**
     * Whether the customer may move to the cheaper method; null where the documents are silent.
     */
    switching: Switching | null;
    caveats: Warning[];
    /**
     * IoT with a fleet: the Enterprise Edition spec that holds month 1's fleet (IOT-23).
     */
    sizing?: Sizing;
    /**
     * IoT with a fleet and no `edition`: every option that can carry it (issue 32).
     */
    iotOptions?: IotOption[];
    /**
     * The cheapest available of `iotOptions` over the horizon; null when none is.
     */
    cheapestOption?: IotOptionId | null;
}

/**
 * "unavailable": an IoT comparison of every option where Enterprise Edition or the
 * connection-and-messages generation cannot be priced (see `iotOptions`).
 */
export type Cheapest = "subscription" | "payAsYouGo" | "tie" | "unavailable";

export type IotOptionId = "legacyConnectionAndMessages" | "legacyBasic" | "legacyPro" | "enterprise" | "newPublic";

/**
 * One way to carry an IoT fleet, priced month by month as `quote` prices it.
 */
export interface IotOption {
    option: IotOptionId;
    /**
     * The option, for a person.
     */
    description: string;
    billing: Billing;
    /**
     * Priced for every month and holds the fleet throughout.
     */
    available: boolean;
    /**
     * The whole horizon, when available.
     */
    total?: Decimal;
    /**
     * Each month's cost, as far as the option could be priced.
     */
    months: { month: number; cost: Decimal }[];
    /**
     * Why it is not available.
     */
    reason?: string;
    /**
     * The field of the request's `catalog` that would price it (SITE-1, IOT-4).
     */
    catalogField?: string;
    /**
     * The first month a growing fleet leaves it (IOT-23, IOT-24).
     */
    outgrownAt?: { month: number; reason: string };
    /**
     * The connection-and-messages generation: the first month each higher tier is reached (IOT-27).
     */
    tiersReached?: { tier: number; month: number }[];
    rules: string[];
}

export interface OptionCost {
    billing: Billing;
    total: Decimal;
    /**
     * total / months, rounded to cents.
     */
    perMonth: Decimal;
    /**
     * The first month's lines, as `quote` prices them.
     */
    lines: Line[];
}

export interface BreakEven {
    /**
     * Monthly price / hourly price, to two decimals: pay-as-you-go is cheaper below it.
     */
    hoursPerMonth: Decimal;
    /**
     * The same ratio with the full precision of the division.
     */
    exactHoursPerMonth: Decimal;
    /**
     * Cloud Phone: the longest lifetime in whole billing periods for which
     * pay-as-you-go still costs less (CP-3), with its monthly cost per unit,
     * and the next period's, which costs more.
     */
    lastWinningHours?: Decimal;
    lastWinningCost?: Decimal;
    nextPeriodHours?: Decimal;
    nextPeriodCost?: Decimal;
    rules: string[];
}

export interface CurvePoint {
    month: number;
    subscription: Decimal;
    payAsYouGo: Decimal;
}

export interface Switching {
    allowed: boolean;
    from: Billing;
    to: Billing;
    reason: string;
    rules: string[];
}

// ---------------------------------------------------------------- simulateLifecycle
export interface Lifecycle {
    product: Product;
    currency: Currency;
    horizon: Horizon;
    /**
     * In time order; events at the same moment in the order they took effect.
     */
    timeline: Entry[];
    finalState: State;
    /**
     * When the resource's data is deleted, if it is within the horizon.
     */
    dataDeletedAt?: Instant;
    /**
     * The last moment to pay or renew before the service is interrupted, if it is.
     */
    lastSafeMoment?: Instant;
    /**
     * When the starting credit (balance plus coupons) runs out at the given rate.
     */
    creditRunsOutAt?: Instant;
    /**
     * What each part of the resource goes through (ECS-5, ECS-2, CP-10); absent when it has none.
     */
    resources?: ResourceFate[];
    /**
     * Pay-as-you-go charges over the horizon plus renewals paid, rounded half-up to cents.
     */
    billed: Decimal;
    warnings: Warning[];
}

/**
 * The simulated period.
 */
export interface Horizon {
    from: Instant;
    to: Instant;
}

/**
 * What happened at a moment of a timeline (`opened` and `purchaseRefused` in accounts only).
 */
export type TimelineEvent = "opened" | "created" | "purchaseRefused" | "topUp" | "overdue" | "deductionRetry" | "stopped" | "payAsYouGoStopped" | "payAsYouGoReleased" | "released" | "settled" | "restored" | "expired" | "renewed" | "renewRefused" | "autoRenewed" | "autoRenewFailed" | "horizonEnd";

/**
 * One moment of the timeline.
 */
export interface Entry {
    at: Instant;
    event: TimelineEvent;
    /**
     * The state right after the event.
     */
    state: State;
    /**
     * Whether the customer can use the resource right after the event.
     */
    serviceAvailable: boolean;
    /**
     * Whether pay-as-you-go charges accrue right after the event.
     */
    billing: boolean;
    /**
     * Balance plus coupons after the event and the bills deducted so far (on the hour,
     * or when a billing day ends), rounded to cents (negative: owed); null when the
     * request gives no account.
     */
    credit: Decimal | null;
    /**
     * What the customer sees, in words; a moment other than `at` is written for a person
     * ("5 Dec 2026, 00:00 (UTC+8)"), never in RFC 3339.
     */
    effects: string[];
    rules: string[];
}

/**
 * Where a resource stands; `notPurchased`: an account's subscription the credit could not buy.
 */
export type State = "notPurchased" | "running" | "overdue" | "stopped" | "expired" | "released";

/**
 * A part of a resource whose fate the answer follows.
 */
export type Part = "instanceGroup" | "compute" | "systemDisk" | "dataDisk" | "localDisk" | "staticPublicIp" | "eip" | "snapshots" | "customImage" | "payAsYouGoDisk" | "payByTrafficBandwidth" | "natGateway" | "sharedBandwidth";

/**
 * What one part of the resource goes through (ECS-5, ECS-2, CP-10).
 */
export interface ResourceFate {
    resource: Part;
    phases: Phase[];
    rules: string[];
}

export interface Phase {
    from: Instant;
    to: Instant;
    status: ResourceStatus;
}

export type ResourceStatus = "active" | "unavailable" | "retained" | "released" | "independent";

// ---------------------------------------------------------------- simulateAccount
export interface Account {
    currency: Currency;
    /**
     * How the subscriptions were paid for: bought at `start` from the credit, or before.
     */
    subscriptions: "buyAtStart" | "alreadyPaid";
    horizon: Horizon;
    /**
     * When the starting credit (balance plus coupons) runs out.
     */
    creditRunsOutAt?: Instant;
    /**
     * One second before the first interruption: the last moment to act.
     */
    lastSafeMoment?: Instant;
    firstInterruption?: Interruption;
    /**
     * Every item's events and the account's, in time order.
     */
    timeline: AccountEntry[];
    items: AccountItemOutcome[];
    /**
     * The subscriptions bought from the credit at `start`, summed.
     */
    prepaid: Decimal;
    /**
     * The items' `billed`, summed.
     */
    billed: Decimal;
    /**
     * The credit at the end, rounded to cents (negative: owed).
     */
    finalCredit: Decimal | null;
    keepRunning?: KeepRunning;
    warnings: Warning[];
}

/**
 * One moment of the account's timeline.
 */
export interface AccountEntry {
    at: Instant;
    /**
     * The item the entry is about; absent for the account's own entries (a top-up,
     * the credit running out).
     */
    item?: number;
    event: TimelineEvent;
    /**
     * The item's state right after the event.
     */
    state?: State;
    serviceAvailable?: boolean;
    /**
     * Balance plus coupons after the event, rounded to cents (negative: owed).
     */
    credit: Decimal;
    effects: string[];
    rules: string[];
}

/**
 * The first moment an item loses service.
 */
export interface Interruption {
    at: Instant;
    item: number;
    event: TimelineEvent;
}

/**
 * What one item goes through.
 */
export interface AccountItemOutcome {
    index: number;
    product: Product;
    description: string;
    finalState: State;
    dataDeletedAt?: Instant;
    /**
     * The last moment to pay or renew before this item loses service, if it does.
     */
    lastSafeMoment?: Instant;
    /**
     * A subscription's order as quote prices it ("0.00" for pay-as-you-go).
     */
    prepaid: Decimal;
    /**
     * A subscription's: bought at `start` from the credit, refused (the credit could not
     * pay `prepaid`: it never runs), or already paid before `start`.
     */
    purchase?: "bought" | "refused" | "alreadyPaid";
    /**
     * Charged over the simulated period: pay-as-you-go use and renewals (not the purchase),
     * rounded to cents.
     */
    billed: Decimal;
}

/**
 * The smallest top-up at `start`, in cents, with which every payment (the purchases at
 * `start`, every bill, every auto-renewal) is paid when it falls due until `until`, as
 * with unlimited credit.
 */
export interface KeepRunning {
    until: Instant;
    topUp: Decimal;
}

// ---------------------------------------------------------------- quoteTerraformPlan (issue 33)
/**
 * The price of a Terraform plan: every alicloud resource, what the plan leaves, what exists
 * before (`base`) and the difference.
 */
export interface PlanEstimate {
    /** The options' site's currency: every amount of the plan is in it (SITE-1). */
    currency: Currency;
    catalogVersion: string;
    formatVersion: string;
    terraformVersion?: string;
    /** Every resource of the alicloud provider, in the plan's order, then those only the base has; data sources are listed, never priced. */
    resources: PlanResource[];
    /** The alicloud resources that are not priced, each with its reason. */
    unpriced: Unpriced[];
    /** Resources of other providers: counted, not priced. */
    otherProviders: ProviderCount[];
    /** What the plan leaves: the sum of every priced resource's estimate. */
    estimate: Estimate;
    /** What exists before. */
    base: PlanBase;
    /** estimate - base. */
    diff: PlanDiff;
    warnings: Warning[];
}

/** What `terraform apply` does to a resource. */
export type Action = "create" | "update" | "replace" | "delete" | "no-op" | "read" | "forget";

/** A managed resource, or a data source (read, never billed). */
export type Mode = "managed" | "data";

/** Why a side of a resource is not priced: a stable code, the text, and the attribute or price at fault. */
export interface ResourceSide {
    priced: boolean;
    code?: string;
    reason?: string;
    attribute?: string;
    /** The quote item the resource becomes: `quote({ items: [request] })` prices it alike. */
    request?: QuoteItem;
    /** That item priced: its lines with their formulas and rules. */
    item?: QuotedItem;
    estimate?: Estimate;
}

/** A resource of the plan: as the plan leaves it (its own fields), and as it was (`base`). */
export interface PlanResource extends ResourceSide {
    address: string;
    type: string;
    mode: Mode;
    action: Action;
    /** What it cost before, when it existed (its item only where it differs). */
    base?: ResourceSide;
    /** estimate - base, when every side that exists is priced. */
    diff?: Estimate;
    /** A subscription the plan buys: its expiry and release (CP-14, ECS-11). */
    lifecycle?: PlanLifecycle;
    /** What the plan adds to the item's own warnings: hours assumed, traffic not included, ... */
    warnings: Warning[];
}

export interface Unpriced {
    address: string;
    type: string;
    code: string;
    reason: string;
}

export interface ProviderCount {
    /** The resource type's provider prefix (`aws`, `random`, ...). */
    provider: string;
    resources: number;
}

/** Where "before" comes from: `options.base`, the plan's prior_state, or nothing (a first plan). */
export type BaseSource = "base" | "priorState" | "none";

export interface PlanBase {
    source: BaseSource;
    estimate: Estimate;
}

export interface PlanDiff {
    estimate: Estimate;
}

/** A subscription the plan buys: when it expires and, without auto-renewal, when it is released (CP-14, ECS-11). */
export interface PlanLifecycle {
    months: number;
    autoRenew: boolean;
    boughtAt?: Instant;
    expiresAt?: Instant;
    releasedAt?: Instant;
    summary: string;
    rules: string[];
}
