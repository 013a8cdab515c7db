// Accessibility (axe-core: no serious or critical violations on any tab, in either language, on a
// phone and a desktop) and screenshots of each for a person to look at (tests/artifacts/).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { useBrowser, openPage, closeClean, ARTIFACTS, showCompare } from "./harness.mjs";

const env = useBrowser();
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const TABS = ["schedule", "overdue", "plan", "advice"];

// Each test uses its own page: they run side by side (most of the time is waiting for results).
describe("a11y", { concurrency: 2 }, () => {
  // axe at both widths and in both languages (each layout once, each language once); screenshots of all four.
  const AUDIT = new Set(["360-zh", "1280-en"]);

  for (const width of [360, 1280]) {
    for (const lang of ["zh", "en"]) {
      const audit = AUDIT.has(`${width}-${lang}`);
      test(`${audit ? "axe and " : ""}screenshots at ${width} px in ${lang}`, async () => {
        // axe is injected as a script tag, which the page's CSP rightly forbids: bypass it for the audit only.
        const session = await openPage(env, { width, height: width < 600 ? 740 : 900, bypassCSP: true, lang });
        const { page } = session;
        await page.addScriptTag({ path: AXE });
        const report = [];
        for (const tab of TABS) {
          await page.click(`#tab-${tab}`);
          if (tab === "plan") await page.locator("#restructure").evaluate((d) => (d.open = true));
          if (tab === "schedule") await showCompare(page);
          await page.waitForTimeout(250); // results update after a short pause
          await page.screenshot({ path: fileURLToPath(new URL(`page-${tab}-${width}-${lang}.png`, ARTIFACTS)), fullPage: true });
          if (!audit) continue;
          const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
          assert.ok(result.passes.length > 20, "axe ran its rules");
          for (const v of result.violations) {
            if (v.impact === "serious" || v.impact === "critical") {
              report.push(`${tab}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
            }
          }
        }
        if (audit) {
          // and with an error on screen
          await page.click("#tab-schedule");
          await page.fill("#loan-principal", "abc");
          await page.waitForSelector("#loan-principal-error:not([hidden])");
          const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
          for (const v of result.violations) {
            if (v.impact === "serious" || v.impact === "critical") report.push(`error state: ${v.id} (${v.impact}) ${v.help}`);
          }
          await page.screenshot({ path: fileURLToPath(new URL(`page-error-${width}-${lang}.png`, ARTIFACTS)) });
        }
        assert.deepEqual(report, [], report.join("\n"));
        await closeClean(session);
      });
    }
  }
});
