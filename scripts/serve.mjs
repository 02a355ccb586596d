// A small static server for www/ (no dependencies): correct MIME types (the module
// must be served as application/wasm), a strict Content Security Policy, no caching
// surprises, and no path escaping www/. `PORT` is honoured (0 picks a free port).
// Text and the module are sent compressed (brotli, else gzip, as the browser's
// Accept-Encoding allows), compressed once per file version and kept in memory; an ETag
// lets a returning visitor revalidate without downloading again.
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".md": "text/markdown; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".md", ".webmanifest"]);

/** `br`, `gzip` or null: what the request accepts, brotli first (q=0 refuses). */
export function pickEncoding(acceptEncoding = "") {
  const accepted = new Map(
    String(acceptEncoding)
      .split(",")
      .map((part) => part.trim().split(/\s*;\s*q=/))
      .filter(([name]) => name)
      .map(([name, q]) => [name.toLowerCase(), q === undefined ? 1 : Number(q)]),
  );
  for (const name of ["br", "gzip"]) if ((accepted.get(name) ?? accepted.get("*") ?? 0) > 0) return name;
  return null;
}

/** One file's bytes, ETag and compressed forms, made once per version of the file (path + mtime + size). */
const versions = new Map();
function fileVersion(path, info) {
  const key = `${path}\0${info.mtimeMs}\0${info.size}`;
  let entry = versions.get(path);
  if (!entry || entry.key !== key) {
    const body = readFile(path);
    entry = {
      key,
      body,
      // Weak: the brotli, gzip and plain bodies are one resource, byte for byte different.
      etag: body.then((b) => `W/"${createHash("sha256").update(b).digest("base64url").slice(0, 22)}"`),
      encoded: new Map(),
      done: new Set(),
    };
    versions.set(path, entry);
  }
  return entry;
}

function encoded(entry, encoding) {
  if (!entry.encoded.has(encoding)) {
    const body = entry.body.then((b) =>
      encoding === "br"
        ? brotli(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } })
        : gzipAsync(b, { level: 9 }),
    );
    body.then(() => entry.done.add(encoding), () => {});
    entry.encoded.set(encoding, body);
  }
  return entry.encoded.get(encoding);
}

/**
 * The encoding to send now: brotli once it is made; meanwhile gzip (milliseconds to make), so a file
 * rebuilt while the server runs never keeps a visitor waiting for brotli's best quality.
 */
function encodingNow(entry, acceptEncoding) {
  const wanted = pickEncoding(acceptEncoding);
  if (wanted !== "br" || entry.done.has("br")) return wanted;
  encoded(entry, "br");
  return pickEncoding(acceptEncoding.replace(/\bbr\b/g, "")) ?? "br";
}

async function warm(root) {
  for (const name of await readdir(root, { recursive: true })) {
    const path = join(root, name);
    const info = await stat(path);
    if (info.isFile() && COMPRESSIBLE.has(extname(path))) await encoded(fileVersion(path, info), "br");
  }
}

export function startServer({ port = 0, root = fileURLToPath(new URL("../www/", import.meta.url)) } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(normalize(root + sep)) && path !== normalize(root)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, "index.html");
        info = await stat(path).catch(() => null);
      }
      if (!info?.isFile()) throw new Error("not found");
      const entry = fileVersion(path, info);
      const etag = await entry.etag;
      const headers = {
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        // Always revalidated, so a new build shows at once; the ETag makes that a 304.
        "Cache-Control": "no-cache",
        ETag: etag,
        Vary: "Accept-Encoding",
      };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const encoding = COMPRESSIBLE.has(extname(path)) ? encodingNow(entry, String(req.headers["accept-encoding"] ?? "")) : null;
      const body = encoding ? await encoded(entry, encoding) : await entry.body;
      if (encoding) headers["Content-Encoding"] = encoding;
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  // Compressed before the first visitor (brotli at its best quality takes about a second for the .wasm).
  const warmed = warm(root).catch(() => {});
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => warmed.then(() => resolve({ server, port: server.address().port })));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { port } = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Serving www/ at http://localhost:${port}/  (Ctrl+C to stop)`);
}
