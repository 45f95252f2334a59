import { defineConfig } from '@playwright/test';

const isCI = Boolean(process.env.CI);
const baseURL = 'http://127.0.0.1:4173/';

export default defineConfig({
  testDir: 'e2e',
  workers: 2,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  reporter: 'list',
  use: { baseURL },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        // Debian's chromium package; `npx playwright install` cannot download browsers here.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // The background-networking flags keep Chromium from calling home on a closed network.
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  // Serves the built dist/ (`npm test` builds first; run `npm run build` before `npm run test:e2e`).
  webServer: {
    command: 'npm run -s preview',
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
  },
});
