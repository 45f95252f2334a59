// Serves the built dist/ with `vite preview` and says where, once the server answers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = 4173;
const url = `http://localhost:${port}/`;

if (!existsSync(`${root}dist/index.html`)) {
  console.error('dist/ is missing: run `npm run build` first (`npm start` does).');
  process.exit(1);
}

const vite = `${root}node_modules/vite/bin/vite.js`;
const server = spawn(
  process.execPath,
  [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);

server.on('exit', (code, signal) => {
  if (code && code !== 0)
    console.error(`vite preview exited with code ${code} (is port ${port} in use?)`);
  process.exit(code ?? (signal ? 0 : 1));
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

async function waitUntilServing() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

if (await waitUntilServing()) {
  console.log(`\nKubeloop is running at ${url}\nPress Ctrl+C to stop.\n`);
} else {
  console.error(`vite preview did not answer on port ${port} within 10 s.`);
  server.kill();
  process.exit(1);
}
