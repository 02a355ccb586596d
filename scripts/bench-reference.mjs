// The obvious alternative a front-end developer would write (issue 15): the Cloud Phone
// and IoT legacy public rules in plain JavaScript with decimal.js, returning the trade
// price only. `npm run bench` times it beside the package and checks that both give the
// same total for every case it times, so the comparison is between equal answers.
//
// Rules: CP-3 (4-hour periods), CP-6 (prices), IOT-13/14 (billable categories), IOT-15
// (512-byte units), IOT-16 (0.8 per million), IOT-17 (1,000,000 free a month, earliest
// days first), IOT-18 (each day rounded half-up to cents), IOT-19 (Pro: 10 free living
// devices a day, 0.003 each beyond).
import Decimal from "decimal.js";

// Prices parsed once, as a hand-written calculator would keep them.
const PRICES = Object.fromEntries(Object.entries({
  "acp.basic.small": [["9.9057", "0.0457"], ["15.3538", "0.0709"]],
  "acp.std.small": [["13.8679", "0.0579"], ["21.4953", "0.0898"]],
  "acp.std.medium": [["14.9347", "0.0610"], ["23.1488", "0.0945"]],
  "acp.std.large": [["21.3353", "0.0808"], ["33.0697", "0.1252"]],
  "acp.perf.large": [["36.4224", "0.1524"], ["56.4546", "0.2362"]],
}).map(([id, regions]) => [id, regions.map((prices) => prices.map((p) => new Decimal(p)))]));
const MESSAGE_PRICE = new Decimal("0.8").dividedBy(1_000_000);
const DEVICE_PRICE = new Decimal("0.003");
const FREE_CATEGORIES = new Set(["connect", "connAck", "disconnect", "pingReq", "pingResp", "pubAck", "subscribe", "subAck",
  "unsubscribe", "unsubAck", "rulesEngineForward"]);
const cents = (d) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

function cloudPhone(item) {
  const [monthly, hourly] = PRICES[item.spec][item.region === "mainland" ? 0 : 1];
  const phones = item.quantity ?? 1;
  if (item.billing === "subscription") return cents(monthly.times(phones * item.months));
  const billedHours = Math.ceil(item.hours / 4) * 4; // whole hours in the bench's cases
  return cents(hourly.times(phones * billedHours));
}

function iotLegacy(item) {
  const days = Array.isArray(item.usage.days) ? item.usage.days : Array.from({ length: item.usage.days ?? 30 }, () => item.usage.perDay);
  // Message counts are whole numbers far below 2^53 here: plain numbers; money in decimals.
  let freeLeft = 1_000_000;
  let messages = new Decimal(0);
  let devices = new Decimal(0);
  for (const day of days) {
    let billable = 0;
    for (const m of day.messages) {
      if (FREE_CATEGORIES.has(m.category ?? "devicePub")) continue;
      billable += m.count * Math.max(1, Math.ceil(m.bytes / 512));
    }
    const free = Math.min(billable, freeLeft);
    freeLeft -= free;
    messages = messages.plus(cents(MESSAGE_PRICE.times(billable - free)));
    if (item.edition === "pro") devices = devices.plus(cents(DEVICE_PRICE.times(Math.max(0, (day.livingDevices ?? 0) - 10))));
  }
  return messages.plus(devices);
}

/** The trade price of a quote request with Cloud Phone and IoT legacy public items. */
export function referenceQuote(request) {
  let total = new Decimal(0);
  for (const item of request.items) total = total.plus(item.product === "cloudPhone" ? cloudPhone(item) : iotLegacy(item));
  return { tradePrice: total.toFixed(2) };
}
