// Drives the dashboard of a running local stack in headless Chromium, in step with
// DashboardBrowserIT, which feeds the queue and runs a consumer when told:
//   prints READY  once the page shows a first reading  -> the test sends requests
//   prints ROSE   once the queue depth has risen        -> the test runs a consumer
//   prints DONE   once the queue is drained, the applied count has grown and the dead letters
//                 are listed with their reason; a screenshot is saved.
// Exits 1, with a screenshot of what the page showed, when any step times out.
// Usage: node dashboard-test.mjs URL SCREENSHOT EXPECTED_REQUESTS EXPECTED_DEAD_LETTERS REASON
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, screenshot, requests, deadLetters, reason] = process.argv.slice(2);
const STEP_MILLIS = 60_000;
const profile = mkdtempSync(join(tmpdir(), "widgets-dashboard-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
const page = browser.pages()[0] ?? (await browser.newPage());
const number = async (id) => Number((await page.textContent("#" + id)).replace(/[^0-9]/g, "") || NaN);

async function step(name, check) {
  const until = Date.now() + STEP_MILLIS;
  let last = "";
  while (Date.now() < until) {
    try {
      if (await check()) return;
    } catch (failure) {
      last = failure.message;
    }
    await page.waitForTimeout(250);
  }
  const shown = await page.evaluate(() => document.querySelector("main")?.innerText ?? "");
  throw new Error(`timed out waiting for ${name} ${last}\n--- page shows ---\n${shown}`);
}

/** The reading's time must move on: a page whose numbers stopped updating fails here. */
async function freshAfter(at) {
  const now = Number(await page.getAttribute("#freshness", "data-at"));
  return now > at && !(await page.getAttribute("#freshness", "class")).includes("stale");
}

let exitCode = 0;
try {
  const response = await page.goto(url);
  if (!response.ok()) throw new Error(`GET ${url} answered ${response.status()}`);
  await step("a first reading", () => freshAfter(0));
  const readyAt = Number(await page.getAttribute("#freshness", "data-at"));
  const appliedBefore = await number("applied-total");
  console.log("READY");

  await step(`the queue depth to reach ${requests}`,
    async () => (await number("queue-visible")) + (await number("queue-in-flight")) >= Number(requests));
  console.log("ROSE");

  await step("the queue to drain", async () =>
    (await number("queue-visible")) === 0 && (await number("queue-in-flight")) === 0);
  await step(`the applied count to grow by ${requests - deadLetters}`, async () =>
    (await number("applied-total")) - appliedBefore >= Number(requests) - Number(deadLetters));
  await step(`${deadLetters} dead letters`, async () => (await number("dlq-count")) >= Number(deadLetters));
  await step(`a dead letter whose reason says "${reason}"`, async () =>
    (await page.locator("#dead-letters tr.dead-letter td.reason", { hasText: reason }).count()) > 0);
  await step("the widgets in the table", async () =>
    (await number("widgets-dynamodb")) >= Number(requests) - Number(deadLetters));
  await step("a reading newer than the first", () => freshAfter(readyAt));
  await page.waitForTimeout(1500); // one more reading, so the chart shows the fall
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log("DONE");
} catch (failure) {
  console.log("FAILED: " + failure.message);
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-failure.png"), fullPage: true })
    .catch(() => {});
  exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
