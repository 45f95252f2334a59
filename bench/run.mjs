/**
 * npm run bench [-- --quick]: bundles bench/engine.ts with esbuild (already installed for tsx and
 * vite) into a temporary file and runs it with `node --expose-gc`. Under tsx every module is
 * transformed on the fly and runs noticeably slower than the shipped bundle, so the figures would
 * not describe the engine learners actually run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('./engine.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kubeloop-bench-'));
const outfile = join(dir, 'engine.mjs');
try {
  // esbuild prints its own errors; a failed build just ends the run.
  const built = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  }).then(
    () => true,
    () => false,
  );
  if (built) {
    const { status } = spawnSync(
      process.execPath,
      ['--expose-gc', outfile, ...process.argv.slice(2)],
      { stdio: 'inherit' },
    );
    process.exitCode = status ?? 1;
  } else {
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
