// Offline after the first visit: network first (so a new build is always used when online), the
// cached copy when the network fails. Same-origin GET only; nothing else is ever fetched.
const CACHE = "repayment-plan-v1";
const SHELL = [
  "./", "index.html", "style.css", "main.js", "icon.svg", "manifest.webmanifest",
  "lib/advice.js", "lib/chart.js", "lib/csv.js", "lib/dom.js", "lib/idb.js", "lib/form.js", "lib/format.js", "lib/i18n.js", "lib/state.js", "lib/tool.js", "lib/ui.js",
  "tools/schedule.js", "tools/overdue.js", "tools/plan.js", "tools/advice.js", "tools/letter.js", "tools/log.js", "tools/timeline.js",
  "pkg/index.js", "pkg/web/repayment_plan.js", "pkg/web/repayment_plan_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((c) => c.put(request, copy)).catch(() => undefined);
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
