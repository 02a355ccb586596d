// The page's build step (run by scripts/build.sh after the package is copied into www/pkg/):
//   1. www/pkg/precache.json: every file the page needs offline, the package's snippets included (sw.js reads it).
//   2. index.html's preload hints for the whole module graph and the .wasm, so the browser fetches them all
//      at once after the HTML instead of discovering them one import at a time.
//   3. A first estimate in index.html, computed by the same engine (the built www/pkg, run in Node) and drawn
//      by the page's own views.js: the spec lists, the default item's price and lines in English, the same in
//      Chinese in a <template> for a Chinese visitor, and the footer's sources. The live engine takes over.
// index.html keeps its marked regions (<!-- build:NAME --> ... <!-- /build:NAME -->); this fills them in
// place, so the page stays static files and a second build changes nothing.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const www = fileURLToPath(new URL("../www/", import.meta.url));
const walk = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
const files = walk(www)
  .map((f) => relative(www, f).split("\\").join("/"))
  .filter((f) => f !== "sw.js" && f !== "pkg/precache.json" && !f.endsWith(".map"))
  .sort();
writeFileSync(join(www, "pkg/precache.json"), `${JSON.stringify(files, null, 1)}\n`);

// ------------------------------------------------------------------ a DOM small enough for views.js

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const PROPERTY_ATTRIBUTES = { className: "class", tabIndex: "tabindex", htmlFor: "for", inputMode: "inputmode" };

class Element {
  constructor(tag) {
    this.tag = tag;
    this.attributes = new Map();
    this.children = [];
    this.style = {};
    return new Proxy(this, {
      set(target, key, value) {
        if (key === "textContent") target.children = [String(value)];
        else if (key in target || typeof key === "symbol") target[key] = value;
        else target.attributes.set(PROPERTY_ATTRIBUTES[key] ?? key.toLowerCase(), String(value));
        return true;
      },
    });
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  append(...children) {
    this.children.push(...children.filter((c) => c !== "").map((c) => (typeof c === "string" ? c : c)));
  }
  get outerHTML() {
    const attrs = [...this.attributes].map(([k, v]) => ` ${k}="${escape(v)}"`).join("");
    const inner = this.children.map((c) => (typeof c === "string" ? escape(c) : c.outerHTML)).join("");
    return `<${this.tag}${attrs}>${inner}</${this.tag}>`;
  }
}
globalThis.document = { createElement: (tag) => new Element(tag), createElementNS: (_, tag) => new Element(tag) };

const { initSync, quote, catalog, version } = await import("../www/pkg/alicloud_cost.js");
initSync({ module: readFileSync(join(www, "pkg/alicloud_cost_bg.wasm")) });
const { setLanguage, t } = await import("../www/i18n.js");
const { el, itemLines, money, sourceList } = await import("../www/views.js");

// ------------------------------------------------------------------ the regions of index.html

const html = (nodes) => nodes.filter((n) => n !== "" && n != null).map((n) => (typeof n === "string" ? escape(n) : n.outerHTML)).join("");
const prices = catalog();
const specLabel = (s) => `${s.id} · ${s.vcpu} vCPU / ${s.memoryGib} GiB / ${s.storageGib} GiB`;
const specOptions = html(prices.cloudPhone.specs.map((s) => el("option", { value: s.id, textContent: specLabel(s) })));

/** The default item of the Cloud Phone form (index.html's defaults: the first spec, mainland, 1 phone, 1 month). */
const DEFAULT_ITEM = { product: "cloudPhone", spec: prices.cloudPhone.specs[0].id, region: "mainland", billing: "subscription", quantity: "1", months: "1" };

function firstEstimate(locale) {
  setLanguage(locale);
  const result = quote({ items: [DEFAULT_ITEM], locale });
  return { total: escape(money(result.tradePrice)), lines: html(itemLines(result.items[0])), sources: html(sourceList(catalog({ locale }))) };
}
const en = firstEstimate("en");
const zh = firstEstimate("zh-CN");
setLanguage("en");

const wasmPath = "pkg/alicloud_cost_bg.wasm";
const modules = ["i18n.js", "views.js", ...files.filter((f) => f.startsWith("pkg/") && f.endsWith(".js"))];
const preload = [
  ...modules.map((f) => `<link rel="modulepreload" href="${f}">`),
  // As init() fetches it: fetch() of a same-origin URL is a CORS-mode request, hence crossorigin.
  `<link rel="preload" href="${wasmPath}" as="fetch" type="application/wasm" crossorigin>`,
].map((line) => `\n  ${line}`).join("") + "\n  ";

const template = (lang, parts) =>
  `\n      <template data-first-estimate="${lang}">${Object.entries(parts).map(([id, inner]) => `<div data-for="${id}">${inner}</div>`).join("")}</template>\n      `;

const regions = {
  preload,
  "spec-options": specOptions,
  "first-total": en.total,
  "first-lines": en.lines,
  "first-estimate-zh-CN": template("zh-CN", { "item-total": zh.total, "item-lines": zh.lines, sources: zh.sources }),
  sources: en.sources,
};

const indexPath = join(www, "index.html");
const before = readFileSync(indexPath, "utf8");
let after = before;
for (const [name, content] of Object.entries(regions)) {
  const pattern = new RegExp(`(<!-- build:${name}(?: [^>]*)? -->)[\\s\\S]*?(<!-- /build:${name} -->)`, "g");
  if (!pattern.test(after)) throw new Error(`index.html has no region build:${name}`);
  after = after.replace(pattern, (_, open, close) => `${open}${content}${close}`);
}
if (after !== before) writeFileSync(indexPath, after);
console.log(`[build-page] ${files.length} files to precache; ${modules.length} modules and the .wasm preloaded; first estimate ${en.total} (package ${version().package})${after === before ? "; index.html unchanged" : "; index.html updated"}`);
