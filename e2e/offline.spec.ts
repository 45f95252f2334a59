import { expect, test } from '@playwright/test';

// Kubeloop is a static site that must work offline: nothing may be fetched from another origin
// (no CDN Monaco, no schema downloads, no web fonts).
test('the app loads without any request leaving its origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
  const offOrigin: string[] = [];
  // The context also sees requests made by workers.
  context.on('request', (request) => {
    const url = request.url();
    const local =
      url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
    if (!local) offOrigin.push(url);
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      pageErrors.push(message.text());
    }
  });

  await page.goto('/');
  await expect(page.locator('body')).toBeVisible();
  await expect(page.locator('#root')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');

  expect(offOrigin, 'requests that left the page origin').toEqual([]);
  expect(pageErrors, 'uncaught errors and CSP violations').toEqual([]);
});
