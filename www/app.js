// The page's only script. All arithmetic is done by the wasm module; this file reads
// the form, calls quote(), and renders the answer with DOM methods (never innerHTML).
import init, { quote, catalog } from "./pkg/alicloud_cost.js";

const $ = (id) => document.getElementById(id);
const form = $("estimator");
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });
const FIELDS = ["spec", "region", "billing", "quantity", "months", "hours"];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function billing() {
  return form.elements.billing.value;
}

/** The quote request for the form as it stands: raw text goes to the module, which validates it. */
function request() {
  const item = {
    product: "cloudPhone",
    spec: form.elements.spec.value,
    region: form.elements.region.value,
    billing: billing(),
    quantity: form.elements.quantity.value.trim(),
  };
  if (item.billing === "subscription") item.months = form.elements.months.value.trim();
  else item.hours = form.elements.hours.value.trim();
  return { items: [item] };
}

function clearErrors() {
  for (const name of FIELDS) {
    const message = $(`${name}-error`);
    if (message) message.textContent = "";
    const input = form.elements[name];
    if (input && "setAttribute" in input) input.removeAttribute("aria-invalid");
  }
  $("request-error").textContent = "";
}

/** Shows the module's message beside the field its `path` names (items[0].hours -> #hours). */
function showError(error) {
  const field = String(error.path ?? "").split(".").pop();
  const target = FIELDS.includes(field) ? $(`${field}-error`) : null;
  (target ?? $("request-error")).textContent = error.message;
  const input = FIELDS.includes(field) ? form.elements[field] : null;
  if (input && "setAttribute" in input) input.setAttribute("aria-invalid", "true");
  $("total").textContent = "–";
  $("lines").tBodies[0].replaceChildren();
  $("warnings").replaceChildren();
}

function render() {
  const isSubscription = billing() === "subscription";
  $("months-field").hidden = !isSubscription;
  $("hours-field").hidden = isSubscription;
  clearErrors();
  let result;
  try {
    result = quote(request());
  } catch (error) {
    showError(error);
    return;
  }
  $("total").textContent = money.format(result.tradePrice);
  $("total").dataset.amount = result.tradePrice;
  const rows = result.items.flatMap((item) =>
    item.lines.map((line) =>
      el(
        "tr",
        {},
        el(
          "td",
          {},
          el("div", { textContent: line.description }),
          el("div", { className: "formula-inline", textContent: line.formula }),
          el("div", { className: "rules" }, ...line.rules.map((id) => el("span", { className: "rule", textContent: id, title: `Billing rule ${id}` }))),
        ),
        el("td", { className: "formula", textContent: line.formula }),
        el("td", { className: "num", textContent: money.format(line.amount), title: `exact: ${line.exactAmount}` }),
      ),
    ),
  );
  $("lines").tBodies[0].replaceChildren(...rows);
  const warnings = result.items.flatMap((item) => item.warnings);
  $("warnings").replaceChildren(...warnings.map((w) => el("li", { textContent: `${w.message} (${w.rules.join(", ")})` })));
}

async function main() {
  await init();
  const prices = catalog();
  const select = form.elements.spec;
  select.replaceChildren(
    ...prices.cloudPhone.specs.map((s) =>
      el("option", { value: s.id, textContent: `${s.id} · ${s.edition}, ${s.vcpu} vCPU / ${s.memoryGib} GiB / ${s.storageGib} GiB` }),
    ),
  );
  select.disabled = false;
  const source = prices.cloudPhone.source;
  $("catalog-note").textContent =
    `Prices in USD from “${source.document}” (last updated ${source.asOf}); catalog version ${prices.version}. ` +
    "Taxes, coupons and value-added services (NAT Gateway, EIP, OSS) are not included.";
  $("form-status").textContent = "";
  form.addEventListener("input", render);
  form.addEventListener("change", render);
  form.addEventListener("submit", (event) => event.preventDefault());
  render();
  document.documentElement.dataset.ready = "true";
}

main().catch((error) => {
  $("form-status").textContent = `The price engine could not start: ${error.message}`;
});
