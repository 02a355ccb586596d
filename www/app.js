// The pricing page. All arithmetic is done by the wasm module; this file reads the forms,
// builds requests, calls quote / compareBillingMethod / simulateLifecycle on every input,
// and draws the answers with DOM methods (never innerHTML). The whole estimate lives in
// the URL (?s=...), so a link reopens it exactly.
// The package is imported dynamically (index.html preloads it with the rest of the module graph):
// the page applies the visitor's language and its prerendered first estimate before the engine
// arrives, and says so in words if the engine cannot load.
import { LANGUAGES, currency, language, pickLanguage, setCurrency, setLanguage, t } from "./i18n.js";
import { connectionDaysTable, costChart, day, daysTable, documentTitle, el, instant, iotOptionsTable, itemLines, linesTable, money, number, phaseBar, readableText, ruleLinks, sourceList, warningsList, withCodes } from "./views.js";

let quote, compareBillingMethod, simulateLifecycle, simulateAccount, catalog, version, quoteTerraformPlan;

const $ = (id) => document.getElementById(id);
const TABS = ["cloudPhone", "iot", "ecs", "compare", "lifecycle", "plan"];
const PRODUCT_TABS = ["cloudPhone", "iot", "ecs"];
const MAX_CART = 200;
const DEFAULT_MIX = [{ bytes: "256", count: "100000", category: "devicePub" }];

/** `cartCatalog`: the cart's own prices (SITE-1) by site, each in that site's currency. */
const state = { tab: "cloudPhone", mix: structuredClone(DEFAULT_MIX), days: [], cart: [], cartCatalog: {} };
/**
 * The message categories (IOT-13, IOT-14) as the engine's catalog lists them, in the page's language:
 * `{ name, billable, billedBy, label }`, read on start and on a language switch (issue 29).
 */
let categories = [];
/** The tab whose item was last added to the cart ("Added to the cart." stays beside that item only). */
let addedFrom = null;
/** The chosen site's catalog (its currency and the prices it publishes, SITE-1), read from the engine. */
let siteCatalog = null;
const SITES = { international: "USD", china: "CNY", japan: "JPY" };
const site = () => (SITES[$("site").value] ? $("site").value : "international");
let lastCart = null;
let engineReady = false;
/** What the status lines say, as keys: a language switch re-says them, never brings back a stale one. */
const said = { status: null, add: null, copy: null, link: null };

// ------------------------------------------------------------------ reading the forms

/** The value of a text/select input, a checked box, or a radio group (by name). */
function read(id) {
  const group = document.getElementsByName(id);
  if (group.length && group[0].type === "radio") return [...group].find((r) => r.checked)?.value ?? "";
  const input = $(id);
  return input.type === "checkbox" ? input.checked : input.value.trim();
}

/** `data-when="cp-internet cp-billing=subscription|x or other=y"`: shown when every condition of one group holds. */
function applyVisibility(root = document) {
  for (const node of root.querySelectorAll("[data-when]")) {
    node.hidden = !node.dataset.when.split(" or ").some((group) =>
      group.split(" ").every((cond) => {
        const [id, values] = cond.split("=");
        return values === undefined ? read(id) === true : values.split("|").includes(read(id));
      }),
    );
  }
}

const optional = (value) => (value === "" ? undefined : value);

function cloudPhoneItem() {
  const billing = read("cp-billing");
  const item = { product: "cloudPhone", spec: read("cp-spec"), region: read("cp-region"), billing, quantity: read("cp-quantity") };
  if (billing === "subscription") item.months = read("cp-months");
  else item.hours = read("cp-hours");
  if (read("cp-internet")) {
    const rates = {
      natGatewayPerHour: optional(read("cp-nat")),
      eipPerHour: optional(read("cp-eip")),
      hours: billing === "subscription" ? optional(read("cp-internet-hours")) : undefined,
    };
    item.internetAccess = Object.values(rates).some((v) => v !== undefined) ? rates : true;
  }
  return item;
}

function daysInMonth(month) {
  const [y, m] = month.split("-").map(Number);
  return Number.isInteger(y) && m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
}

/** The fleet form (IOT-22): one kind of message per device. */
function fleetOf() {
  const message = { every: { [read("iot-fleet-unit")]: read("iot-fleet-every") }, bytes: read("iot-fleet-bytes"), receivers: read("iot-fleet-receivers") };
  if (read("iot-fleet-forwarded")) message.forwarded = true;
  return { devices: read("iot-fleet-devices"), onlineHoursPerDay: read("iot-fleet-hours"), messages: [message] };
}

/** Enterprise Edition checked against the customer's own spec (IOT-23): that spec is the only one in the catalog. */
const sizingEnterprise = () => state.tab === "iot" && read("iot-instance") === "enterprise" && read("iot-ent-size");

function itemCatalog() {
  const own = ownPrices();
  if (!sizingEnterprise()) return own;
  const spec = { id: t("iot.yourSpec"), monthlyPrice: read("iot-ent-price"), onlineDevices: read("iot-ent-online"), messagingTps: read("iot-ent-mtps"), forwardingTps: read("iot-ent-ftps") };
  return { iot: { enterpriseSpecs: [spec] } };
}

/** The caller's prices for what the chosen site does not publish (SITE-1), for the tab being priced. */
function ownPrices() {
  if (site() === "international") return undefined;
  // Monthly and hourly prices are separate fields, as ECS's: changing the method never reinterprets one.
  const per = read("cp-billing") === "subscription" ? "monthly" : "hourly";
  if (state.tab === "cloudPhone" && read(`cp-own-${per}`) !== "") {
    return { cloudPhone: { specs: [{ id: read("cp-spec"), [read("cp-region")]: { [per]: read(`cp-own-${per}`) } }] } };
  }
  if (state.tab !== "iot" || read("iot-instance") !== "legacyPublic") return undefined;
  const iot = {};
  if (read("iot-pricing") === "basicPro") {
    if (read("iot-own-message") !== "") iot.messagePrice = read("iot-own-message");
    if (read("iot-edition") === "pro" && read("iot-own-device") !== "") iot.livingDevicePricePerDay = read("iot-own-device");
  } else {
    const own = {};
    if (site() === "china" && read("iot-own-minute") !== "") own.minutePrice = read("iot-own-minute");
    // The Japan site shows two tiers: yours is the third, beside its own two (SITE-2).
    if (site() === "japan" && read("iot-own-tier3") !== "" && siteCatalog) {
      own.messageTiers = siteCatalog.iot.connectionAndMessages.messageTiers.map((tier, i) => ({ above: tier.above, price: i === 2 ? read("iot-own-tier3") : tier.price }));
    }
    if (Object.keys(own).length) iot.connectionAndMessages = own;
  }
  return Object.keys(iot).length ? { iot } : undefined;
}

/** `b` merged into `a` for a catalog override: Cloud Phone specs by id and region, the rest by key. */
function mergeCatalog(a = {}, b = {}) {
  const out = structuredClone(a);
  for (const [key, value] of Object.entries(b)) {
    if (key === "specs") {
      out.specs ??= [];
      for (const spec of value) {
        const known = out.specs.find((s) => s.id === spec.id);
        if (!known) out.specs.push(structuredClone(spec));
        else for (const region of ["mainland", "international"]) if (spec[region]) known[region] = { ...known[region], ...spec[region] };
      }
    } else if (value && typeof value === "object" && !Array.isArray(value)) out[key] = mergeCatalog(out[key], value);
    else out[key] = value;
  }
  return out;
}

function iotItem() {
  const instance = read("iot-instance");
  if (instance === "enterprise") {
    const item = { product: "iot", instance, months: read("iot-ent-months"), quantity: read("iot-ent-quantity") };
    if (read("iot-ent-size")) item.fleet = fleetOf();
    else item.monthlyPrice = optional(read("iot-ent-price"));
    if (read("iot-ent-trial")) item.trial = true;
    return item;
  }
  if (instance !== "legacyPublic") return { product: "iot", instance };
  const month = read("iot-month");
  const messages = (counts) => state.mix.map((row, j) => ({ bytes: row.bytes, count: counts ? counts[j] ?? "0" : row.count, category: row.category }));
  const mode = read("iot-mode");
  // IOT-25: connection minutes and messages (the newer billing), or Basic/Pro. The day table's last
  // column is the day's connection minutes for the one, its living devices for the other.
  const connection = read("iot-pricing") === "connectionAndMessages";
  const dayExtra = connection ? "connectionMinutes" : "livingDevices";
  const usage =
    mode === "fleet"
      ? { fleet: connection ? { ...fleetOf(), connection: read("iot-fleet-connection") } : fleetOf() }
      : mode === "days"
        ? { days: state.days.slice(0, daysInMonth(month) || 1).map((day, i) => ({ date: `${month}-${String(i + 1).padStart(2, "0")}`, messages: messages(day.c), [dayExtra]: day.d })) }
        : { perDay: { messages: messages(null), [dayExtra]: read(connection ? "iot-minutes" : "iot-devices") } };
  if (connection) {
    const counted = optional(read("iot-counted"));
    return { product: "iot", instance, pricing: "connectionAndMessages", month, activated: optional(read("iot-activated")), monthToDate: counted === undefined ? undefined : { messages: counted }, usage };
  }
  return { product: "iot", instance, pricing: "basicPro", edition: read("iot-edition"), month, usage, freeQuotaUsed: optional(read("iot-free-used")) };
}

/** The ECS price fields of the chosen billing method: monthly and hourly prices are separate fields, never reinterpreted. */
const ecsPrefix = () => (read("ecs-billing") === "payAsYouGo" ? "ecs-payg" : "ecs-sub");

function ecsItem() {
  const billing = read("ecs-billing");
  const item = { product: "ecs", billing, quantity: read("ecs-quantity") };
  if (billing === "subscription") item.months = read("ecs-months");
  else item.hours = read("ecs-hours");
  const p = ecsPrefix();
  if (read(`${p}-instance`) !== "") {
    item.prices = { instance: read(`${p}-instance`), systemDisk: optional(read(`${p}-disk`)), bandwidth: optional(read(`${p}-bandwidth`)) };
  }
  return item;
}

const ITEM_BUILDERS = { cloudPhone: cloudPhoneItem, iot: iotItem, ecs: ecsItem };

function compareRequest() {
  const product = read("cmp-product");
  if (product === "iot") {
    // Every option for one fleet (no edition), or Enterprise Edition at the customer's price against a
    // legacy public edition (IOT-4, IOT-22, IOT-24, IOT-25).
    const fleet = { devices: read("cmp-iot-devices"), messages: [{ every: { minutes: read("cmp-iot-every") }, bytes: read("cmp-iot-bytes") }] };
    const edition = read("cmp-iot-edition");
    const request = { product, monthlyPrice: optional(read("cmp-iot-price")), startMonth: read("cmp-iot-start"), fleet, usage: { months: read("cmp-months") } };
    if (edition) request.edition = edition;
    else {
      const growth = optional(read("cmp-iot-growth"));
      if (growth !== undefined) request.growth = { devicesPercentPerMonth: growth };
      request.activated = optional(read("cmp-iot-activated"));
    }
    if (read("cmp-iot-trial")) request.trial = true;
    return request;
  }
  const usage = { months: read("cmp-months"), hoursPerMonth: read("cmp-hours") };
  if (product === "ecs") {
    return { product, quantity: read("cmp-quantity"), usage, prices: { subscription: { instance: read("cmp-sub-price") }, payAsYouGo: { instance: read("cmp-payg-price") } } };
  }
  return { product, spec: read("cmp-spec"), region: read("cmp-region"), quantity: read("cmp-quantity"), usage, current: optional(read("cmp-current")) };
}

/**
 * The cart as one account (simulateAccount): the same items, one balance. An IoT usage repeats every
 * day from the start date, so the quote's month and day count are left out, and so is what the
 * quoted month had counted before its first day (monthToDate): the account's month starts at its
 * start date. Both legacy generations are billed day by day (IOT-18, IOT-29).
 */
function accountRequest() {
  const items = state.cart.map((item) =>
    item.product === "iot" && item.instance === "legacyPublic"
      ? { ...item, month: undefined, monthToDate: undefined, usage: { ...item.usage, days: Array.isArray(item.usage?.days) ? item.usage.days : undefined } }
      : item,
  );
  // API.md, third round: each subscription is bought at the start from this balance, unless the
  // customer says it is already bought.
  const subscriptions = read("lc-already-paid") ? "alreadyPaid" : "buyAtStart";
  return { start: read("lc-start"), until: read("lc-until"), account: { balance: read("lc-balance") }, subscriptions, items, catalog: cartCatalog() };
}

function lifecycleRequest() {
  const [product, kind] = read("lc-resource").split(".");
  const resource = product === "iot" ? { instance: kind } : { billing: kind };
  const request = { product, resource, start: read("lc-start") };
  if (kind === "subscription" || kind === "enterprise") request.months = read("lc-months");
  else {
    request.account = { balance: read("lc-balance") };
    request.costPerHour = read("lc-cost");
  }
  return request;
}

// ------------------------------------------------------------------ errors beside fields

function clearErrors(root) {
  for (const node of root.querySelectorAll(".error")) node.textContent = "";
  for (const node of root.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
}

/**
 * Shows the module's message beside the field its `path` names. `path` is relative to
 * the form (the item's `items[0].` is stripped); a day-table path falls back to its mix
 * row (bytes, category), then to the longest named prefix, then to `fallback`.
 */
function showError(form, error, path, fallback) {
  const target = findField(form, path);
  const message = customerError(error, target);
  if (!target) {
    sayError(fallback, message, error);
    return;
  }
  target.setAttribute("aria-invalid", "true");
  const box = $(`${target.id}-error`) ?? target.closest("fieldset")?.querySelector(":scope > .error") ?? fallback;
  sayError(box, message, error);
  const described = (target.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  if (box.id && !described.includes(box.id)) target.setAttribute("aria-describedby", [...described, box.id].join(" "));
}

/** A message for the customer; the engine's code and path stay on the element for developers. */
function sayError(box, message, error) {
  box.textContent = message;
  box.dataset.code = String(error.code ?? "");
  box.dataset.path = String(error.path ?? "");
}

/** Engine codes about the value typed into one field: the page says what to type instead. */
const VALUE_CODES = new Set(["invalid_decimal", "not_an_integer", "out_of_range", "invalid_type", "not_finite", "missing_field", "missing_price", "invalid_date", "empty"]);

/**
 * An engine error in a customer's words, in the page's language: what is wrong with what was typed
 * (a comma, a unit, a day that does not exist), then what to type, from the field's own expectation
 * (`data-expect`). Errors about something other than a typed value keep the engine's message, which
 * is already in the request's language.
 */
function customerError(error, field) {
  if (error.code === "unknown_spec") return t("err.spec");
  // SITE-1: the site publishes no price in its currency; the field beside is where to type one.
  if (error.code === "price_not_published") return [t("err.notPublished", { site: t(`siteName.${site()}`) }), t("expect.ownPrice")].join(language() === "zh-CN" ? "" : " ");
  if (error.code === "unknown_category") return t("err.category");
  const expect = field?.dataset?.expect;
  if (!expect || !VALUE_CODES.has(error.code)) return String(error.message);
  const value = field.value.trim() || field.dataset.rejected || "";
  // Chinese sentences follow one another without a space.
  return [valueProblem(value, expect, error.code), t(`expect.${expect}`)].filter(Boolean).join(language() === "zh-CN" ? "" : " ");
}

function valueProblem(value, expect, code) {
  if (code === "missing_price") return t("err.unpublished");
  if (value === "") return expect === "date" || expect === "month" ? "" : t("err.empty");
  if (expect === "date" || expect === "month") {
    const m = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    if (m) {
      const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      if (date.getUTCMonth() !== Number(m[2]) - 1) return t("err.noSuchDate", { value });
    }
    return t("err.notADate", { value });
  }
  // "4,80" is a decimal comma (as much of Europe writes 4.80), not a thousands separator, which is
  // followed by three digits: advising "480" would make the amount 100 times too large.
  if (/^[-+]?\d+[,，]\d{1,2}$|^[-+]?\d+[,，]\d{4,}$/.test(value)) return t("err.decimalComma", { value: value.replace(/[,，]/, ".") });
  if (/\d[,，]\d/.test(value)) return t("err.comma", { value: value.replace(/[,，]/g, "") });
  if (/^[-+]?[\d.]+\s*[^\d.\s]/.test(value)) return t("err.unit");
  if (code === "not_an_integer") return t("err.notWhole", { value });
  if (code === "out_of_range") return t("err.range", { value });
  return "";
}

/** `a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> "". */
function parentPath(path) {
  const m = path.match(/^(.*?)(\.[^.[\]]+|\[\d+\])$/);
  return m ? m[1] : "";
}

/** The visible field whose `data-path` is `path` or its nearest named ancestor. */
function findField(form, path) {
  const fields = [...form.querySelectorAll("[data-path]")].filter((n) => !n.closest("[hidden]"));
  // A day-table path names the mix row for what the table does not repeat (bytes, category).
  const candidates = [
    path,
    path.replace(/^usage\.days\[\d+\]\.messages/, "usage.perDay.messages"),
    path.replace(/^usage\.fleet/, "fleet"),
    path.replace(/^catalog\.iot\.enterpriseSpecs\[0\]\.monthlyPrice$/, "monthlyPrice"),
  ];
  for (const candidate of candidates) {
    for (let p = candidate; p; p = parentPath(p)) {
      const hit = fields.find((n) => n.dataset.path === p);
      if (hit) return hit;
    }
  }
  return null;
}

/** `fn(request)` in the page's language, on the chosen site: texts in one, amounts in the other's currency. */
function call(fn, request) {
  try {
    return { result: fn({ ...request, locale: language(), site: site() }) };
  } catch (error) {
    return { error };
  }
}

/**
 * The field a `price_not_published` error asks to fill (SITE-1): its message names the catalog field
 * (`catalog.iot.messagePrice`, `catalog.cloudPhone.specs[…].mainland.monthly`), which the page's own
 * price fields carry as their path.
 */
function unpublishedPath(error) {
  const field = String(error.message).match(/catalog\.([\w.[\]]+)/)?.[1] ?? "";
  return field.startsWith("cloudPhone.") ? "catalog.cloudPhone.price" : `catalog.${field}`;
}

/**
 * `fn(request)` for one form: on an error, its message goes beside the field its path names
 * (less `prefix`), else into `fallback`, and the `outputs` are emptied. Returns the result or null.
 */
function priced(form, fallback, fn, request, outputs, prefix = "") {
  clearErrors(form);
  fallback.textContent = "";
  const { result, error } = call(fn, request);
  if (!error) return result;
  const path = error.code === "price_not_published" ? prefix + unpublishedPath(error) : String(error.path ?? "");
  showError(form, error, path.startsWith(prefix) ? path.slice(prefix.length) : path, fallback);
  for (const node of outputs) node.replaceChildren();
  return null;
}

// ------------------------------------------------------------------ rendering

function renderItem() {
  const form = document.querySelector(`[data-form="${state.tab}"]`);
  if (state.tab === "ecs" && read(`${ecsPrefix()}-instance`) === "") {
    // ECS prices are not published (ECS-9): before the customer gives one, say what to enter
    // and where to find it, rather than an error under an empty field.
    clearErrors(form);
    $("item-error").textContent = "";
    $("add-to-cart").disabled = true;
    $("item-total").textContent = "–";
    delete $("item-total").dataset.amount;
    $("item-lines").replaceChildren(el("p", { className: "empty-state", id: "ecs-empty" }, t("ecs.empty"), " ", ruleLinks(["ECS-9"])));
    $("item-days").replaceChildren();
    return;
  }
  const result = priced(form, $("item-error"), quote, { items: [ITEM_BUILDERS[state.tab]()], catalog: itemCatalog() }, [$("item-lines"), $("item-days")], "items[0].");
  $("add-to-cart").disabled = !result;
  if (!result) {
    $("item-total").textContent = "–";
    delete $("item-total").dataset.amount;
    $("item-lines").append(el("p", { className: "hint", textContent: t("fixField") }));
    return;
  }
  const quoted = result.items[0];
  $("item-total").textContent = money(result.tradePrice);
  $("item-total").dataset.amount = result.tradePrice;
  // The same drawing as the first estimate prerendered into index.html (scripts/build-page.mjs).
  $("item-lines").replaceChildren(...itemLines(quoted));
  const connection = quoted.pricing?.model === "connectionAndMessages";
  $("item-days").replaceChildren(...(quoted.days?.length ? [...(connection ? connectionFacts(quoted) : []), connection ? connectionDaysTable(quoted.days) : daysTable(quoted.days)] : []));
}

/**
 * What a connection-and-messages month comes to, in a customer's words: its connection minutes
 * (billed and free, IOT-26, IOT-28), and the day its messages reach each higher tier (IOT-27).
 */
function connectionFacts(quoted) {
  const minutes = quoted.days.reduce((sum, d) => ({ billable: sum.billable + BigInt(d.connectionMinutes.billable), free: sum.free + BigInt(d.connectionMinutes.freeQuota) }), { billable: 0n, free: 0n });
  const facts = [el("p", { id: "iot-minutes-shown", textContent: t("iot.minutesShown", { billable: number(String(minutes.billable - minutes.free)), free: number(String(minutes.free)) }) })];
  const reached = new Set([1]);
  for (const d of quoted.days) {
    for (const part of d.messages.tiers) {
      if (reached.has(part.tier)) continue;
      reached.add(part.tier);
      facts.push(el("p", { className: "tier-reached", "data-tier": String(part.tier), textContent: t("iot.tierReached", { tier: part.tier, date: day(d.date) }) }));
    }
  }
  return facts;
}

/** The cart's own prices on the chosen site (SITE-1), or nothing when it has none there. */
const cartCatalog = () => {
  const own = state.cartCatalog[site()];
  return own && Object.keys(own).length ? own : undefined;
};

function cartRequest() {
  const request = { items: state.cart, catalog: cartCatalog() };
  const percent = read("cart-discount");
  if (percent !== "") request.discounts = [{ percent }];
  return request;
}

/**
 * The cart's error in a customer's words. SITE-1: an item priced on one site has no price on a site
 * that publishes none in its currency; the engine's message names the request's catalog field, which
 * a customer on the page never sees: they are told which item, and what they can do.
 */
function cartError(error, path) {
  if (error.code !== "price_not_published") return String(error.message);
  const n = Number(path.match(/^items\[(\d+)\]/)?.[1] ?? NaN) + 1;
  return t(Number.isInteger(n) ? "err.cartNotPublished" : "err.cartNotPublishedAny", { n, site: t(`siteName.${site()}`) });
}

/**
 * The cart's discount as a line of the item, as the CSV export has it: the item's amount above its
 * lines is after the discount, and its lines add up to it only with this one.
 */
function discountLine(item) {
  if (!item.discountPrice || Number(item.discountPrice) === 0) return null;
  const amount = `-${item.discountPrice}`;
  return { description: t("discountLine", { percent: number(item.discountPercent) }), formula: t("discountFormula", { percent: number(item.discountPercent), amount: money(item.originalPrice) }), amount, exactAmount: amount, rules: [] };
}

function renderCart() {
  const cart = $("cart");
  clearErrors(cart);
  $("cart-empty").hidden = state.cart.length > 0;
  lastCart = null;
  $("cart-estimate").hidden = true;
  $("cart-before-discount").hidden = true;
  // Nothing to export or to run out of money on an empty cart (or one the engine refuses).
  for (const id of ["export-csv", "export-json", "cart-runway"]) $(id).disabled = true;
  if (!state.cart.length) {
    $("cart-items").replaceChildren();
    $("cart-total").textContent = money("0");
    $("cart-total").dataset.amount = "0.00";
    return;
  }
  const { result, error } = call(quote, cartRequest());
  if (error) {
    const path = String(error.path ?? "");
    if (path.startsWith("discounts")) showError(cart, error, path, $("cart-error"));
    else sayError($("cart-error"), cartError(error, path), error);
    $("cart-total").textContent = "–";
    delete $("cart-total").dataset.amount;
    return;
  }
  lastCart = result;
  for (const id of ["export-csv", "export-json", "cart-runway"]) $(id).disabled = false;
  $("cart-total").textContent = money(result.tradePrice);
  $("cart-total").dataset.amount = result.tradePrice;
  // With a discount, the total says what it was before, so the items' own lines can be checked against it.
  const discounted = Number(result.discountPrice) !== 0;
  $("cart-before-discount").hidden = !discounted;
  $("cart-before-discount").textContent = discounted ? t("beforeDiscount", { amount: money(result.originalPrice), discount: money(`-${result.discountPrice}`) }) : "";
  const estimate = result.estimate;
  for (const [id, amount] of [["est-upfront", estimate.upfront], ["est-monthly", estimate.monthly], ["est-one-off", estimate.oneOff], ["est-first-year", estimate.firstYear]]) {
    $(id).textContent = money(amount);
    $(id).dataset.amount = amount;
  }
  $("cart-estimate").hidden = false;
  $("cart-items").replaceChildren(
    ...result.items.map((item, i) =>
      el(
        "article",
        { className: "cart-item" },
        el(
          "header",
          {},
          el("h3", { textContent: `${i + 1}. ${item.description}` }),
          el("span", { className: `kind kind-${item.kind}`, textContent: t(`kind.${item.kind}`) }),
          el("span", { className: "num item-amount", textContent: money(item.tradePrice) }),
          el("button", { type: "button", className: "link remove", textContent: t("remove"), "aria-label": t("removeItem", { n: i + 1 }), "data-remove": String(i) }),
        ),
        linesTable(item.lines.concat(discountLine(item) ?? []), item.description),
        warningsList(item.warnings) ?? "",
      ),
    ),
  );
}

function renderCompare() {
  const form = document.querySelector('[data-form="compare"]');
  const result = priced(form, $("cmp-error"), compareBillingMethod, compareRequest(), [$("cmp-summary"), $("cmp-chart"), $("cmp-notes")]);
  if (!result) return;
  if (result.iotOptions) return renderIotOptions(result);
  // IoT compares two instance types, not two billing methods of one: name them so.
  const method = (billing) => (result.product === "iot" || read("cmp-product") === "iot" ? t(`cmp.iot.${billing}`) : t(`billing.${billing}`));
  const headline =
    result.cheapest === "tie"
      ? t("cmp.tie", { months: number(result.months) })
      : t("cmp.cheapest", { method: method(result.cheapest), savings: money(result.savings), percent: number(result.savingsPercent), months: number(result.months) });
  const be = result.breakEven;
  const breakEven = !be
    ? t("cmp.noBreakEven")
    : be.lastWinningHours !== undefined && be.lastWinningHours !== null
      ? t("cmp.breakEvenPeriods", { last: number(be.lastWinningHours), lastCost: money(be.lastWinningCost), next: number(be.nextPeriodHours), nextCost: money(be.nextPeriodCost), hours: number(be.hoursPerMonth) })
      : be.hoursPerMonth !== undefined && be.hoursPerMonth !== null
        ? t("cmp.breakEven", { hours: number(be.hoursPerMonth) })
        : "";
  $("cmp-summary").replaceChildren(
    el("p", { className: "headline", id: "cmp-headline", textContent: headline }),
    breakEven ? el("p", { id: "cmp-break-even" }, `${breakEven} `, be?.rules ? ruleLinks(be.rules) : "") : "",
    el("ul", { className: "options" }, ...result.options.map((o) => el("li", { className: `option-${o.billing}` }, el("strong", { textContent: method(o.billing) }), ` ${money(o.total)} · ${t("cmp.perMonth", { amount: money(o.perMonth) })}`))),
  );
  const labels = { title: t("cmp.chart"), month: t("cmp.chartMonth"), subscription: method("subscription"), payAsYouGo: method("payAsYouGo") };
  $("cmp-chart").replaceChildren(
    costChart(result.curve, labels, $("cmp-chart").clientWidth || 640),
    el("figcaption", {}, el("span", { className: "key key-subscription", textContent: labels.subscription }), el("span", { className: "key key-payg", textContent: labels.payAsYouGo })),
  );
  const notes = [];
  if (result.switching) {
    // Not bought yet (CP-7): the engine's reason already says what may be chosen now and what can
    // change later; bought: the verdict, then the reason. Never "not allowed" before a purchase.
    const bought = read("cmp-product") === "cloudPhone" && read("cmp-current") !== "";
    const verdict = bought ? `${t(result.switching.allowed ? "cmp.switchAllowed" : "cmp.switchRefused")} ` : "";
    notes.push(el("p", { id: "cmp-switching" }, `${verdict}${result.switching.reason} `, ruleLinks(result.switching.rules)));
  }
  $("cmp-notes").replaceChildren(...notes, warningsList(result.caveats) ?? "");
}

/**
 * Every IoT option for one fleet (issue 32): the cheapest available first in words, each option's
 * total or why it cannot carry the fleet, and the chart of Enterprise Edition against the
 * connection-and-messages billing where both are priced.
 */
function renderIotOptions(result) {
  const cheapest = result.iotOptions.find((o) => o.option === result.cheapestOption);
  const headline = cheapest
    ? t("cmp.iot.cheapestOption", { option: cheapest.description, total: money(cheapest.total), months: number(result.months) })
    : t("cmp.iot.noneAvailable");
  $("cmp-summary").replaceChildren(el("p", { className: "headline", id: "cmp-headline", textContent: headline }), iotOptionsTable(result.iotOptions));
  if (result.curve.length) {
    const labels = { title: t("cmp.chart"), month: t("cmp.chartMonth"), subscription: t("cmp.iot.subscription"), payAsYouGo: t("cmp.iot.payAsYouGo") };
    $("cmp-chart").replaceChildren(
      costChart(result.curve, labels, $("cmp-chart").clientWidth || 640),
      el("figcaption", {}, el("span", { className: "key key-subscription", textContent: labels.subscription }), el("span", { className: "key key-payg", textContent: labels.payAsYouGo })),
    );
  } else $("cmp-chart").replaceChildren();
  $("cmp-notes").replaceChildren(warningsList(result.caveats) ?? "");
}

function duration(ms) {
  const hours = Math.round(ms / 3_600_000);
  // English says "1 day", "1 hour": the singular has its own key.
  const part = (n, unit) => t(n === 1 ? unit : `${unit}s`, { n });
  const days = Math.floor(hours / 24);
  if (!days) return part(hours, "hour");
  return hours % 24 ? t("daysHours", { d: part(days, "day"), h: part(hours % 24, "hour") }) : part(days, "day");
}

/** How long the balance lasts (a lifecycle or an account answer), or nothing when it is not predicted. */
function runwayFact(result, account) {
  if (!result.creditRunsOutAt || !account) return "";
  const ms = Date.parse(result.creditRunsOutAt) - Date.parse(result.horizon.from);
  return el("p", { id: "lc-runway" }, t("lc.runway", { balance: money(account.balance), date: instant(result.creditRunsOutAt), duration: duration(ms) }));
}

/** The last safe moment; or that nothing is interrupted (of what was bought, when the balance refused a subscription). */
function lastSafeFact(result) {
  const refused = result.items?.filter((item) => item.purchase === "refused").length ?? 0;
  const none = refused === 0 ? "lc.noInterruption" : refused === result.items.length ? "lc.nothingRuns" : "lc.noInterruptionOfTheRest";
  return el("p", { id: "lc-last-safe", className: "headline" }, result.lastSafeMoment ? t("lc.lastSafe", { date: instant(result.lastSafeMoment) }) : t(none));
}

/** One timeline entry: when, what (with the item it is about), the state after it, effects and rules. */
function timelineEntry(entry, items) {
  const who = entry.item === undefined ? t("lc.account") : `${entry.item + 1}. ${items?.[entry.item]?.description ?? ""}`;
  return el(
    "li",
    { className: `entry state-${entry.state ?? "account"}` },
    el("time", { dateTime: entry.at, textContent: instant(entry.at) }),
    items ? el("span", { className: "who", textContent: who }) : "",
    el("strong", { className: "event", textContent: t(`event.${entry.event}`) }),
    entry.state ? el("span", { className: `badge state-${entry.state}`, textContent: t(`state.${entry.state}`) }) : "",
    el("ul", { className: "effects" }, ...entry.effects.map((text) => el("li", { textContent: readableText(text, entry.at) }))),
    ruleLinks(entry.rules),
  );
}

/** "If I stop paying" for the whole cart: one balance, each item's fate (simulateAccount). */
function renderAccount(form) {
  const outputs = [$("lc-summary"), $("lc-bar"), $("lc-items"), $("lc-timeline")];
  if (state.cart.length === 0) {
    clearErrors(form);
    $("lc-error").textContent = "";
    for (const node of outputs) node.replaceChildren();
    $("lc-summary").append(el("p", { className: "empty-state", id: "lc-cart-empty", textContent: t("lc.cartEmpty") }));
    $("lc-prepaid").hidden = true;
    return;
  }
  const request = accountRequest();
  const result = priced(form, $("lc-error"), simulateAccount, request, outputs);
  if (!result) {
    $("lc-prepaid").hidden = true;
    return;
  }
  const facts = [runwayFact(result, request.account)];
  const first = result.firstInterruption;
  if (first) {
    // The colon is the language's: full-width in Chinese ("…每小时 USD 1.15：停机").
    const what = t("lc.firstStopWhat", { description: result.items[first.item].description, event: t(`event.${first.event}`) });
    facts.push(el("p", { id: "lc-first-stop" }, t("lc.firstStop", { n: first.item + 1, what, date: instant(first.at) })));
  }
  facts.push(lastSafeFact(result));
  const keep = result.keepRunning;
  if (keep) {
    const text = keep.topUp === "0.00" ? t("lc.keepRunningNone", { date: instant(keep.until) }) : t("lc.keepRunning", { date: instant(keep.until), amount: money(keep.topUp) });
    facts.push(el("p", { id: "lc-keep-running", className: "headline", "data-amount": keep.topUp }, text));
  }
  facts.push(el("p", { textContent: t("lc.billed", { amount: money(result.billed) }) }));
  // What the balance cannot buy is said first (the engine's purchase_refused warning, written here
  // in the page's words); the other warnings follow the facts.
  const refused = result.items.filter((item) => item.purchase === "refused");
  const cannotBuy = refused.length
    ? el("p", { id: "lc-cannot-buy", className: "notice" }, t("lc.cannotBuy", {
      balance: money(request.account.balance),
      items: refused.map((item) => t("lc.refusedItem", { n: item.index + 1, description: item.description, price: money(item.prepaid) })).join(t("listSeparator")),
    }))
    : "";
  // The account is billed at list prices (simulateAccount takes no discount): said, not hidden.
  const percent = read("cart-discount");
  const listPrices = !/^\d+(\.\d+)?$/.test(percent) || Number(percent) === 0 ? "" : el("p", { id: "lc-list-prices", className: "notice" }, t("lc.discountNotApplied", { percent: number(percent) }));
  $("lc-summary").replaceChildren(cannotBuy, listPrices, ...facts, warningsList(result.warnings.filter((w) => w.code !== "purchase_refused")) ?? "");
  // Subscriptions are prepaid: what they cost upfront, and what of it this balance bought.
  const upfront = result.items.reduce((sum, item) => sum + Math.round(Number(item.prepaid) * 100), 0);
  const amount = money((upfront / 100).toFixed(2));
  // Nothing bought: the notice above says why.
  $("lc-prepaid").hidden = upfront === 0 || (result.subscriptions === "buyAtStart" && result.prepaid === "0.00");
  $("lc-prepaid").textContent = result.subscriptions === "alreadyPaid" ? t("lc.prepaid", { amount })
    : refused.length ? t("lc.prepaidPartly", { amount, bought: money(result.prepaid) })
    : t("lc.prepaidFromBalance", { amount });
  $("lc-bar").replaceChildren();
  $("lc-items").replaceChildren(
    ...result.items.map((item) => {
      const own = result.timeline.filter((e) => e.item === item.index);
      return el(
        "li",
        { className: "account-item" },
        el("h3", { textContent: `${item.index + 1}. ${item.description}` }),
        el("span", { className: `badge state-${item.finalState}`, textContent: t(`state.${item.finalState}`) }),
        el("span", { className: "num item-billed", "data-amount": item.billed, textContent: t("lc.itemBilled", { amount: money(item.billed) }) }),
        item.purchase ? el("span", { className: `num item-prepaid purchase-${item.purchase}`, "data-amount": item.prepaid, textContent: t(`lc.itemPrepaid.${item.purchase}`, { amount: money(item.prepaid) }) }) : "",
        item.dataDeletedAt ? el("p", { className: "hint", textContent: t("lc.itemDeleted", { date: instant(item.dataDeletedAt) }) }) : "",
        phaseBar(own, result.horizon),
      );
    }),
  );
  $("lc-timeline").replaceChildren(...result.timeline.map((entry) => timelineEntry(entry, result.items)));
}

function renderLifecycle() {
  const form = document.querySelector('[data-form="lifecycle"]');
  if (read("lc-resource") === "cart") return renderAccount(form);
  $("lc-items").replaceChildren();
  $("lc-prepaid").hidden = true;
  const request = lifecycleRequest();
  const result = priced(form, $("lc-error"), simulateLifecycle, request, [$("lc-summary"), $("lc-bar"), $("lc-timeline")]);
  if (!result) return;
  const facts = [];
  facts.push(runwayFact(result, request.account));
  facts.push(lastSafeFact(result));
  if (result.dataDeletedAt) facts.push(el("p", { textContent: t("lc.deleted", { date: instant(result.dataDeletedAt) }) }));
  facts.push(el("p", { textContent: `${t("lc.final", { state: t(`state.${result.finalState}`) })} ${t("lc.billed", { amount: money(result.billed) })}` }));
  $("lc-summary").replaceChildren(...facts, warningsList(result.warnings) ?? "");
  $("lc-bar").replaceChildren(phaseBar(result.timeline, result.horizon));
  $("lc-timeline").replaceChildren(...result.timeline.map((entry) => timelineEntry(entry)));
}

/**
 * The Terraform plan tab (issue 33): its code (www/plan.js) is imported the first time the tab is
 * shown, so it never delays the first price; until then, and if it cannot load, the tab's own
 * text says what to do. Its priced resources join the cart as the quote items they became.
 */
let planView = null;
let planLoading = null;
function renderPlan() {
  if (planView) return planView.render();
  planLoading ??= import("./plan.js").then(({ mountPlan }) => {
    planView = mountPlan({ price: quoteTerraformPlan, addToCart: addPlanItems });
    planView.render();
  });
}

/** Adds quote items to the cart, as many as it holds; returns how many were added. */
function addPlanItems(items) {
  const room = Math.max(MAX_CART - state.cart.length, 0);
  const added = items.slice(0, room).map((item) => JSON.parse(JSON.stringify(item)));
  state.cart.push(...added);
  render();
  return added.length;
}

/** Recomputes what the visible tab shows, and the cart; then remembers the state in the URL. */
function render() {
  applyVisibility();
  if (!engineReady) return;
  if (PRODUCT_TABS.includes(state.tab)) renderItem();
  else if (state.tab === "compare") renderCompare();
  else if (state.tab === "plan") renderPlan();
  else renderLifecycle();
  renderCart();
  scheduleUrlUpdate();
}

// ------------------------------------------------------------------ IoT message mix and day table

function optionList(select, values, label = (v) => v) {
  select.replaceChildren(...values.map((v) => el("option", { value: v, textContent: label(v) })));
}

/** The generation or edition whose categories the IoT form offers: "basic", "pro" or "connectionAndMessages". */
const billedBy = () => (read("iot-pricing") === "basicPro" ? read("iot-edition") : "connectionAndMessages");

/**
 * A category's name as the catalog gives it, first letter up; on Basic/Pro, a category one edition
 * alone bills says which (IOT-13).
 */
function categoryLabel(c) {
  const label = c.label.charAt(0).toUpperCase() + c.label.slice(1);
  if (read("iot-pricing") !== "basicPro" || !c.billable || c.billedBy.includes("basic") === c.billedBy.includes("pro")) return label;
  return t(c.billedBy.includes("basic") ? "cat.basicOnly" : "cat.proOnly", { label });
}

/** A category list for the instance's billing: billed categories first, then the free ones (IOT-13, IOT-14). */
function categorySelect(row, j) {
  const by = billedBy();
  const offered = categories.filter((c) => !c.billable || c.billedBy.includes(by) || c.name === row.category);
  const group = (key, list) => el("optgroup", { label: t(key) }, ...list.map((c) => el("option", { value: c.name, textContent: categoryLabel(c) })));
  const select = el(
    "select",
    { id: `iot-mix-${j}-category`, "data-path": `usage.perDay.messages[${j}].category`, "aria-label": `${t("iot.category")} ${j + 1}` },
    // A name the list does not know (from a link, or before the engine lists them) stays visible, so
    // the engine's error can point at it.
    ...(categories.some((c) => c.name === row.category) ? [] : [el("option", { value: row.category, textContent: row.category })]),
    group("cat.billable", offered.filter((c) => c.billable)),
    group("cat.free", offered.filter((c) => !c.billable)),
  );
  select.value = row.category;
  return select;
}

function renderMix() {
  const rows = state.mix.map((row, j) =>
    el(
      "tr",
      { "data-row": String(j) },
      el("td", {}, el("input", { id: `iot-mix-${j}-bytes`, type: "text", inputMode: "numeric", value: row.bytes, autocomplete: "off", "data-path": `usage.perDay.messages[${j}].bytes`, "data-expect": "bytes", "aria-label": `${t("iot.bytes")} ${j + 1}` })),
      el("td", {}, el("input", { id: `iot-mix-${j}-count`, type: "text", inputMode: "numeric", value: row.count, autocomplete: "off", "data-path": `usage.perDay.messages[${j}].count`, "data-expect": "count", "aria-label": `${t("iot.count")} ${j + 1}` })),
      el("td", {}, categorySelect(row, j)),
      el("td", {}, state.mix.length > 1 ? el("button", { type: "button", className: "link", textContent: t("iot.removeRow"), "aria-label": `${t("iot.removeRow")} ${j + 1}`, "data-remove-row": String(j) }) : ""),
    ),
  );
  $("iot-mix").replaceChildren(...rows);
  renderDayTable();
}

/** The day table's last column: living devices (Basic/Pro) or connection minutes (connection and messages). */
const extraColumn = () => (read("iot-pricing") === "basicPro" ? "iot.devices" : "iot.minutesColumn");

/** One row per day of the month: each mix row's count that day, and living devices or connection minutes. */
function renderDayTable() {
  const month = read("iot-month");
  const n = daysInMonth(month) || 0;
  // New days start from the same-every-day figures as they stand when the table opens.
  if (read("iot-mode") === "days") while (state.days.length < n) state.days.push({ c: state.mix.map((r) => r.count), d: read(read("iot-pricing") === "basicPro" ? "iot-devices" : "iot-minutes") || "0" });
  $("iot-days-head").replaceChildren(
    el("tr", {}, el("th", { scope: "col", textContent: t("iot.date") }), ...state.mix.map((r) => el("th", { scope: "col", textContent: `${t("iot.bytesShort", { n: /^\d+$/.test(r.bytes) ? number(r.bytes) : r.bytes })} · ${categories.find((c) => c.name === r.category)?.label ?? r.category}` })), el("th", { scope: "col", textContent: t(extraColumn()) })),
  );
  $("iot-days").replaceChildren(
    ...state.days.slice(0, n).map((day, i) => {
      const date = `${month}-${String(i + 1).padStart(2, "0")}`;
      return el(
        "tr",
        {},
        el("th", { scope: "row", textContent: date }),
        ...state.mix.map((_, j) => el("td", {}, el("input", { id: `iot-day-${i}-${j}`, type: "text", inputMode: "numeric", autocomplete: "off", value: day.c[j] ?? "0", "data-path": `usage.days[${i}].messages[${j}].count`, "data-expect": "count", "aria-label": `${date} ${t("iot.count")} ${j + 1}` }))),
        el("td", {}, el("input", { id: `iot-day-${i}-dev`, type: "text", inputMode: "numeric", autocomplete: "off", value: day.d ?? "0", "data-path": `usage.days[${i}].${read("iot-pricing") === "basicPro" ? "livingDevices" : "connectionMinutes"}`, "data-expect": "count", "aria-label": `${date} ${t(extraColumn())}` })),
      );
    }),
  );
}

/** Keeps `state.mix` and `state.days` in step with what was typed into their inputs. */
function captureDynamic(target) {
  let m = target.id.match(/^iot-mix-(\d+)-(bytes|count|category)$/);
  if (m) {
    state.mix[Number(m[1])][m[2]] = target.value.trim();
    if (m[2] !== "count") renderDayTable();
    return;
  }
  m = target.id.match(/^iot-day-(\d+)-(\d+|dev)$/);
  if (m) {
    const day = state.days[Number(m[1])];
    if (m[2] === "dev") day.d = target.value.trim();
    else day.c[Number(m[2])] = target.value.trim();
  }
}

// ------------------------------------------------------------------ state in the URL

// File inputs (the plan tab's) hold files, not text a link could carry.
const FIELD_SELECTOR = "[data-form] input[id]:not([type=file]), [data-form] select[id], #cart-discount";

function isDynamic(id) {
  return /^iot-(mix|day)-/.test(id);
}

function snapshot() {
  const fields = {};
  for (const input of document.querySelectorAll(FIELD_SELECTOR)) {
    if (isDynamic(input.id)) continue;
    if (input.type === "radio") {
      if (input.checked) fields[input.name] = input.value;
    } else fields[input.id] = input.type === "checkbox" ? input.checked : input.value;
  }
  return { v: 1, tab: state.tab, lang: language(), site: site(), fields, mix: state.mix, days: state.days, cart: state.cart, cartCatalog: state.cartCatalog };
}

function encode(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}

const isPlain = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v) => typeof v === "string" && v.length <= 200;

/** Checks a decoded link's shape; returns the i18n key of the reason to reject it, or null. Values stay text. */
function invalidReason(s) {
  if (!isPlain(s) || s.v !== 1) return "link.notEstimate";
  if (!TABS.includes(s.tab)) return "link.unknownTab";
  if (!isPlain(s.fields) || !Object.values(s.fields).every((v) => isText(v) || typeof v === "boolean")) return "link.badFields";
  if (!Array.isArray(s.mix) || s.mix.length < 1 || s.mix.length > 20 || !s.mix.every((r) => isPlain(r) && ["bytes", "count", "category"].every((k) => isText(r[k])))) return "link.badMix";
  if (!Array.isArray(s.days) || s.days.length > 31 || !s.days.every((d) => isPlain(d) && Array.isArray(d.c) && d.c.every(isText) && isText(d.d))) return "link.badDays";
  if (!Array.isArray(s.cart) || s.cart.length > MAX_CART || !s.cart.every(isPlain)) return "link.badCart";
  if (JSON.stringify(s.cart).length > 200_000) return "link.cartTooLarge";
  if (s.site !== undefined && !(s.site in SITES)) return "link.badFields";
  if (s.cartCatalog !== undefined && (!isPlain(s.cartCatalog) || !Object.entries(s.cartCatalog).every(([k, v]) => k in SITES && isPlain(v)) || JSON.stringify(s.cartCatalog).length > 20_000)) return "link.badCart";
  return null;
}

/** Links made before the ECS prices were kept per billing method: their prices belong to the method they were typed for. */
function migrateFields(fields) {
  const out = { ...fields };
  const prefix = fields["ecs-billing"] === "payAsYouGo" ? "ecs-payg" : "ecs-sub";
  for (const kind of ["instance", "disk", "bandwidth"]) {
    if (`ecs-${kind}` in out) {
      out[`${prefix}-${kind}`] ??= out[`ecs-${kind}`];
      delete out[`ecs-${kind}`];
    }
  }
  return out;
}

function restore(s) {
  for (const [key, value] of Object.entries(migrateFields(s.fields))) {
    const group = document.getElementsByName(key);
    if (group.length && group[0].type === "radio") {
      for (const radio of group) radio.checked = radio.value === value;
      continue;
    }
    const input = $(key);
    if (!input || !input.matches(FIELD_SELECTOR) || isDynamic(key)) continue;
    if (input.type === "checkbox") input.checked = value === true;
    else {
      input.value = String(value);
      // A date input refuses a day that does not exist ("2026-02-30"): remember what the link said,
      // so the message beside the field can name it.
      if (input.value !== String(value)) input.dataset.rejected = String(value);
    }
  }
  state.tab = s.tab;
  state.mix = s.mix.map((r) => ({ bytes: r.bytes, count: r.count, category: r.category }));
  state.days = s.days.map((d) => ({ c: [...d.c], d: d.d }));
  state.cart = s.cart;
  state.cartCatalog = s.cartCatalog ?? {};
  // Links made before the site was chosen are on the international site.
  $("site").value = s.site ?? "international";
}

let urlTimer = 0;
function scheduleUrlUpdate() {
  clearTimeout(urlTimer);
  // Debounced: browsers throttle history updates made on every keystroke.
  urlTimer = setTimeout(updateUrl, 150);
}

function updateUrl() {
  const url = new URL(location.href);
  url.search = `?s=${encode(snapshot())}`;
  history.replaceState(null, "", url);
  $("share-link").value = url.href;
  document.documentElement.dataset.urlSynced = String(Date.now());
}

// ------------------------------------------------------------------ tabs, language, export

function showTab(name, focus = false) {
  state.tab = name;
  for (const tab of TABS) {
    const button = $(`tab-${tab}`);
    const selected = tab === name;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  $("item-result").hidden = !PRODUCT_TABS.includes(name);
}

function selectTab(name, focus = false) {
  // "Added to the cart." is about the item that was added: beside another product's item it would
  // say that one is in the cart too.
  if (PRODUCT_TABS.includes(name) && name !== addedFrom) say("add", null);
  showTab(name, focus);
  render();
}

/**
 * Everything the page says in its own words, in `lang`: the document's title and description, every
 * `data-i18n` node, the status lines (re-said from their keys, so nothing stale or "Loading…" comes
 * back), the categories, the footer and the rules. The engine's texts follow on the next render.
 */
function applyLanguage(lang) {
  setLanguage(lang);
  document.documentElement.lang = language();
  $("lang").value = language();
  document.title = t("docTitle");
  document.querySelector('meta[name="description"]')?.setAttribute("content", t("docDescription"));
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  for (const [line, id] of [["status", "status"], ["add", "add-status"], ["copy", "copy-status"]]) {
    $(id).textContent = said[line] ? t(said[line].key, said[line].vars) : "";
  }
  $("link-error").textContent = said.link ? t("linkError", { reason: t(said.link) }) : "";
  if (engineReady) readCategories();
  renderMix();
  if (engineReady) {
    renderFooter();
    renderRules();
  }
}

/** The message categories from the engine's catalog, named in the page's language (issue 29). */
function readCategories() {
  categories = catalog({ locale: language() }).iot.categories;
}

/**
 * The site whose prices and currency every tab uses (SITE-1): the labels that name the currency, the
 * site's catalog (its published prices), and then every price, on the next render.
 */
function chooseSite() {
  setCurrency(SITES[site()]);
  // A price typed for one site is in its currency: it does not carry over to another (SITE-1).
  for (const input of document.querySelectorAll('[data-expect="ownPrice"]')) input.value = "";
  if (engineReady) siteCatalog = catalog({ site: site() });
  applyLanguage(language());
}

/** The prerendered first estimate (scripts/build-page.mjs) in the visitor's language, until the engine's own. */
function showPrerendered() {
  const template = document.querySelector(`template[data-first-estimate="${language()}"]`);
  if (!template) return;
  for (const part of template.content.querySelectorAll("[data-for]")) {
    $(part.dataset.for)?.replaceChildren(...part.cloneNode(true).childNodes);
  }
}

/** A rule's source without the dates titles carry: the footer dates every document, in one format. */
const undated = (source) => source.split(/([;；]\s*)/).map((part, i) => (i % 2 ? part : documentTitle(part).title)).join("");

/** Every billing rule explained for a customer, in the page's language, with its document (catalog). */
function renderRules() {
  const { rules } = catalog({ locale: language(), site: site() });
  $("rule-list").replaceChildren(
    ...rules.flatMap(({ id, text, source }) => [
      el("dt", { id: `rule-${id}`, textContent: id, tabIndex: -1 }),
      el("dd", {}, `${text} `, el("cite", { className: "rule-source" }, ...withCodes(t("ruleSource", { source: undated(source) })))),
    ]),
  );
}

/**
 * The footer's sources, in the page's language, each with its date: the documents the rules cite
 * (catalog({ locale }).rules[].source), dated from the catalog's own sources where they state one.
 */
function renderFooter() {
  $("sources").replaceChildren(...sourceList(catalog({ locale: language(), site: site() })));
  const v = version();
  $("versions").textContent = t("footer.versions", { catalog: v.catalog, package: v.package });
}


function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A line's unit for a reader: the engine's unit codes ("phone-hour", "1,000,000 messages") in the page's language. */
function unitText(unit) {
  const many = String(unit).match(/^([\d,]+) (messages|minutes)$/);
  if (many) return t(`unit.${many[2]}N`, { n: number(many[1].replace(/,/g, "")) });
  return t(`unit.${unit}`, {}, unit);
}

/** CSV of the cart's lines (CP-12: bills can be exported as CSV). */
function cartCsv(result) {
  const cell = (value, text = true) => {
    let s = String(value ?? "");
    // A text cell starting with = + - @ would run as a formula in a spreadsheet.
    if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = ["item", "product", "kind", "itemDescription", "line", "formula", "quantity", "unit", "unitPrice", "amount", "rules"];
  const rows = [header.map((h) => cell(t(`csv.${h}`)))];
  for (const item of result.items) {
    const head = [cell(item.index + 1, false), cell(t(`product.${item.product}`)), cell(t(`kind.${item.kind}`)), cell(item.description)];
    for (const line of item.lines) {
      rows.push([...head, cell(line.description), cell(line.formula), cell(line.quantity, false), cell(unitText(line.unit)), cell(line.unitPrice, false), cell(line.amount, false), cell(line.rules.join(" "))]);
    }
    if (Number(item.discountPrice) !== 0) rows.push([...head, cell(t("csv.discount")), "", "", "", "", cell(`-${item.discountPrice}`, false), ""]);
  }
  rows.push(["", "", "", "", cell(t("total")), "", "", "", "", cell(result.tradePrice, false), ""]);
  // The estimate (issue 19): the same figures as the page's summary.
  const e = result.estimate;
  for (const [label, amount] of [["est.upfront", e.upfront], ["est.monthly", e.monthly], ["est.oneOff", e.oneOff], ["est.firstYear", e.firstYear]]) {
    rows.push(["", "", "", "", cell(t(label)), "", "", "", "", cell(amount, false), ""]);
  }
  return `${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
}

function exportCsv() {
  if (lastCart) download("alicloud-estimate.csv", "text/csv;charset=utf-8", `\ufeff${cartCsv(lastCart)}`);
}

function exportJson() {
  if (!lastCart) return;
  // The request as the engine priced it, locale included: running it again gives the same answer and texts.
  const body = { generator: `alicloud-cost ${version().package}`, catalogVersion: lastCart.catalogVersion, request: { ...cartRequest(), locale: language(), site: site() }, quote: lastCart };
  download("alicloud-estimate.json", "application/json", `${JSON.stringify(body, null, 2)}\n`);
}

// ------------------------------------------------------------------ start

function wire() {
  document.addEventListener("input", (event) => {
    const target = event.target;
    if (target.id === "lang" || target.id === "site") return;
    // The item has changed since it was added: what is shown now is not in the cart.
    if (target.closest("[data-product]")) say("add", null);
    delete target.dataset.rejected;
    if (isDynamic(target.id)) captureDynamic(target);
    if (target.id === "iot-month") renderDayTable();
    render();
  });
  document.addEventListener("change", (event) => {
    const target = event.target;
    // A text field's change comes on blur, after its input events have rendered: rendering again
    // would replace the button being clicked (mousedown blurs the field) and swallow the click.
    if (target.matches('input[type="text"], input[type="date"], input[type="month"]')) return;
    if (target.id === "lang") {
      applyLanguage(target.value);
      render();
      return;
    }
    if (target.id === "site") {
      chooseSite();
      render();
      return;
    }
    if (target.closest("[data-product]")) say("add", null);
    if (target.name === "iot-mode") renderDayTable();
    if (target.id === "iot-edition" || target.id === "iot-pricing") renderMix();
    if (isDynamic(target.id)) captureDynamic(target);
    render();
  });
  for (const form of document.querySelectorAll("form")) form.addEventListener("submit", (e) => e.preventDefault());

  const tablist = document.querySelector('[role="tablist"]');
  tablist.addEventListener("click", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) selectTab(tab.id.slice(4));
  });
  // Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation).
  tablist.addEventListener("keydown", (event) => {
    const i = TABS.indexOf(state.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(TABS[(next + TABS.length) % TABS.length], true);
  });

  $("add-to-cart").addEventListener("click", () => {
    if (!engineReady || state.cart.length >= MAX_CART) return;
    const item = JSON.parse(JSON.stringify(ITEM_BUILDERS[state.tab]()));
    if (sizingEnterprise()) {
      // The cart has one catalog for all its items: a spec checked against the fleet joins it at its price.
      delete item.fleet;
      item.monthlyPrice = read("iot-ent-price");
    }
    state.cart.push(item);
    // The item's own prices (SITE-1) price it in the cart too.
    const own = ownPrices();
    if (own) state.cartCatalog = { ...state.cartCatalog, [site()]: mergeCatalog(state.cartCatalog[site()], own) };
    addedFrom = state.tab;
    say("add", "status.added");
    render();
  });
  $("cart-items").addEventListener("click", (event) => {
    const button = event.target.closest("[data-remove]");
    if (!button) return;
    state.cart.splice(Number(button.dataset.remove), 1);
    render();
    $("cart-title").focus();
  });
  $("cart-title").tabIndex = -1;
  $("iot-add-row").addEventListener("click", () => {
    state.mix.push({ bytes: "512", count: "0", category: "devicePub" });
    for (const day of state.days) day.c.push("0");
    renderMix();
    render();
    $(`iot-mix-${state.mix.length - 1}-bytes`).focus();
  });
  $("iot-mix").addEventListener("click", (event) => {
    const button = event.target.closest("[data-remove-row]");
    if (!button) return;
    const j = Number(button.dataset.removeRow);
    state.mix.splice(j, 1);
    for (const day of state.days) day.c.splice(j, 1);
    renderMix();
    render();
    $("iot-add-row").focus();
  });
  $("export-csv").addEventListener("click", exportCsv);
  $("export-json").addEventListener("click", exportJson);
  $("cart-runway").addEventListener("click", () => {
    $("lc-resource").value = "cart";
    selectTab("lifecycle", true);
  });
  $("copy-link").addEventListener("click", async () => {
    updateUrl();
    $("share-link").select();
    try {
      await navigator.clipboard.writeText($("share-link").value);
      say("copy", "copied");
    } catch {
      say("copy", null);
    }
  });
}

/** A status line, remembered by key so that a language switch says it again in the new language. */
function say(line, key, vars) {
  said[line] = key ? { key, vars } : null;
  const node = { status: $("status"), add: $("add-status"), copy: $("copy-status") }[line];
  node.textContent = key ? t(key, vars) : "";
}

/** The spec lists from the catalog (index.html has them prerendered; this keeps them true to the engine). */
function specOptions(prices) {
  const specLabel = (s) => `${s.id} · ${s.vcpu} vCPU / ${s.memoryGib} GiB / ${s.storageGib} GiB`;
  for (const id of ["cp-spec", "cmp-spec"]) {
    // A link's spec the list does not know stays unchosen, so the engine's error is shown, not a default price.
    const chosen = $(id).selectedIndex === -1 ? "" : $(id).value;
    optionList($(id), prices.cloudPhone.specs.map((s) => s.id), (v) => specLabel(prices.cloudPhone.specs.find((s) => s.id === v)));
    $(id).value = chosen;
  }
}

/** Before the engine: the visitor's language, a shared link's fields, the prerendered first estimate. */
function start() {
  let link = null;
  const encoded = new URLSearchParams(location.search).get("s");
  if (encoded !== null) {
    let reason;
    try {
      const decoded = decode(encoded);
      reason = invalidReason(decoded);
      if (!reason) link = decoded;
    } catch {
      reason = "link.damaged";
    }
    said.link = reason ?? null;
  }
  if (link?.site in SITES) {
    $("site").value = link.site;
    setCurrency(SITES[link.site]);
  }
  applyLanguage(link?.lang in LANGUAGES ? link.lang : pickLanguage(navigator.languages));
  if (link) {
    restore(link);
    // The prerendered estimate is the default item's, not the link's: the engine says the link's.
    $("item-total").textContent = "–";
    $("item-lines").replaceChildren();
  } else showPrerendered();
  showTab(state.tab);
  applyVisibility();
  renderMix();
  wire();
  floatTotalOnPhones();
}

/**
 * On a phone the result comes after the form, below a long form or a month of rows (issue 29):
 * while its place is further down the page, the total and "Add to cart" float at the foot of the
 * screen, as a shop's checkout bar does, and settle back into place when the customer reaches it
 * or passes it. The same elements move (one button, one live total for a screen reader), not a copy.
 */
function floatTotalOnPhones() {
  const slot = $("item-buy-slot");
  const bar = $("item-buy");
  const phone = matchMedia("(max-width: 800px)");
  let below = false;
  const update = () => {
    const float = phone.matches && below;
    if (float !== bar.classList.contains("floating")) {
      // The slot keeps the bar's height, so nothing below it moves when the bar leaves or returns.
      slot.style.minHeight = float ? `${slot.offsetHeight}px` : "";
      bar.classList.toggle("floating", float);
    }
    // Focused fields scroll into view above the bar, not under it (style.css, scroll-padding).
    document.documentElement.style.setProperty("--floating-bar", float ? `${bar.offsetHeight}px` : "0px");
  };
  // The screen stretched upwards without end: the slot meets it unless its place is below the
  // screen's foot. A jump past the result (End, a rule link) turns that on or off too, where the
  // screen alone would see the slot out of view before and after the jump, and say nothing.
  new IntersectionObserver(([entry]) => {
    // A hidden result (the other tabs) has no box: top 0, nothing floats.
    below = !entry.isIntersecting && entry.boundingClientRect.top > 0;
    update();
  }, { rootMargin: "1000000px 0px 0px 0px" }).observe(slot);
  // The bar grows when "Added to the cart." wraps below its button: the space kept for it grows too.
  new ResizeObserver(update).observe(bar);
  phone.addEventListener("change", update);
}

async function main() {
  start();
  // The engine is on its way (index.html preloads its JS and .wasm); say so only if it takes a while.
  const slow = setTimeout(() => !engineReady && say("status", "loading"), 1500);
  const engine = await import("./pkg/alicloud_cost.js");
  await engine.default();
  ({ quote, compareBillingMethod, simulateLifecycle, simulateAccount, catalog, version, quoteTerraformPlan } = engine);
  engineReady = true;
  clearTimeout(slow);
  say("status", null);
  siteCatalog = catalog({ site: site() });
  const prices = catalog();
  specOptions(prices);
  // The message categories from the engine's catalog, in the page's language (issue 29).
  readCategories();
  renderMix();
  render();
  document.documentElement.dataset.ready = "true";
  // Read by the page benchmark and ../shared/tools/first-price.mjs: navigation start to the live engine's first price.
  document.documentElement.dataset.readyAt = performance.now().toFixed(1);
  // Below the fold: the footer's sources and the rules, after the first price.
  setTimeout(() => {
    renderFooter();
    renderRules();
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, 0);
  if ("serviceWorker" in navigator && location.protocol !== "file:") {
    navigator.serviceWorker.register("sw.js").catch(() => {});
  }
}

main().catch((error) => {
  say("status", "engineFailed", { message: error.message });
});
