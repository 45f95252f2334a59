import { expect, test, type Page } from '@playwright/test';
import { startFresh } from './learner';

// Acting on the cluster from the graph and the inspector: every action goes through kubectl or
// the same fault functions as the CLI's scripts, so it animates, and a reload replays it.

test.beforeEach(({ page }) => startFresh(page));

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const stepToQuiet = (page: Page) =>
  page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();

async function applyDeploymentTemplate(page: Page) {
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await expect(editor.locator('.monaco-editor').first()).toBeVisible({ timeout: 15_000 });
  await editor.getByRole('combobox', { name: 'Template' }).selectOption('deployment');
  await expect(editor.locator('.monaco-editor').first()).toContainText('kind:\u00a0Deployment');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/nginx created');
  await stepToQuiet(page);
}

test('stop a node from its context menu: it goes NotReady; start it again', async ({ page }) => {
  await page.goto('/');
  const graph = graphOf(page);
  const node = graph.getByRole('button', { name: 'Node w1-k8s, Ready' });
  // The keyboard's context-menu shortcut opens the menu on the focused node; Esc closes it.
  await node.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for node w1-k8s' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(node).toBeFocused();
  await node.click({ button: 'right' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Stop node (power off)',
    'Cordon (no new pods)',
    'Drain (evict its pods)',
  ]);
  await menu.getByRole('menuitem', { name: 'Stop node (power off)' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '$ node down w1-k8s' })).toBeVisible();

  // No lease for 50s: the node controller marks it NotReady.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(graph.getByRole('button', { name: 'Node w1-k8s, NotReady' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Pause' }).click();

  // Now its menu offers to start it, and the inspector's Actions button opens the same menu.
  await graph.getByRole('button', { name: 'Node w1-k8s, NotReady' }).click();
  const actions = page.getByRole('button', { name: 'Actions for node w1-k8s' });
  await actions.click();
  await expect(actions).toHaveAttribute('aria-expanded', 'true');
  const startItem = menu.getByRole('menuitem', { name: 'Start node (power on)' });
  await expect(startItem).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(actions).toBeFocused();
  await page.keyboard.press('Enter');
  await startItem.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '$ node up w1-k8s' })).toBeVisible();
  await stepToQuiet(page);
  await expect(graph.getByRole('button', { name: 'Node w1-k8s, Ready' })).toBeVisible();
});

test('delete a pod from its menu and see the ReplicaSet replace it', async ({ page }) => {
  await page.goto('/');
  await applyDeploymentTemplate(page);
  const graph = graphOf(page);
  const chips = graph.getByRole('button', { name: /^Pod nginx-.*, Running$/ });
  await expect(chips).toHaveCount(3);
  const chip = chips.first();
  const podName = (await chip.getAttribute('aria-label'))!.replace(/^Pod (\S+), Running$/, '$1');

  await chip.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Actions for pod ${podName}` });
  await menu.getByRole('menuitem', { name: 'Delete pod' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `pod "${podName}" deleted` }),
  ).toBeVisible();
  await stepToQuiet(page);
  await expect(graph.getByRole('button', { name: new RegExp(`^Pod ${podName},`) })).toHaveCount(0);
  await expect(chips).toHaveCount(3);

  // The logs action shows what the container printed, through kubectl logs.
  await chips.first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show logs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Show logs' });
  await expect(dialog.getByText(/^kubectl logs nginx-/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('region', { name: 'Output' })).toContainText(
    'Configuration complete; ready for start up',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a workload shows desired vs current; scale it from its menu', async ({ page }) => {
  await page.goto('/');
  await applyDeploymentTemplate(page);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Deployment nginx' }).click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Deployment nginx');
  const desired = inspector.getByRole('region', { name: 'Desired vs current' });
  await expect(desired).toContainText('3 desired / 3 ready / 3 up-to-date / 3 available');
  await expect(desired).toContainText('Desired state reached.');

  await inspector.getByRole('button', { name: 'Actions for Deployment nginx' }).click();
  await page.getByRole('menuitem', { name: 'Scale…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scale' });
  const replicas = dialog.getByRole('spinbutton', { name: 'Replicas' });
  await expect(replicas).toHaveValue('3');
  await replicas.fill('5');
  await expect(dialog.getByText('kubectl scale deployment/nginx --replicas=5')).toBeVisible();
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('region', { name: 'Output' })).toContainText(
    'deployment.apps/nginx scaled',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Right after the command the spec says 5; the pods are not there yet.
  await expect(desired).toContainText('5 desired / 3 ready');
  await stepToQuiet(page);
  await expect(desired).toContainText('5 desired / 5 ready / 5 up-to-date / 5 available');

  // The owner chain: a pod's inspector links back to its ReplicaSet and Deployment.
  await inspector
    .getByRole('button', { name: /^nginx-.*-.*$/ })
    .first()
    .click();
  const chain = inspector.getByRole('list', { name: 'Owner chain' });
  await chain.getByRole('button', { name: 'Deployment nginx' }).click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Deployment nginx');
  // Its live YAML.
  await inspector.getByText('Live YAML').click();
  await expect(inspector.getByLabel('YAML of nginx')).toContainText('replicas: 5');
});

test('add a node: it joins Ready, its name cannot be taken twice, and a reload replays it', async ({
  page,
}) => {
  await page.goto('/');
  const graph = graphOf(page);
  await page.getByRole('button', { name: 'Add node…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add node' });
  await expect(dialog.getByRole('textbox', { name: 'Node name' })).toHaveValue('w4-k8s');
  await expect(dialog.getByText('node add w4-k8s')).toBeVisible();
  await dialog.getByRole('button', { name: 'Run' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(graph.getByRole('button', { name: 'Node w4-k8s, Ready' })).toBeVisible();

  // A second add with the same name is refused, in the CLI's words.
  await page.getByRole('button', { name: 'Add node…' }).click();
  const again = page.getByRole('dialog', { name: 'Add node' });
  const name = again.getByRole('textbox', { name: 'Node name' });
  await expect(name).toHaveValue('w5-k8s');
  await name.fill('w4-k8s');
  await again.getByRole('button', { name: 'Run' }).click();
  await expect(again.getByRole('region', { name: 'Output' })).toContainText(
    'cannot add node "w4-k8s"',
  );
  await again.getByRole('button', { name: 'Close' }).click();

  // The session recorded the join: a reload replays it.
  await page.reload();
  await expect(graphOf(page).getByRole('button', { name: 'Node w4-k8s, Ready' })).toBeVisible({
    timeout: 15_000,
  });
});

test('the actions speak Korean', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const graph = page.getByRole('region', { name: '클러스터 그래프' });
  await graph.getByRole('button', { name: '노드 w3-k8s, Ready' }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: '노드 w3-k8s 작업' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    '노드 중지(전원 끄기)',
    '코돈(새 파드 받지 않기)',
    '드레인(파드 내보내기)',
  ]);
  await menu.getByRole('menuitem', { name: '코돈(새 파드 받지 않기)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'node/w3-k8s cordoned' })).toBeVisible();
  await page.getByRole('button', { name: '노드 추가…' }).click();
  const dialog = page.getByRole('dialog', { name: '노드 추가' });
  await expect(dialog.getByRole('textbox', { name: '노드 이름' })).toHaveValue('w4-k8s');
  await dialog.getByRole('button', { name: '닫기' }).click();
  await expect(dialog).toBeHidden();
});
