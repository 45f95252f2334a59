// Installs dependencies with `npm ci` unless node_modules already matches package-lock.json.
// npm records what it installed in node_modules/.package-lock.json (the "hidden lockfile"): its
// entries must equal package-lock.json's, and any package-lock.json entry it lacks must be optional
// (platform-specific binaries for other systems are never installed).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockPath = `${root}package-lock.json`;
const installedPath = `${root}node_modules/.package-lock.json`;

/** installMismatch returns why node_modules is out of date, or null when it matches the lockfile. */
function installMismatch() {
  if (!existsSync(`${root}node_modules`)) return 'node_modules is missing';
  if (!existsSync(installedPath)) return 'node_modules/.package-lock.json is missing';
  const wanted = JSON.parse(readFileSync(lockPath, 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedPath, 'utf8')).packages ?? {};
  for (const [path, entry] of Object.entries(installed)) {
    if (JSON.stringify(entry) !== JSON.stringify(wanted[path])) return `${path} differs`;
  }
  for (const [path, entry] of Object.entries(wanted)) {
    if (path !== '' && !(path in installed) && !entry.optional) return `${path} is not installed`;
  }
  return null;
}

if (!existsSync(lockPath)) {
  console.error('package-lock.json is missing; run `npm install` to create it.');
  process.exit(1);
}

const reason = installMismatch();
if (reason) {
  console.log(`Installing dependencies (${reason}): npm ci`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('npm ci failed.');
    process.exit(result.status ?? 1);
  }
}
