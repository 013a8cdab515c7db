// scripts/serve.mjs: what it serves, with which types and headers, and what it refuses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startServer, CSP } from "../../scripts/serve.mjs";

let server;
before(async () => (server = await startServer({ port: 0 })));
after(() => server.close());

/** A raw request (no URL normalisation, so `..` reaches the server as typed). */
function get(path, { method = "GET", headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("localhost only, with the URL it prints", () => {
  assert.equal(server.server.address().address, "127.0.0.1");
  assert.equal(server.url, `http://127.0.0.1:${server.port}/`);
});

test("www/ at / and pkg/ at /pkg/, with the right types and security headers", async () => {
  const cases = [
    ["/", "text/html; charset=utf-8"],
    ["/main.js", "text/javascript; charset=utf-8"],
    ["/style.css", "text/css; charset=utf-8"],
    ["/manifest.webmanifest", "application/manifest+json; charset=utf-8"],
    ["/icon.svg", "image/svg+xml"],
    ["/pkg/index.js", "text/javascript; charset=utf-8"],
    ["/pkg/web/repayment_plan_bg.wasm", "application/wasm"],
  ];
  for (const [path, type] of cases) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["content-type"], type, path);
    assert.equal(res.headers["content-security-policy"], CSP);
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
  }
  const wasm = await get("/pkg/web/repayment_plan_bg.wasm");
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], "raw wasm without Accept-Encoding");
  const gz = await get("/pkg/web/repayment_plan_bg.wasm", { headers: { "accept-encoding": "gzip" } });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.ok(gz.body.length < wasm.body.length);
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(CSP, /'unsafe-inline'|'unsafe-eval'/);
});

test("refuses what is not a file of www/ or pkg/", async () => {
  for (const path of ["/../Cargo.toml", "/pkg/../Cargo.toml", "/%2e%2e/Cargo.toml", "/pkg/%2e%2e/src/lib.rs", "/nope.html", "/lib/", "/%E0%A4%A", "/pkg/web/x%00.js", "/index.html.bak"]) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
  }
  assert.equal((await get("/", { method: "POST" })).status, 405);
  const head = await get("/", { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});
