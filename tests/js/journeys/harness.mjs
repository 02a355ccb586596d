// What every journey shares: one server (scripts/serve.mjs, with its CSP and compression) and one
// Debian Chromium for the whole suite (tests/js/page.test.mjs starts and stops them), a fresh
// browser context per visit (cold cache, its own language and width), and helpers that read the
// page as a customer does: the text shown, with spaces as a reader sees them.
import { mkdirSync, readFileSync } from "node:fs";
import { launchChromium } from "../../../scripts/chromium.mjs";
import { startServer } from "../../../scripts/serve.mjs";

export const ARTIFACTS = new URL("../../../test-results/", import.meta.url).pathname;
export const WIDTHS = { phone: { width: 375, height: 800 }, desktop: { width: 1280, height: 900 } };
const shared = { server: null, browser: null, base: null };

export async function setUp() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const started = await startServer({ port: 0 });
  shared.server = started.server;
  shared.base = `http://127.0.0.1:${started.port}/`;
  shared.browser = await launchChromium();
}

export async function tearDown() {
  await shared.browser?.close();
  shared.server?.close();
}

export const base = () => shared.base;
export const browser = () => shared.browser;

/**
 * Opens the page in a new context as a visitor whose browser speaks `locale`, at `viewport`, and
 * waits for the live engine's first price. `problems` collects script errors, CSP violations and
 * failed loads (console errors) and dialogs: a journey ends by asserting there were none.
 */
export async function visit({ viewport = WIDTHS.desktop, locale = "en-US", url = shared.base, options = {}, wait = true, prepare } = {}) {
  const context = await shared.browser.newContext({ viewport, locale, acceptDownloads: true, ...options });
  await prepare?.(context);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(url);
  if (wait) await page.waitForSelector("html[data-ready=true]");
  return { page, problems, context, close: () => context.close() };
}

/** The fields of one part of the page by their exact labels: `field("Edition")` on the IoT tab. */
export const fieldsOf = (page, part) => (label) => page.locator(part).getByLabel(label, { exact: typeof label === "string" });

/** Text as a reader sees it: runs of spaces (no-break spaces included) as one space. */
export const norm = (text) => String(text ?? "").replace(/\s+/g, " ").trim();

/** The text a selector shows. */
export async function shown(page, selector) {
  return norm(await page.locator(selector).first().textContent());
}

/** Clicks `button` and returns the downloaded file's text (without a byte-order mark). */
export async function downloaded(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return readFileSync(await file.path(), "utf8").replace(/^\ufeff/, "");
}

/** A CSV text as rows of cells (quoted cells with commas and doubled quotes). */
export function csvRows(text) {
  const rows = [];
  for (const line of text.trim().split("\r\n")) {
    const cells = [];
    let cell = "", quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") cells.push(cell), (cell = "");
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

/** A share link for a state, as the page writes it (?s= base64url JSON). */
export function linkFor(state) {
  return `${shared.base}?s=${Buffer.from(JSON.stringify({ v: 1, tab: "cloudPhone", lang: "en", fields: {}, mix: [{ bytes: "256", count: "100000", category: "devicePub" }], days: [], cart: [], ...state })).toString("base64url")}`;
}
