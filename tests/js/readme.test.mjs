// Every ```js example of README.md runs here against the built package, so the docs
// cannot rot (issue 7). A statement followed by a comment that starts with a value,
//     q.tradePrice;            // "0.73"  ...any words after the value
//     console.log(q.tradePrice);   // "0.73"
// or followed by comment lines that together hold one value (an array over several
// lines), becomes an assertion: the value must match (objects and arrays: every key
// shown must be equal; keys the example leaves out are not compared).
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```/gm)].map((m) => ({ code: m[1], line: readme.slice(0, m.index).split("\n").length + 1 }));
const out = new URL("target/readme-examples/", root); // inside the package: "alicloud-cost" resolves to itself
mkdirSync(out, { recursive: true });

/** The value a comment starts with (a JS literal), or undefined when it starts with words. */
function leadingValue(comment) {
  // "{ allowed: true, ... }": the "..." stands for keys the example leaves out.
  const text = comment.trim().replace(/,\s*\.\.\.\s*(?=[}\]])/g, " ");
  if (!/^["[{\d-]|^(true|false|null)\b/.test(text)) return undefined;
  // The longest prefix that parses as a literal: the comment may go on in words.
  for (let end = text.length; end > 0; end--) {
    try {
      return { value: new Function(`return (${text.slice(0, end)});`)() };
    } catch {
      // shorter
    }
  }
  return undefined;
}

/** The module source of one example, with its shown results turned into checks. */
function instrument(code, firstLine) {
  const lines = code.split("\n");
  const body = [];
  let checks = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*import .* from "alicloud-cost";/.test(line)) continue; // one import for all, below
    const statement = line.match(/^(\s*)(?!const |let |import |\/\/)(.+?);\s*(?:\/\/(.*))?$/);
    let shown = statement?.[3] !== undefined ? leadingValue(statement[3]) : undefined;
    let consumed = 0;
    if (statement && statement[3] === undefined) {
      // The result may be shown on the comment lines that follow.
      let text = "";
      while (i + 1 + consumed < lines.length && /^\s*\/\/ /.test(lines[i + 1 + consumed])) text += lines[i + 1 + consumed++].replace(/^\s*\/\/ /, "") + "\n";
      shown = text ? leadingValue(text) : undefined;
      if (!shown) consumed = 0;
    }
    if (statement && shown) {
      const expression = statement[2].replace(/^console\.log\((.*)\)$/, "$1");
      body.push(`${statement[1]}check(${expression}, ${JSON.stringify(shown.value)}, ${firstLine + i});`);
      checks++;
      i += consumed;
    } else {
      body.push(line);
    }
  }
  const source = [
    `import { quote, compareBillingMethod, simulateLifecycle, simulateAccount, catalog, version, quoteJson, compareBillingMethodJson, simulateLifecycleJson, simulateAccountJson, quoteTerraformPlan, quoteTerraformPlanJson } from "alicloud-cost";`,
    `import { check } from ${JSON.stringify(new URL("tests/js/readme-check.mjs", root).href)};`,
    ...body,
  ].join("\n");
  return { source, checks };
}

test("README.md has JavaScript examples to run", () => assert.ok(blocks.length >= 4, `${blocks.length} blocks`));

let total = 0;
for (const [n, { code, line }] of blocks.entries()) {
  test(`README example ${n + 1} (README.md line ${line}) runs and shows true results`, async () => {
    const { source, checks } = instrument(code, line);
    const file = new URL(`example-${n + 1}.mjs`, out);
    writeFileSync(file, source);
    await import(pathToFileURL(file.pathname).href);
    total += checks;
  });
}

test("the examples' shown results are checked, not only run", () => assert.ok(total >= 14, `only ${total} checks`));

// The README's plain-browser example (an inline `<script type="module">`), served as a
// page whose ./node_modules/alicloud-cost/ is this package, in headless Chromium.
test("the README's browser example runs in Chromium and shows its stated total", async () => {
  const { launchChromium } = await import("../../scripts/chromium.mjs");
  const html = [...readme.matchAll(/^```html\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  assert.equal(html.length, 1);
  const shown = html[0].match(/textContent = q\.tradePrice;\s*\/\/ "([\d.]+)"/);
  assert.ok(shown, "the example states its total in a comment");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
    await page.route("http://consumer.test/**", async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/") return route.fulfill({ contentType: "text/html", body: `<!doctype html><title>example</title><body>${html[0]}</body>` });
      const file = path.replace(/^\/node_modules\/alicloud-cost\//, "");
      if (file === path) return route.fulfill({ status: 404 });
      return route.fulfill({ contentType: types[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream", body: readFileSync(new URL(file, root)) });
    });
    await page.goto("http://consumer.test/");
    await page.waitForFunction(() => /^[\d.]+$/.test(document.body.textContent.trim()), null, { timeout: 10_000 });
    assert.equal((await page.textContent("body")).trim(), shown[1]);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test("the README's links into RULES.md name its headings, and its ID ranges are every rule", () => {
  const rules = readFileSync(new URL("RULES.md", root), "utf8");
  // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
  const anchors = [...rules.matchAll(/^#+ (.*)$/gm)].map((m) => m[1].toLowerCase().replace(/[^\w\- ]/g, "").replace(/ /g, "-"));
  const links = [...readme.matchAll(/\]\(RULES\.md#([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length >= 3);
  for (const link of links) assert.ok(anchors.includes(link), `no heading for #${link}`);
  for (const [, prefix, last] of readme.matchAll(/\[([A-Z]+)-1 … \1-(\d+)\]/g)) {
    const ids = [...rules.matchAll(new RegExp(`^\\| ${prefix}-(\\d+) \\|`, "gm"))].map((m) => Number(m[1]));
    assert.equal(Math.max(...ids), Number(last), prefix);
  }
});

test("the README's sizes are the build's, within the 3 % the budget allows", () => {
  const sizes = JSON.parse(execFileSync(process.execPath, [new URL("scripts/sizes.mjs", root).pathname, "--json"], { encoding: "utf8" }).split("\n").slice(1).join("\n"));
  const [, kib, bytes, pageKib] = readme.match(/the module is ([\d.]+) KiB gzipped \(([\d,]+) bytes\); the whole page, module included, ([\d.]+) KiB/) ?? [];
  assert.ok(bytes, "the README states the module's and the page's gzipped sizes");
  const near = (stated, built, what) => assert.ok(Math.abs(stated - built) <= built * 0.03, `${what}: README ${stated}, build ${built}`);
  near(Number(bytes.replaceAll(",", "")), sizes.wasmGzipBytes, "module bytes");
  near(Number(kib) * 1024, sizes.wasmGzipBytes, "module KiB");
  near(Number(pageKib) * 1024, sizes.pageGzipBytes, "page KiB");
});
