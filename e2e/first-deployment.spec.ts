import { expect, test } from '@playwright/test';
import { pasteManifest, WEB_DEPLOYMENT } from './learner';

// A learner's first Deployment: write it in the editor, apply it, follow the first hops one at a
// time, then let the cluster settle and see three Running pods on the graph.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.editor.v1');
  });
});

test('apply a 3-replica Deployment, step through it, and see three Running pods', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const { editor, monaco } = await pasteManifest(page, WEB_DEPLOYMENT);
  await expect(monaco).toContainText('name:\u00a0web');

  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/web created');

  // kubectl's own request has been delivered; the controllers are next, one Step at a time.
  const hopPanel = page.getByRole('complementary', { name: 'Current hop' });
  const playback = page.getByRole('toolbar', { name: 'Playback' });
  const explanation = hopPanel.locator('.hop-explanation');
  const packet = page.getByTestId('packet');
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const before = await explanation.textContent();
    const hopBefore = await hopPanel.locator('.hop-seq').textContent();
    await playback.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(hopPanel.locator('.hop-seq')).not.toHaveText(hopBefore ?? '');
    seen.add(`${await packet.textContent()} | ${before}`);
  }
  expect(seen.size).toBe(4);
  await expect(packet).toBeVisible();
  await expect(explanation).not.toBeEmpty();

  await playback.getByRole('button', { name: 'Step to quiet' }).click();

  const graph = page.getByRole('region', { name: 'Cluster graph' });
  const running = graph.locator('.pod-chip', { hasText: /^web-.*Running$/ });
  await expect(running).toHaveCount(3);
  for (const chip of await running.all())
    await expect(chip.locator('.pod-status')).toHaveText('Running');

  // The same facts, as text for screen readers.
  const textView = page.getByRole('list', { name: 'Cluster nodes and pods' });
  await expect(textView.getByText(/: Running$/)).toHaveCount(3);
  await expect(playback.getByText(/^t = \d+\.\d{3}s$/)).toBeVisible();
});

test('the playback controls speak Korean after switching the language', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const playback = page.getByRole('toolbar', { name: '재생 제어' });
  await expect(playback.getByRole('button', { name: '재생' })).toBeVisible();
  await expect(playback.getByRole('button', { name: '한 단계' })).toBeVisible();
  await expect(page.getByRole('region', { name: '클러스터 그래프' })).toBeVisible();
});
