// A tiny dependency-free static server for the calculator page: www/ at `/`, the built package
// pkg/ at `/pkg/`. Localhost only, GET/HEAD only, strict security headers, gzip for text and wasm.
//
//   node scripts/serve.mjs            # port 8080, or $PORT
//   node scripts/serve.mjs --port 0   # any free port
//
// Tests import `startServer({ port })`, which resolves to `{ server, port, url, close() }`.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const mounts = [
  ["/pkg/", resolve(root, "pkg")],
  ["/", resolve(root, "www")],
];

/** The Content-Security-Policy the page's meta tag also states (frame-ancestors works only here). */
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".webmanifest", ".wasm", ".svg", ".txt", ".md"]);

const HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  // Revalidate every time: the page is tiny and a rebuilt package must never mix with an old page.
  "Cache-Control": "no-cache",
};

/** The file a URL path maps to, or null when it escapes its mount or names nothing we serve. */
function fileFor(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    let rest = decoded.slice(prefix.length);
    if (rest === "" || rest.endsWith("/")) rest += "index.html";
    const file = normalize(join(dir, rest));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

const gzipCache = new Map(); // file → { mtimeMs, body }

async function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...HEADERS, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    res.end("method not allowed\n");
    return;
  }
  const { pathname } = new URL(req.url, "http://localhost");
  const file = fileFor(pathname);
  const type = file && MIME[extname(file)];
  let info = null;
  if (type) info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) {
    res.writeHead(404, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" });
    res.end(req.method === "HEAD" ? undefined : "not found\n");
    return;
  }
  const headers = { ...HEADERS, "Content-Type": type, Vary: "Accept-Encoding" };
  let body;
  const gzip = COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  if (gzip) {
    const cached = gzipCache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs) body = cached.body;
    else {
      body = gzipSync(await readFile(file), { level: 9 });
      gzipCache.set(file, { mtimeMs: info.mtimeMs, body });
    }
    headers["Content-Encoding"] = "gzip";
  } else {
    body = await readFile(file);
  }
  headers["Content-Length"] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Starts the server on 127.0.0.1. `port: 0` picks a free port.
 * @returns {Promise<{server: import("node:http").Server, port: number, url: string, close: () => Promise<void>}>}
 */
export function startServer({ port = 8080, host = "127.0.0.1" } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" });
      res.end("internal error\n");
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf("--port");
  const raw = flag > 0 ? process.argv[flag + 1] : process.env.PORT ?? "8080";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: invalid port ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  startServer({ port }).then(
    ({ url }) => console.log(`Serving the calculator at ${url}  (localhost only; Ctrl+C to stop)`),
    (error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    },
  );
}
