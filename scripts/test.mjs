// `npm test`: every check, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
};

/** run runs one stage and exits with its status if it fails. */
function run(title, command, args) {
  console.log(`\n▶ ${title}: ${[command, ...args].join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds} s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

/** findChromium returns the Chromium binary Playwright should launch, or null. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}

run('dependencies', process.execPath, ['scripts/ensure-deps.mjs']);
run('typecheck', 'tsc', ['-b']);
run('lint', 'eslint', ['.']);
run('unit tests', 'vitest', ['run']);
run('build', 'vite', ['build']);

const chromium = findChromium();
if (!chromium) {
  if (process.env.CHROMIUM_PATH)
    console.error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  console.error(
    'Chromium not found. Install it with: sudo apt-get install -y chromium (Debian/Ubuntu), ' +
      'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
  process.exit(1);
}
env.CHROMIUM_PATH = chromium;
run('browser tests', 'playwright', ['test']);

console.log('\nAll checks passed.');
