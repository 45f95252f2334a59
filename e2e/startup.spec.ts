import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { firstPaintJs } from '../bench/ui-first-paint';

// The page shell paints from the first-paint scripts alone; the engine (with the store) follows,
// and until it has arrived the cluster's controls are there but disabled, with a status saying so.

const dist = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * holdLateScripts makes every script outside the first-paint set wait until the returned function
 * is called, so the test can look at the page as it is before the engine arrives.
 */
async function holdLateScripts(page: Page): Promise<{ held: string[]; release: () => void }> {
  const eager = new Set(firstPaintJs(dist).map((f) => f.file.replace(/^assets\//, '')));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route('**/assets/*.js', async (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop()!;
    if (!eager.has(file)) {
      held.push(file);
      await released;
    }
    await route.continue();
  });
  return { held, release };
}

test('the shell paints before the engine; the controls wake up once the cluster is there', async ({
  page,
}) => {
  await page.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('kubeloop.lang', 'en');
  });
  const { held, release } = await holdLateScripts(page);
  await page.goto('/');

  await expect(page.getByRole('heading', { name: 'Kubeloop', level: 1 })).toBeVisible();
  const toolbar = page.getByRole('toolbar', { name: 'Playback' });
  await expect(toolbar).toHaveAttribute('aria-busy', 'true');
  await expect(toolbar.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Step to quiet' })).toBeDisabled();
  await expect(toolbar.getByRole('combobox', { name: 'Speed' })).toBeDisabled();
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('status')).toHaveText('Loading the cluster…');
  expect(held.length, 'scripts that waited for the release').toBeGreaterThan(0);

  release();
  await expect(toolbar.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect(toolbar).not.toHaveAttribute('aria-busy', 'true');
  await expect(toolbar.getByText(/^t = \d+\.\d{3}s$/)).toBeVisible();
  await expect(page.getByText('Loading the cluster…')).toHaveCount(0);
  await expect(graph.getByRole('button', { name: 'Node w1-k8s, Ready' })).toBeVisible();
});

test('the loading status speaks Korean', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('kubeloop.lang', 'ko');
  });
  const { release } = await holdLateScripts(page);
  await page.goto('/');
  const toolbar = page.getByRole('toolbar', { name: '재생 제어' });
  await expect(toolbar.getByRole('button', { name: '재생', exact: true })).toBeDisabled();
  const graph = page.getByRole('region', { name: '클러스터 그래프' });
  await expect(graph.getByRole('status')).toHaveText('클러스터를 불러오는 중…');
  release();
  await expect(toolbar.getByRole('button', { name: '재생', exact: true })).toBeEnabled();
  await expect(page.getByText('클러스터를 불러오는 중…')).toHaveCount(0);
});
