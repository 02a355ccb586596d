// Debian's Chromium, driven by playwright-core (never a downloaded browser), with the same
// flags as webdriver.json: for the page tests, the bundler and README examples, and the
// page benchmark.
import { chromium } from "playwright-core";

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
