// Drawing helpers: DOM built with createElement/textContent only (never innerHTML, so no
// text from a link or the engine is ever parsed as markup), the cumulative-cost chart and
// the lifecycle phase bar as SVG.
import { t, language, currency } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";

/** `el("td", { className: "num" }, "text", child)`: properties, then children. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith("aria-") || key.startsWith("data-")) node.setAttribute(key, value);
    // CSSOM, not a style attribute: the page's CSP allows no inline styles.
    else if (key === "style") Object.assign(node.style, value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

/** The arithmetic behind an answer (a fleet's traffic, an Enterprise sizing), with its rule IDs. */
export function formulaList(title, formulas, rules = []) {
  return el(
    "div",
    { className: "arithmetic" },
    el("h3", { textContent: title }),
    el("ul", {}, ...formulas.map((text) => el("li", { textContent: text }))),
    rules.length ? ruleLinks(rules) : "",
  );
}

/**
 * An amount as the engine spells its currency ("USD 1,234.50", "JPY 12,364" in both languages, as in
 * its formulas): one spelling on the whole page, never "$" beside "USD" or "US$". The currency is the
 * chosen site's, with its own decimals (SITE-3: none for the yen).
 */
export function money(amount) {
  return new Intl.NumberFormat(language(), { style: "currency", currency: currency(), currencyDisplay: "code" }).format(amount);
}

export function number(value) {
  return new Intl.NumberFormat(language(), { maximumFractionDigits: 4 }).format(value);
}

/** An instant as a reader in any zone should read a bill: in UTC+8, saying so. */
export function instant(rfc3339) {
  // Written as the engine writes a moment in its texts, so that one timeline never mixes two ways:
  // "5 Dec 2026, 00:00 (UTC+8)" / "2026年12月5日 00:00（UTC+8）", a 24-hour clock as Alibaba's bills
  // have it, with the seconds where they are not zero ("00:59:59", the last safe moment).
  const at = new Date(rfc3339);
  const chinese = language() === "zh-CN";
  const format = new Intl.DateTimeFormat(chinese ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: at.getUTCSeconds() === 0 ? "short" : "medium", timeZone: "Asia/Shanghai" });
  return chinese ? `${format.format(at)}（UTC+8）` : `${format.format(at)} (UTC+8)`;
}

/** A date "YYYY-MM-DD" (or a year, "2020") as a reader of the page's language writes it. */
export function day(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  if (m === undefined) return new Intl.DateTimeFormat(language(), { year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, 0, 1)));
  return new Intl.DateTimeFormat(language(), { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * An engine text with its RFC 3339 instants written for a reader, in UTC+8 as the page's headings
 * are. The instant a heading already shows (`shown`) is left out where a connector introduces it
 * ("ran out at …", "released: …", "于 … 用完"), so the entry does not say it twice.
 */
export function readableText(text, shown) {
  const at = /(\s+at\s+|\s*[:：]\s*|\s*于\s*)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))/g;
  let dropped = false;
  const out = String(text).replace(at, (_, connector, moment) => {
    if (connector && shown && Date.parse(moment) === Date.parse(shown)) {
      dropped = true;
      return "";
    }
    return `${connector ?? ""}${instant(moment)}`;
  });
  // "于 … 用完" less its instant: Chinese puts no space between the words left on either side; nor
  // after a moment written in Chinese, which ends in a full-width parenthesis ("…（UTC+8）到期").
  const spaced = out.replace(/）\s+(?=[\u4e00-\u9fff])/g, "）");
  return dropped ? spaced.replace(/([\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, "$1") : spaced;
}

export function ruleLinks(ids) {
  return el("span", { className: "rules" }, ...ids.map((id) => el("a", { className: "rule", href: `#rule-${id}`, textContent: id, title: t("ruleTitle", { id }) })));
}

/** The lines of one quoted item (or comparison option) as a table. */
export function linesTable(lines, caption) {
  const rows = lines.map((line) =>
    el(
      "tr",
      {},
      el("td", {}, el("div", { textContent: line.description }), el("div", { className: "formula-inline", textContent: line.formula }), ruleLinks(line.rules)),
      el("td", { className: "formula", textContent: line.formula }),
      el("td", { className: "num", textContent: money(line.amount), title: line.exactAmount }),
    ),
  );
  return el(
    "table",
    { className: "lines" },
    el("caption", { className: "visually-hidden", textContent: caption }),
    el("thead", {}, el("tr", {}, ...["line", "formula", "amount"].map((k) => el("th", { scope: "col", className: k === "amount" ? "num" : k === "formula" ? "formula" : "", textContent: t(k) })))),
    el("tbody", {}, ...rows),
  );
}

/** The priced item under "This item": what it is, the arithmetic behind it, its lines, its warnings. */
export function itemLines(quoted) {
  return [
    el("p", { className: "description", textContent: quoted.description }),
    quoted.fleet ? formulaList(t("iot.fleetTraffic"), quoted.fleet.formula, quoted.fleet.rules) : "",
    quoted.sizing ? formulaList(t("iot.sizing"), [quoted.sizing.formula], quoted.sizing.rules) : "",
    linesTable(quoted.lines, t("breakdown")),
    warningsList(quoted.warnings) ?? "",
  ];
}

/** A region that scrolls sideways: keyboard users reach it, screen readers name it (WCAG 2.1.1). */
export function scrollRegion(label, child) {
  return el("div", { className: "scroll", tabIndex: 0, role: "region", "aria-label": label }, child);
}

export function warningsList(warnings) {
  if (!warnings.length) return null;
  return el("ul", { className: "warnings" }, ...warnings.map((w) => el("li", {}, ...quotedCodes(w.message), " ", ruleLinks(w.rules))));
}

/**
 * An engine message with the API names it quotes marked as codes: 'the "ecsChinaSite" preset'
 * (ECS-14) names a policy preset, the same word in every language, not a word to translate.
 */
function quotedCodes(text) {
  return String(text).split(/"([a-z]+(?:[A-Z][a-z0-9]*)+)"/).map((part, i) => (i % 2 ? el("code", { textContent: part }) : part)).filter((part) => part !== "");
}

/** A bill day by day, folded (a month is up to 31 rows, and "Add to cart" stays in reach above it). */
function foldedDays(head, rows) {
  return el(
    "details",
    { className: "days-details" },
    el("summary", { textContent: t("iot.daysSummary", { n: rows.length }) }),
    scrollRegion(t("iot.daysRegion"), el(
      "table",
      { className: "days-result" },
      el("caption", { textContent: t("iot.daysResult") }),
      el("thead", {}, el("tr", {}, ...head.map((k, i) => el("th", { scope: "col", className: i ? "num" : "", textContent: t(k) })))),
      el("tbody", {}, ...rows.map(([date, ...cells]) => el("tr", {}, el("th", { scope: "row", textContent: date }), ...cells.map((text) => el("td", { className: "num", textContent: text }))))),
    )),
  );
}

/** The IoT bill day by day (IOT-17, IOT-18, IOT-19). */
export function daysTable(days) {
  const head = ["iot.date", "iot.billable", "iot.freeQuota", "iot.chargeable", "iot.messageFee", "iot.devices", "iot.deviceFee"];
  return foldedDays(head, days.map((d) => [
    d.date, number(d.billableMessages), number(d.freeQuotaMessages), number(d.chargeableMessages), money(d.messageAmount), number(d.livingDevices), money(d.deviceAmount),
  ]));
}

/**
 * The connection-and-messages bill day by day (IOT-26..IOT-29): each day's messages by tier and its
 * connection minutes, each amount cut to the currency's unit.
 */
export function connectionDaysTable(days) {
  const head = ["iot.date", "iot.billable", "iot.freeQuota", "iot.tiers", "iot.messageFee", "iot.minutesColumn", "iot.freeQuota", "iot.connectionFee", "iot.dayBill"];
  const tiers = (item) => item.tiers.map((p) => `${p.tier}: ${number(p.units)}`).join(" · ");
  return foldedDays(head, days.map((d) => [
    d.date, number(d.messages.billable), number(d.messages.freeQuota), tiers(d.messages), money(d.messages.amount),
    number(d.connectionMinutes.billable), number(d.connectionMinutes.freeQuota), money(d.connectionMinutes.amount), money(d.amount),
  ]));
}

/**
 * Every IoT option for a fleet (compareBillingMethod with no edition): each option's total, or why it
 * is not available, the month a growing fleet leaves it, and the tiers its months reach.
 */
export function iotOptionsTable(options) {
  const note = (o) => {
    const parts = [];
    if (!o.available && o.reason) parts.push(o.reason);
    if (o.outgrownAt) parts.push(t("cmp.iot.outgrown", { month: o.outgrownAt.month }));
    for (const r of o.tiersReached ?? []) parts.push(t("cmp.iot.tierReached", { tier: r.tier, month: r.month }));
    return parts.join(" ");
  };
  return scrollRegion(t("cmp.iot.options"), el(
    "table",
    { className: "lines iot-options" },
    el("caption", { className: "visually-hidden", textContent: t("cmp.iot.options") }),
    el("thead", {}, el("tr", {}, ...["cmp.iot.option", "cmp.iot.total", "cmp.iot.note"].map((k, i) => el("th", { scope: "col", className: i === 1 ? "num" : "", textContent: t(k) })))),
    el("tbody", {}, ...options.map((o) => el(
      "tr",
      { className: o.available ? "available" : "unavailable", "data-option": o.option },
      el("th", { scope: "row", textContent: o.description }),
      el("td", { className: "num", textContent: o.total !== undefined ? money(o.total) : "–" }),
      el("td", {}, note(o), " ", ruleLinks(o.rules)),
    ))),
  ));
}

/** Cumulative cost of both billing methods by month: two lines on one scale. */
export function costChart(curve, labels, shownWidth = 640) {
  // Drawn at the width it is shown (one unit a CSS pixel), so its labels keep their size on a phone.
  const width = Math.max(280, Math.min(900, Math.round(shownWidth))), height = width < 480 ? 220 : 280;
  const left = 64, right = 12, top = 24, bottom = 40;
  const max = Math.max(...curve.flatMap((p) => [Number(p.subscription), Number(p.payAsYouGo)]), 0.01);
  const months = curve.length;
  const x = (month) => left + ((month - (months > 1 ? 1 : 0)) / Math.max(months - 1, 1)) * (width - left - right);
  const y = (value) => top + (1 - Number(value) / max) * (height - top - bottom);
  const line = (key, cls) =>
    svg("polyline", { class: cls, fill: "none", points: curve.map((p) => `${x(p.month).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ") });
  const dots = (key, cls) => curve.map((p) => svg("circle", { class: cls, cx: x(p.month).toFixed(1), cy: y(p[key]).toFixed(1), r: months > 40 ? 1.5 : 3 }, svg("title", {}, `${labels.month} ${p.month}: ${money(p[key])}`)));
  const ticks = [0, 0.5, 1].map((f) => {
    const value = max * f;
    return svg("g", {}, svg("line", { class: "grid", x1: left, x2: width - right, y1: y(value), y2: y(value) }), svg("text", { class: "tick", x: left - 6, y: y(value) + 4, "text-anchor": "end" }, number(max >= 100 ? Math.round(value) : value.toFixed(2))));
  });
  const xLabels = [...new Set([curve[0]?.month, curve[Math.floor((months - 1) / 2)]?.month, curve.at(-1)?.month])].filter((m) => m !== undefined)
    .map((m) => svg("text", { class: "tick", x: x(m), y: height - bottom + 18, "text-anchor": "middle" }, String(m)));
  const last = curve.at(-1);
  const description = last ? `${labels.title}: ${labels.subscription} ${money(last.subscription)}, ${labels.payAsYouGo} ${money(last.payAsYouGo)} (${labels.month} ${last.month})` : labels.title;
  return svg(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": description, class: "cost-chart" },
    svg("title", {}, description),
    svg("text", { class: "axis", x: 4, y: top - 4 }, currency()),
    ...ticks,
    ...xLabels,
    svg("text", { class: "axis", x: (left + width - right) / 2, y: height - 4, "text-anchor": "middle" }, labels.month),
    line("subscription", "series-subscription"),
    line("payAsYouGo", "series-payg"),
    ...dots("subscription", "dot-subscription"),
    ...dots("payAsYouGo", "dot-payg"),
  );
}

/** The simulated period as one bar: a segment per state, as long as the state lasts. */
export function phaseBar(timeline, horizon) {
  const start = Date.parse(horizon.from);
  const end = Math.max(Date.parse(horizon.to), start + 1);
  const segments = timeline.map((entry, i) => {
    const from = Date.parse(entry.at);
    const to = i + 1 < timeline.length ? Date.parse(timeline[i + 1].at) : end;
    return { state: entry.state, share: Math.max(to - from, 0) / (end - start) };
  }).filter((s) => s.share > 0);
  return el("div", { className: "bar", role: "img", "aria-label": segments.map((s) => `${t(`state.${s.state}`)} ${Math.round(s.share * 100)}%`).join(", ") },
    ...segments.map((s) => el("span", { className: `segment state-${s.state}`, title: t(`state.${s.state}`), style: { flexGrow: s.share.toFixed(4) } })));
}

/**
 * The documents behind the prices and rules, in the page's language, each with its date, written
 * one way (`day`): the sources the rules cite (catalog({ locale }).rules[].source), dated from the
 * catalog where it states one: its sources ({ seed, document, asOf, rules }) and its policies
 * ({ rule, seed | page, asOf }), or else from the date a title carries ("(2025-04-21)"). A date
 * reaches a document only through a rule that cites that document alone; a document no dated
 * rule cites, and whose title states no date, has none. Used by the footer, as <li> elements.
 */
export function sourceList(localized) {
  // The catalog's dates, keyed by the rules they serve (the first date a rule has).
  const dated = new Map();
  const walk = (node) => {
    if (!node || typeof node !== "object") return;
    const rules = Array.isArray(node.rules) ? node.rules : typeof node.rule === "string" ? [node.rule] : null;
    if (rules && typeof node.asOf === "string" && (typeof node.seed === "string" || typeof node.page === "string")) {
      for (const id of rules) if (!dated.has(id)) dated.set(id, node.asOf);
    }
    if (Array.isArray(node)) node.forEach(walk);
    else for (const value of Object.values(node)) walk(value);
  };
  walk(localized);
  const sources = new Map();
  for (const rule of localized.rules) {
    const names = rule.source.split(/[;；]\s*/).map(documentTitle);
    for (const { title, date } of names) {
      const fromCatalog = names.length === 1 ? dated.get(rule.id) : undefined;
      if (!sources.get(title)) sources.set(title, fromCatalog ?? date ?? null);
    }
  }
  return [...sources].map(([document, asOf]) =>
    el("li", {}, ...withCodes(asOf ? t("footer.source", { document, date: day(asOf) }) : t("footer.sourceUndated", { document }))));
}

/**
 * The document a rule cites, as the engine names it, and the date its title may end with
 * ("Notice (2025-04-21)"): the footer writes that date as it writes the others.
 */
export function documentTitle(source) {
  const match = /^(.*?)\s*[(（](\d{4}-\d{2}-\d{2})[)）]$/.exec(source);
  return match ? { title: match[1], date: match[2] } : { title: source, date: null };
}

/**
 * A text with its API names (RenewAndroidInstanceGroups, ModifyInstanceAutoRenewAttribute) marked
 * as code: words of two or more capitalised parts. Brand and protocol names (IoT, CoAP) are words.
 */
export function withCodes(text) {
  return text.split(/\b([A-Z][a-z]+(?:[A-Z][a-z]+)+)\b/).map((part, i) => (i % 2 ? el("code", { textContent: part }) : part)).filter((part) => part !== "");
}
