/**
 * First-paint JS: the scripts a browser must fetch before the app can paint, that is the entry
 * index.html loads, everything it imports statically (transitively) and every modulepreload in
 * index.html, each gzip-compressed (level 9, as a static host would serve it). Dynamic imports
 * (the engine and the store, Monaco, the terminal, kubectl, the inspector) are not counted: they
 * load after the first paint. Run as a script it exits 1 above FIRST_PAINT_BUDGET_KB.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Issue #6 asks for at most 200 kB; 170 kB leaves headroom for the shell to grow. */
export const FIRST_PAINT_BUDGET_KB = 170;

export interface FirstPaintFile {
  file: string;
  bytes: number;
  gzip: number;
}

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w${}*,\s]+from\s*)?["']([^"']+\.js)["']/g;

/** firstPaintJs lists the eagerly loaded scripts of the built app in distDir. */
export function firstPaintJs(distDir: string): FirstPaintFile[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => join(distDir, m[1]!));
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(join(dirname(path), m[1]!));
  }
  return [...seen]
    .map((path) => {
      const code = readFileSync(path);
      return {
        file: relative(distDir, path),
        bytes: code.length,
        gzip: gzipSync(code, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\//, ''));
if (isMain) {
  const files = firstPaintJs(process.argv[2] ?? 'dist');
  for (const f of files)
    console.log(`${(f.gzip / 1024).toFixed(1).padStart(7)} kB gzip  ${f.file}`);
  const totalKb = files.reduce((sum, f) => sum + f.gzip, 0) / 1024;
  console.log(
    `${totalKb.toFixed(1).padStart(7)} kB gzip  first-paint JS in all (budget: ${FIRST_PAINT_BUDGET_KB} kB)`,
  );
  if (totalKb > FIRST_PAINT_BUDGET_KB) process.exit(1);
}
