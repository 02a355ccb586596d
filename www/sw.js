// Offline support: every file of the page is cached when it loads, and served from the
// cache when the network is gone. Online, the network answers first, so a new build is
// never hidden behind a stale cache.
const CACHE = "alicloud-cost-page";
const FILES = ["./", "index.html", "style.css", "app.js", "i18n.js", "views.js", "favicon.svg", "pkg/alicloud_cost.js", "pkg/alicloud_cost_bg.wasm"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      // A shared link (?s=...) opens offline too: the page is the same for every query.
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
