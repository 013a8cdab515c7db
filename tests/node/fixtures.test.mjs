// Every reference case in tests/fixtures/*.json, through the built package (the Rust tests run
// the same files through api::call).
import { test } from "node:test";
import { readFileSync, readdirSync } from "node:fs";
import * as lib from "./package.mjs";
import { assertError, assertSubset } from "./expect.mjs";

const dir = new URL("../fixtures/", import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const cases = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  for (const c of cases) {
    test(`${file}: ${c.name}`, () => {
      const fn = lib[c.function];
      if (typeof fn !== "function") throw new Error(`no export ${c.function}`);
      if (c.error) assertError(() => fn(c.input), c.error.code, c.error.field);
      else assertSubset(fn(c.input), c.expect);
    });
  }
}
