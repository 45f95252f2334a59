import { expect, test, type Page } from '@playwright/test';
import { pasteManifest, WEB_DEPLOYMENT } from './learner';

// "Why?" for a hop: what it changed in etcd (key, revision, the object's YAML diff), and the etcd
// browser with every key under /registry and its revisions.

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => localStorage.setItem('kubeloop.lang', 'en'));
});

const hopPanel = (page: Page) => page.getByRole('complementary', { name: 'Current hop' });
const stepButton = (page: Page) =>
  page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step', exact: true });

async function applyWeb(page: Page) {
  await page.goto('/');
  const { editor, monaco } = await pasteManifest(page, WEB_DEPLOYMENT);
  await expect(monaco).toContainText('name:\u00a0web');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/web created');
}

/** stepUntil presses Step until the current hop panel matches (at most 300 hops). */
async function stepUntil(page: Page, done: () => Promise<boolean>) {
  for (let i = 0; i < 300 && !(await done()); i++) await stepButton(page).click();
  expect(await done()).toBe(true);
}

test('a hop shows the etcd key, the revision and the object before and after', async ({ page }) => {
  await applyWeb(page);
  const change = hopPanel(page).getByRole('region', { name: 'What changed in etcd' });
  const diff = change.getByRole('group', { name: /Change to the stored object/ });

  // The ReplicaSet controller's write: a new key, so everything is added.
  await stepUntil(
    page,
    async () =>
      (await change.count()) > 0 &&
      (await change.textContent())!.includes('/registry/replicasets/default/web-') &&
      (await hopPanel(page).textContent())!.includes('etcd write'),
  );
  await expect(change).toContainText(/Revision\s*\d+/);
  await expect(change).toContainText('Created: the key did not exist before this write.');
  await expect(diff).toContainText('+kind: ReplicaSet');

  // The scheduler's binding: one pod's stored object gains spec.nodeName, nothing else of note.
  await stepUntil(
    page,
    async () =>
      (await diff.count()) > 0 &&
      (await hopPanel(page).textContent())!.includes('etcd write') &&
      (await diff.locator('.yaml-diff__line--added', { hasText: 'nodeName:' }).count()) > 0,
  );
  await expect(change).toContainText(/\/registry\/pods\/default\/web-[a-z0-9]+-[a-z0-9]{5}/);
  await expect(diff.locator('.yaml-diff__line--removed').first()).toBeVisible();
  await expect(diff).toContainText(/unchanged lines/);
});

test('the etcd browser lists keys under /registry with their revisions and values', async ({
  page,
}) => {
  await applyWeb(page);
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
  await page.getByRole('tab', { name: 'etcd browser' }).click();
  const browser = page.getByRole('region', { name: 'etcd browser' });
  const keys = browser.getByRole('navigation', { name: 'Keys under /registry' });
  await keys.getByRole('button', { name: /^\/registry\/minions\/ \(\d+ keys?\)$/ }).click();
  await expect(keys.getByRole('button', { name: '/registry/minions/w1-k8s' })).toBeVisible();

  // The learner's Deployment, and kubeadm's CoreDNS in kube-system.
  const deployments = keys.getByRole('button', { name: '/registry/deployments/ (2 keys)' });
  await deployments.click();
  await expect(deployments).toHaveAttribute('aria-expanded', 'true');
  await expect(
    keys.getByRole('button', { name: '/registry/deployments/kube-system/ (1 key)' }),
  ).toBeVisible();
  await keys.getByRole('button', { name: '/registry/deployments/default/ (1 key)' }).click();
  await keys.getByRole('button', { name: '/registry/deployments/default/web' }).click();
  const key = browser.getByRole('region', { name: '/registry/deployments/default/web' });
  await expect(key).toContainText(/Create revision\s*\d+/);
  await expect(key).toContainText(/Mod revision\s*\d+/);
  // Created, then the controller's status updates: several revisions, each viewable.
  const revisions = key.getByRole('button', { name: /^Show revision \d+$/ });
  expect(await revisions.count()).toBeGreaterThan(1);
  await expect(key.locator('.etcd-value')).toContainText('readyReplicas: 3');
  await revisions.first().click();
  await expect(key.locator('.etcd-value')).toContainText('kind: Deployment');
  await expect(key.locator('.etcd-value')).not.toContainText('readyReplicas');
});

test('the why-panel and the etcd browser speak Korean', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kubeloop.lang', 'ko'));
  await page.goto('/');
  await page.getByRole('tab', { name: 'etcd 브라우저' }).click();
  await expect(page.getByRole('region', { name: 'etcd 브라우저' })).toContainText(
    '/registry 아래에 저장됩니다',
  );
});
