// Lighthouse (performance, accessibility, best practices) against the local server with Debian's
// chromium. Not part of `node --test tests/browser/` (it takes ~30–60 s); run it by hand:
//   node tests/browser/lighthouse.mjs            # mobile (the default profile) and desktop
//   node tests/browser/lighthouse.mjs --check    # exit 1 when a score is below 95
// Writes the full reports to tests/artifacts/lighthouse-*.json.
import { writeFileSync, mkdirSync } from "node:fs";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../../scripts/serve.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices"];
const MIN = 95;
const artifacts = new URL("../artifacts/", import.meta.url);
mkdirSync(artifacts, { recursive: true });

const server = await startServer({ port: 0 });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  for (const [profile, config] of [["mobile", undefined], ["desktop", desktopConfig]]) {
    const result = await lighthouse(server.url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES }, config);
    writeFileSync(new URL(`lighthouse-${profile}.json`, artifacts), result.report);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(result.lhr.categories[c].score * 100)]));
    console.log(`${profile}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(", ")}`);
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
    console.log(`  ${metrics.map((m) => `${m} ${result.lhr.audits[m].displayValue}`).join("; ")}`);
    for (const c of CATEGORIES) {
      if (scores[c] < MIN) {
        failed = true;
        const low = result.lhr.categories[c].auditRefs
          .map((r) => result.lhr.audits[r.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
          .map((a) => `    ${a.id}: ${a.score} ${a.displayValue ?? ""}`);
        console.log(`  ${c} below ${MIN}:\n${low.join("\n")}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
if (failed && process.argv.includes("--check")) process.exit(1);
