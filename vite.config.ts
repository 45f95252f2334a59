/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// monaco-yaml's worker (via monaco-worker-manager) imports the old deep path
// `monaco-editor/esm/vs/...`, which monaco-editor >= 0.56's `exports` map resolves to a file that
// does not exist. Point such imports straight at the files (shared/toolchain.md, pitfall 1).
const monacoEsmDir = fileURLToPath(
  new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url),
);

// index.html carries a strict CSP for the built app. The dev server needs an inline script (React
// Fast Refresh preamble), so the meta tag is dropped in `vite` dev only; build/preview keep it.
function dropCspInDev(): Plugin {
  return {
    name: 'kubeloop:drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any sub-path, any static host, and offline.
  base: './',
  plugins: [react(), dropCspInDev()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsmDir}$1` }],
  },
  optimizeDeps: {
    // Without this the dev server reloads on first visit (toolchain.md, pitfall 8).
    include: ['monaco-yaml/yaml.worker.js'],
  },
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    passWithNoTests: true,
    // Property tests replay thousands of simulated steps; on 2 busy cores they pass 5 s.
    testTimeout: 30_000,
  },
});
