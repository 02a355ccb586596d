// Offline support: on its first visit the page caches every file it needs, the package's
// snippets included: pkg/precache.json, written by scripts/build-page.mjs, lists them all, so
// a file the build adds is never forgotten here. Online, the network answers first, so a new
// build is never hidden behind a stale cache; offline, the cache answers.
const CACHE = "alicloud-cost-page-v2";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const files = await (await fetch("pkg/precache.json", { cache: "no-cache" })).json();
      await cache.addAll(["./", ...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      // A shared link (?s=...) opens offline too: the page is the same for every query.
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
