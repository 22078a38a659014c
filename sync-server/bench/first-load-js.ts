import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Issue 17's first-load budget: the JavaScript a browser fetched before the inbox's first
 * conversation row appeared, each file gzipped as a server would send it (zlib's default level,
 * the figure Vite's build prints), against every script the build emitted (the baseline: what
 * loading the whole app at once would cost).
 */
export interface FirstLoadJs {
  files: { path: string; gzip: number }[];
  gzip: number;
  allGzip: number;
  allFiles: number;
}

const gzipped = (path: string) => gzipSync(readFileSync(path)).length;

/** `urls`: the script URLs the page fetched before its first row (any origin part is ignored). */
export function firstLoadJs(dist: string, urls: readonly string[]): FirstLoadJs {
  const paths = [...new Set(urls.map((u) => new URL(u, "http://x").pathname).filter((p) => p.endsWith(".js")))];
  const files = paths.map((path) => ({ path, gzip: gzipped(join(dist, path)) })).sort((a, b) => b.gzip - a.gzip);
  const all = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
  return {
    files,
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
    allGzip: all.reduce((sum, f) => sum + gzipped(join(dist, "assets", f)), 0),
    allFiles: all.length,
  };
}
