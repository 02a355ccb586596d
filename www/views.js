// Drawing helpers: DOM built with createElement/textContent only (never innerHTML, so no
// text from a link or the engine is ever parsed as markup), the cumulative-cost chart and
// the lifecycle phase bar as SVG.
import { t, language } from "./i18n.js";

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
    el("h4", { textContent: title }),
    el("ul", {}, ...formulas.map((text) => el("li", { textContent: text }))),
    rules.length ? ruleLinks(rules) : "",
  );
}

export function money(amount) {
  return new Intl.NumberFormat(language(), { style: "currency", currency: "USD", minimumFractionDigits: 2 }).format(amount);
}

export function number(value) {
  return new Intl.NumberFormat(language(), { maximumFractionDigits: 4 }).format(value);
}

/** An instant as a reader in any zone should read a bill: in UTC+8, saying so. */
export function instant(rfc3339) {
  const format = new Intl.DateTimeFormat(language(), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return `${format.format(new Date(rfc3339))} (UTC+8)`;
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

export function warningsList(warnings) {
  if (!warnings.length) return null;
  return el("ul", { className: "warnings" }, ...warnings.map((w) => el("li", {}, `${w.message} `, ruleLinks(w.rules))));
}

/** The IoT bill day by day (IOT-17, IOT-18, IOT-19). */
export function daysTable(days) {
  const head = ["iot.date", "iot.billable", "iot.freeQuota", "iot.chargeable", "iot.messageFee", "iot.devices", "iot.deviceFee"];
  return el(
    "div",
    { className: "scroll" },
    el(
      "table",
      { className: "days-result" },
      el("caption", { textContent: t("iot.daysResult") }),
      el("thead", {}, el("tr", {}, ...head.map((k, i) => el("th", { scope: "col", className: i ? "num" : "", textContent: t(k) })))),
      el(
        "tbody",
        {},
        ...days.map((d) =>
          el(
            "tr",
            {},
            el("th", { scope: "row", textContent: d.date }),
            ...[d.billableMessages, d.freeQuotaMessages, d.chargeableMessages].map((n) => el("td", { className: "num", textContent: number(n) })),
            el("td", { className: "num", textContent: money(d.messageAmount) }),
            el("td", { className: "num", textContent: number(d.livingDevices) }),
            el("td", { className: "num", textContent: money(d.deviceAmount) }),
          ),
        ),
      ),
    ),
  );
}

/** Cumulative cost of both billing methods by month: two lines on one scale. */
export function costChart(curve, labels) {
  const width = 640, height = 280, left = 72, right = 16, top = 16, bottom = 40;
  const max = Math.max(...curve.flatMap((p) => [Number(p.subscription), Number(p.payAsYouGo)]), 0.01);
  const months = curve.length;
  const x = (month) => left + ((month - (months > 1 ? 1 : 0)) / Math.max(months - 1, 1)) * (width - left - right);
  const y = (value) => top + (1 - Number(value) / max) * (height - top - bottom);
  const line = (key, cls) =>
    svg("polyline", { class: cls, fill: "none", points: curve.map((p) => `${x(p.month).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ") });
  const dots = (key, cls) => curve.map((p) => svg("circle", { class: cls, cx: x(p.month).toFixed(1), cy: y(p[key]).toFixed(1), r: months > 40 ? 1.5 : 3 }, svg("title", {}, `${labels.month} ${p.month}: ${money(p[key])}`)));
  const ticks = [0, 0.5, 1].map((f) => {
    const value = max * f;
    return svg("g", {}, svg("line", { class: "grid", x1: left, x2: width - right, y1: y(value), y2: y(value) }), svg("text", { class: "tick", x: left - 6, y: y(value) + 4, "text-anchor": "end" }, money(value.toFixed(2))));
  });
  const xLabels = [...new Set([curve[0]?.month, curve[Math.floor((months - 1) / 2)]?.month, curve.at(-1)?.month])].filter((m) => m !== undefined)
    .map((m) => svg("text", { class: "tick", x: x(m), y: height - bottom + 18, "text-anchor": "middle" }, String(m)));
  const last = curve.at(-1);
  const description = last ? `${labels.title}: ${labels.subscription} ${money(last.subscription)}, ${labels.payAsYouGo} ${money(last.payAsYouGo)} (${labels.month} ${last.month})` : labels.title;
  return svg(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": description, class: "cost-chart" },
    svg("title", {}, description),
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
