// The Terraform plan tab (issue 33): the customer drops or chooses the JSON that
// `terraform show -json PLANFILE` writes (and, if they have one, their side file of prices and
// usage); the engine already in the page prices it (quoteTerraformPlan), here in the browser,
// offline: nothing is uploaded. It shows the estimate in total (before, after and the difference
// when the plan changes what exists) and per resource, the resources it cannot price with their
// reasons, and adds the priced resources' quote items to the cart.
// app.js imports this module when the tab is first opened, so it never delays the first price.
import { language, t } from "./i18n.js";
import { el, linesTable, money, readableText, ruleLinks, warningsList } from "./views.js";

const $ = (id) => document.getElementById(id);
/** Resources listed before "Show all": a plan of thousands stays quick to draw on a phone. */
const FIRST_SHOWN = 50;

/**
 * Wires the tab's file inputs and drop zones. `price(planText, options)` is the engine's
 * quoteTerraformPlan; `addToCart(items)` adds quote items and returns how many fit.
 * Returns `render()`, which app.js calls on every page render: it re-prices only when the
 * page's language changed since the last answer (the engine writes its texts in it).
 */
export function mountPlan({ price, addToCart }) {
  const files = { plan: null, side: null };
  const view = { answer: null, language: null, all: false, added: null };

  async function choose(kind, file) {
    if (!file) return;
    const box = $(kind === "plan" ? "plan-file-error" : "plan-side-error");
    box.textContent = "";
    const chosen = $(kind === "plan" ? "plan-file-chosen" : "plan-side-chosen");
    chosen.removeAttribute("data-i18n");
    chosen.textContent = file.name;
    try {
      files[kind] = { name: file.name, text: await file.text() };
    } catch {
      files[kind] = null;
      box.textContent = t("plan.err.read");
      return;
    }
    view.all = false;
    view.added = null;
    run();
  }

  $("plan-file").addEventListener("change", (event) => choose("plan", event.target.files[0]));
  $("plan-side").addEventListener("change", (event) => choose("side", event.target.files[0]));
  // The inputs are in the page from the start: a file chosen while this code was still loading
  // (a slow phone, a quick customer) is priced, not lost.
  choose("side", $("plan-side").files?.[0]);
  choose("plan", $("plan-file").files?.[0]);
  // A file dropped anywhere on the tab is the plan, unless it lands on the side file's zone; the
  // browser never opens it in place of the page (which would lose the cart).
  const panel = $("panel-plan");
  const zoneOf = (event) => (event.target.closest?.("#plan-side-drop") ? $("plan-side-drop") : $("plan-drop"));
  const clear = () => panel.querySelectorAll(".dragover").forEach((zone) => zone.classList.remove("dragover"));
  panel.addEventListener("dragover", (event) => {
    event.preventDefault();
    clear();
    zoneOf(event).classList.add("dragover");
  });
  panel.addEventListener("dragleave", clear);
  panel.addEventListener("drop", (event) => {
    event.preventDefault();
    clear();
    choose(zoneOf(event).id === "plan-side-drop" ? "side" : "plan", event.dataTransfer?.files?.[0]);
  });

  /** Prices the chosen files in the page's language and draws the answer, or says what is wrong. */
  function run() {
    for (const id of ["plan-file-error", "plan-side-error"]) $(id).textContent = "";
    view.answer = null;
    view.language = language();
    if (!files.plan) {
      draw();
      return;
    }
    let side = {};
    if (files.side) {
      try {
        side = JSON.parse(files.side.text);
      } catch {
        side = null;
      }
      if (side === null || typeof side !== "object" || Array.isArray(side)) {
        $("plan-side-error").textContent = t("plan.err.sideNotJson");
        draw();
        return;
      }
    }
    try {
      // The plan crosses as its text (up to 64 MiB), read by the engine within the plan's limits.
      view.answer = price(files.plan.text, { ...side, locale: language() });
    } catch (error) {
      sayError(error, side);
    }
    draw();
  }

  /** An error beside the file it is about, in the customer's words where the engine's are about JSON. */
  function sayError(error, side) {
    const path = String(error.path ?? "");
    const top = path.split(/[.[]/)[0];
    const inSide = top !== "" && top in side;
    const box = $(inSide ? "plan-side-error" : "plan-file-error");
    let message;
    if (error.code === "invalid_type" && path === "") message = t("plan.err.notJson");
    else if (error.code === "too_many" && path === "") message = t("plan.err.tooLarge");
    else if (path === "") message = String(error.message);
    else message = t(inSide ? "plan.err.side" : "plan.err.at", { path, message: String(error.message) });
    box.textContent = message;
    box.dataset.code = String(error.code ?? "");
    box.dataset.path = path;
  }

  function draw() {
    const out = $("plan-result");
    const a = view.answer;
    // Said to a screen reader once the answer is drawn (the status line is always there, so it is heard).
    $("plan-status").textContent = a ? t("plan.priced", { name: files.plan.name, total: money(a.estimate.monthly) }) : "";
    if (!a) {
      out.replaceChildren(el("p", { className: "empty-state", id: "plan-empty", textContent: t(files.plan ? "plan.fix" : "plan.empty") }));
      return;
    }
    const managed = a.resources.filter((r) => r.mode === "managed");
    const priced = managed.filter((r) => r.priced);
    const forCart = priced.filter((r) => r.request).map((r) => r.request);
    const shown = view.all ? managed : managed.slice(0, FIRST_SHOWN);
    out.replaceChildren(
      el("p", { className: "description", id: "plan-file-name" }, el("code", { textContent: files.plan.name }), ` · ${t("plan.count", { count: managed.length, priced: priced.length })}`),
      totals(a),
      el(
        "div",
        { className: "add" },
        el("button", { type: "button", className: "primary", id: "plan-add", textContent: t("plan.add", { n: forCart.length }), disabled: forCart.length === 0 }),
        el("p", { className: "hint", id: "plan-add-status", role: "status", textContent: view.added ? t(view.added.key, view.added.vars) : "" }),
      ),
      el("h3", { textContent: t("plan.resources") }),
      el("ul", { className: "plan-resources", id: "plan-resources" }, ...shown.map(resourceItem)),
      managed.length > shown.length ? el("button", { type: "button", className: "secondary", id: "plan-show-all", textContent: t("plan.showAll", { n: managed.length }) }) : "",
      unpricedList(a),
      others(a),
      a.warnings.length ? el("div", { className: "plan-notes" }, el("h3", { textContent: t("plan.notes") }), warningsList(a.warnings)) : "",
    );
    $("plan-add").addEventListener("click", () => {
      const n = addToCart(forCart);
      view.added = n === forCart.length ? { key: "plan.added", vars: { n } } : { key: "plan.addedSome", vars: { n, total: forCart.length } };
      $("plan-add-status").textContent = t(view.added.key, view.added.vars);
    });
    $("plan-show-all")?.addEventListener("click", () => {
      view.all = true;
      draw();
      $("plan-resources").querySelectorAll("summary")[FIRST_SHOWN]?.focus();
    });
  }

  return {
    render() {
      if (view.language !== language()) run();
    },
  };
}

/** Upfront, monthly, one-off and the first 12 months: before, after and the difference when something exists before. */
function totals(a) {
  const rows = [["est.upfront", "upfront"], ["est.monthly", "monthly"], ["est.oneOff", "oneOff"], ["est.firstYear", "firstYear"]];
  const changes = a.base.source !== "none";
  const columns = changes ? [["plan.before", a.base.estimate], ["plan.after", a.estimate], ["plan.difference", a.diff.estimate]] : [["plan.thisPlan", a.estimate]];
  const signed = (amount, key) => (key === "plan.difference" && !amount.startsWith("-") && amount !== "0.00" ? `+${money(amount)}` : money(amount));
  return el(
    "div",
    { className: "plan-totals" },
    el(
      "table",
      { id: "plan-totals", className: `cols-${columns.length}` },
      el("caption", { textContent: t("plan.totals") }),
      el("thead", {}, el("tr", {}, el("td", {}), ...columns.map(([key]) => el("th", { scope: "col", className: "num", textContent: t(key) })))),
      el(
        "tbody",
        {},
        ...rows.map(([label, field]) =>
          el(
            "tr",
            { "data-row": field },
            el("th", { scope: "row", textContent: t(label) }),
            // Each amount says its column again on a phone, where the row's amounts sit under its name.
            ...columns.map(([key, e]) => el("td", { className: "num", "data-amount": e[field] }, el("span", { className: "cell-label", "aria-hidden": "true", textContent: t(key) }), signed(e[field], key))),
          ),
        ),
      ),
    ),
    el("p", { className: "hint", textContent: t(`plan.source.${a.base.source}`) }),
  );
}

/** What a resource costs after the plan, or before it when the plan deletes it, and the change. */
function amounts(r) {
  const parts = [];
  const e = r.estimate;
  if (e) {
    if (e.upfront !== "0.00") parts.push(t("plan.upfront", { amount: money(e.upfront) }));
    if (e.monthly !== "0.00" || e.upfront === "0.00") parts.push(t("plan.perMonth", { amount: money(e.monthly) }));
  } else if (r.base?.estimate) {
    parts.push(t("plan.was", { amount: money(r.base.estimate.monthly) }));
  }
  const text = parts.join(" · ");
  // The change, where the resource is there before and after.
  if (e && r.base?.estimate && r.diff && r.diff.monthly !== "0.00") {
    const amount = r.diff.monthly.startsWith("-") ? money(r.diff.monthly) : `+${money(r.diff.monthly)}`;
    return `${text} ${t("plan.change", { amount })}`;
  }
  return text;
}

/** One resource: its address, what apply does to it and what it costs; opened, its lines and dates. */
function resourceItem(r) {
  const item = r.item;
  const body = [];
  if (item) {
    body.push(el("p", { className: "description", textContent: item.description }), linesTable(item.lines, item.description));
  }
  if (r.base?.item) body.push(el("p", { className: "hint", textContent: t("plan.beforeItem", { description: r.base.item.description, amount: money(r.base.item.tradePrice) }) }));
  if (r.lifecycle) body.push(el("p", { className: "plan-lifecycle" }, `${readableText(r.lifecycle.summary)} `, ruleLinks(r.lifecycle.rules)));
  if (!r.priced && r.reason) body.push(el("p", { className: "plan-reason", textContent: r.reason }));
  const warnings = warningsList([...r.warnings, ...(item?.warnings ?? [])]);
  if (warnings) body.push(warnings);
  return el(
    "li",
    { "data-address": r.address, "data-action": r.action },
    el(
      "details",
      {},
      el(
        "summary",
        {},
        el("code", { className: "address", textContent: r.address }),
        " ",
        el("span", { className: `action action-${r.action}`, textContent: t(`plan.action.${r.action}`) }),
        " ",
        el("span", { className: "num plan-amounts", textContent: r.priced ? amounts(r) : t("plan.notPriced") }),
      ),
      ...body,
    ),
  );
}

/** The resources the engine could not price, each with its reason, and what to do. */
function unpricedList(a) {
  if (!a.unpriced.length) return "";
  return el(
    "div",
    { className: "plan-unpriced", id: "plan-unpriced" },
    el("h3", { textContent: t("plan.unpriced", { n: a.unpriced.length }) }),
    el("p", { className: "hint", textContent: t("plan.unpricedIntro") }),
    el("ul", {}, ...a.unpriced.map((u) => el("li", { "data-code": u.code }, el("code", { className: "address", textContent: u.address }), el("p", { className: "plan-reason", textContent: u.reason })))),
  );
}

/** Data sources and other providers' resources: counted, never priced. */
function others(a) {
  const data = a.resources.filter((r) => r.mode === "data").length;
  const parts = [];
  if (data) parts.push(el("p", { className: "hint", id: "plan-data-sources", textContent: t("plan.dataSources", { n: data }) }));
  if (a.otherProviders.length) {
    parts.push(
      el("p", { className: "hint", id: "plan-other-providers" }, t("plan.otherProviders"), " ", ...a.otherProviders.flatMap((p, i) => [i ? ", " : "", el("code", { textContent: p.provider }), ` ${p.resources}`])),
    );
  }
  return parts.length ? el("div", {}, ...parts) : "";
}
