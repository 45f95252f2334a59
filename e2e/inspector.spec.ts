import { pasteManifest } from './learner';
import { openTerminal } from './lesson-terminal';
import { expect, test, type Page } from '@playwright/test';

// A learner applies the Deployment template, lets the cluster settle, then asks "why did this
// pod land there?": the inspector shows the scheduler's filters and scores, then the node.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.editor.v1');
  });
});

async function applyDeploymentTemplate(page: Page) {
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await expect(editor.locator('.monaco-editor').first()).toBeVisible({ timeout: 15_000 });
  await editor.getByRole('combobox', { name: 'Template' }).selectOption('deployment');
  await expect(editor.locator('.monaco-editor').first()).toContainText('kind:\u00a0Deployment');
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/nginx created');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
}

test('inspect a pod: its node, the scheduler’s decision, then the node it runs on', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await applyDeploymentTemplate(page);

  const graph = page.getByRole('region', { name: 'Cluster graph' });
  const chips = graph.getByRole('button', { name: /^Pod nginx-.*, Running$/ });
  await expect(chips).toHaveCount(3);
  const chip = chips.first();
  const podName = (await chip.getAttribute('aria-label'))!.replace(/^Pod (\S+), Running$/, '$1');
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');

  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`Pod ${podName}`);
  const facts = inspector.locator('.inspector-facts');
  await expect(facts).toContainText('Running');
  await expect(facts).toContainText('BestEffort');
  const nodeLink = facts.getByRole('button', { name: /^w\d-k8s$/ });
  const nodeName = (await nodeLink.textContent())!;

  // The scheduler's table: the winner is said in words, and the control plane stopped at its taint.
  const table = inspector.getByRole('table', { name: `Scheduler’s decision for ${podName}` });
  await expect(table).toBeVisible();
  const winner = table.getByRole('row', { name: new RegExp(`^${nodeName} `) });
  await expect(winner.getByRole('cell').first()).toHaveText(/selected/);
  await expect(table.getByRole('row').filter({ hasText: 'selected' })).toHaveCount(1);
  const master = table.getByRole('row', { name: /^m-k8s / });
  await expect(master).toContainText('filtered out');
  await expect(master).toContainText(
    'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
  );
  const headers = await table.getByRole('columnheader').allTextContents();
  const taintColumn = headers.indexOf('Filter: TaintToleration');
  expect(taintColumn).toBeGreaterThan(1);
  // cells() skips the row header: column n of the header is cell n-1.
  await expect(master.getByRole('cell').nth(taintColumn - 1)).toContainText('untolerated taint');
  await expect(master.getByRole('cell').nth(taintColumn)).toHaveText(/—/);
  await expect(inspector.getByText('Filters rule out nodes')).toBeVisible();
  await expect(inspector.getByRole('table', { name: 'Events' })).toContainText('Scheduled');

  // Keyboard: Esc closes the inspector and the current hop comes back.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Current hop' })).toBeVisible();
  await expect(chip).toHaveAttribute('aria-pressed', 'false');

  // The pod's node: select it from the graph by keyboard.
  const nodeButton = graph.getByRole('button', { name: `Node ${nodeName}, Ready` });
  await nodeButton.focus();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`Node ${nodeName}`);
  const allocated = inspector.getByRole('table', { name: 'Allocated resources' });
  await expect(allocated.getByRole('row', { name: /^cpu / })).toContainText('0 (0%)');
  await expect(inspector.getByRole('region', { name: 'Taints' })).toContainText('No taints.');
  await expect(inspector.getByRole('table', { name: 'Conditions' })).toContainText('KubeletReady');
  // The scheduler spread the three replicas over the three workers: this node runs the pod, and
  // the kube-proxy pod its DaemonSet puts on every node.
  const nodePods = inspector.getByRole('region', { name: 'Pods on this node' });
  await expect(nodePods.getByRole('button')).toHaveCount(2);
  await expect(nodePods.getByRole('button', { name: /^kube-proxy-[a-z0-9]{5}$/ })).toBeVisible();
  await expect(inspector.locator('.inspector-facts')).toContainText('2 / 110');

  // From the node, back to the pod; then the hop tab.
  await nodePods.getByRole('button', { name: podName }).click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`Pod ${podName}`);
  await page.getByRole('tab', { name: 'Current hop' }).click();
  await expect(page.getByRole('complementary', { name: 'Current hop' })).toBeVisible();
});

test('the control plane’s taint, in Korean', async ({ page }) => {
  await page.goto('/');
  await applyDeploymentTemplate(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const graph = page.getByRole('region', { name: '클러스터 그래프' });
  await graph.getByRole('button', { name: 'm-k8s, Ready' }).click();
  const inspector = page.getByRole('region', { name: '인스펙터' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('노드 m-k8s');
  await expect(inspector.getByRole('table', { name: '할당된 리소스' })).toBeVisible();
  await expect(inspector.getByRole('region', { name: '테인트' })).toContainText(
    'node-role.kubernetes.io/control-plane:NoSchedule',
  );
  await expect(inspector.getByRole('table', { name: '컨디션' })).toContainText('KubeletReady');
});

test('a pod no node fits: the inspector shows the FailedScheduling message', async ({ page }) => {
  await page.goto('/');
  const manifest = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: picky',
    'spec:',
    '  nodeSelector:',
    '    disktype: ssd',
    '  containers:',
    '    - name: app',
    '      image: nginx',
    '',
  ].join('\n');
  const { editor } = await pasteManifest(page, manifest);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('pod/picky created');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();

  await page
    .getByRole('region', { name: 'Cluster graph' })
    .getByRole('button', { name: 'Pod picky, Pending' })
    .click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('note')).toContainText('0/4 nodes are available');
  const table = inspector.getByRole('table', { name: 'Scheduler’s decision for picky' });
  await expect(table.getByRole('row').filter({ hasText: 'selected' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'filtered out' })).toHaveCount(4);
  await expect(inspector.getByRole('table', { name: 'Events' })).toContainText('FailedScheduling');
});

test('the workload list offers Jobs and CronJobs too, and opens them', async ({ page }) => {
  await page.goto('/');
  const kubectl = await openTerminal(page);
  await kubectl(
    "kubectl create job pi --image=busybox -- sh -c 'echo 3.14'",
    'job.batch/pi created',
  );
  await kubectl(
    "kubectl create cronjob hello --image=busybox --schedule='*/5 * * * *' -- echo hi",
    'cronjob.batch/hello created',
  );
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const workloads = page
    .getByRole('region', { name: 'Inspector' })
    .getByRole('region', { name: 'Workloads' });
  const job = workloads.getByRole('listitem').filter({ hasText: 'Job pi' });
  await expect(job).toHaveText(/^Job pi default · [01]\/1 complete$/);
  const cronJob = workloads.getByRole('listitem').filter({ hasText: 'CronJob hello' });
  await expect(cronJob).toHaveText('CronJob hello default · */5 * * * * · 0 active');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const workloadsKo = page
    .getByRole('region', { name: '인스펙터' })
    .getByRole('region', { name: '워크로드' });
  await expect(workloadsKo.getByRole('listitem').filter({ hasText: 'CronJob hello' })).toHaveText(
    'CronJob hello default · */5 * * * * · 실행 중 0개',
  );
  const jobKo = workloadsKo.getByRole('listitem').filter({ hasText: 'Job pi' });
  await expect(jobKo).toHaveText(/^Job pi default · [01]\/1 완료$/);

  await jobKo.getByRole('button', { name: 'Job pi' }).click();
  await expect(
    page.getByRole('region', { name: '인스펙터' }).getByRole('heading', { level: 2 }),
  ).toHaveText('잡 pi');
});
