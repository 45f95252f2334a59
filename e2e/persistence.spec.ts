import { expect, test, type Page } from '@playwright/test';
import { pasteManifest, WEB_DEPLOYMENT } from './learner';

// The sandbox survives a reload and travels in a share link: the same pods at the same moment.

const graph = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const clock = (page: Page) =>
  page.getByRole('toolbar', { name: 'Playback' }).getByText(/^t = \d+\.\d{3}s$/);
const podNames = async (page: Page) =>
  (await graph(page).locator('.pod-name').allTextContents()).sort();

async function applyFromEditor(page: Page) {
  const { editor, monaco } = await pasteManifest(page, WEB_DEPLOYMENT);
  await expect(monaco).toContainText('name:\u00a0web');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/web created');
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.editor.v1');
  });
});

test('a reload and a share link bring back the same pods at the same moment', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await applyFromEditor(page);

  // Step until the ReplicaSet has made its pods, then a few hops more: mid-rollout, not settled.
  const step = page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', {
    name: 'Step',
    exact: true,
  });
  const pods = graph(page).locator('.pod-name');
  for (let i = 0; i < 40 && (await pods.count()) < 3; i++) await step.click();
  for (let i = 0; i < 3; i++) await step.click();
  await expect(pods).toHaveCount(3);
  const names = await podNames(page);
  expect(names.every((n) => /^web-[a-z0-9]+-[a-z0-9]{5}$/.test(n))).toBe(true);
  const time = await clock(page).textContent();
  const hopSeq = await page.locator('.hop-seq').textContent();

  await page.reload();
  await expect(pods).toHaveCount(3);
  expect(await podNames(page)).toEqual(names);
  await expect(clock(page)).toHaveText(time!);
  await expect(page.locator('.hop-seq')).toHaveText(hopSeq!);

  // Share: the link is copied and shown; a fresh browser opening it sees the same sandbox.
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#s=z\.[\w-]+$/);
  const url = await field.inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const fresh = await browser.newContext();
  await fresh.addInitScript(() => localStorage.setItem('kubeloop.lang', 'en'));
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(
    other.getByRole('status').filter({ hasText: 'Opened a shared sandbox.' }),
  ).toBeVisible();
  await expect(graph(other).locator('.pod-name')).toHaveCount(3);
  expect(await podNames(other)).toEqual(names);
  await expect(clock(other)).toHaveText(time!);
  // The hash is gone, and the shared sandbox is now this browser's own: a reload keeps it.
  expect(new URL(other.url()).hash).toBe('');
  await other.reload();
  await expect(graph(other).locator('.pod-name')).toHaveCount(3);
  expect(await podNames(other)).toEqual(names);
  await fresh.close();
});

test('a corrupted save says the sandbox was reset and starts fresh', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kubeloop.session.v1', '{"v":1,"seed":'));
  await page.goto('/');
  await expect(
    page.getByRole('status').filter({ hasText: 'Your saved sandbox could not be read' }),
  ).toContainText('the sandbox was reset');
  await expect(graph(page)).toBeVisible();
  await expect(clock(page)).toHaveText('t = 0.000s');
});

test('a malformed share link says so and starts fresh, in Korean too', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kubeloop.lang', 'ko'));
  await page.goto('/#s=z.not-really-deflate');
  await expect(page.getByRole('status').filter({ hasText: '공유 링크가 손상' })).toBeVisible();
  await expect(page.getByRole('button', { name: '공유' })).toBeVisible();
  await expect(page.getByRole('region', { name: '클러스터 그래프' })).toBeVisible();
});
