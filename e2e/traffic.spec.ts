import { expect, test, type Page } from '@playwright/test';
import { pasteManifest, WEB_DEPLOYMENT, WEB_SERVICE } from './learner';

// The cluster's own pods are there but quiet by default; a request sent to a Service flies as a
// packet through the node's kube-proxy to the pod that answers.

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.editor.v1');
  });
});

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const playback = (page: Page) => page.getByRole('toolbar', { name: 'Playback' });

test('kube-system pods are counted per node, and drawn as grey chips on request', async ({
  page,
}) => {
  await page.goto('/');
  const graph = graphOf(page);
  const worker = graph.locator('.node-group', { hasText: 'w1-k8s' });
  // kubeadm runs a kube-proxy pod on every node; the control plane's pods sit on m-k8s.
  await expect(worker.locator('.system-pods')).toHaveText('kube-system: 1 pod');
  await expect(graph.locator('.pod-chip')).toHaveCount(0);
  const textView = page.getByRole('list', { name: 'Cluster nodes and pods' });
  await expect(textView.getByText('kube-system: 1 pod (Running 1)')).toHaveCount(3);

  const toggle = graph.getByRole('checkbox', { name: 'Show kube-system pods' });
  await toggle.check();
  await expect(worker.locator('.pod-chip.is-system')).toHaveCount(1);
  await expect(
    worker.getByRole('button', { name: /^Pod kube-proxy-[a-z0-9]{5}, Running$/ }),
  ).toBeVisible();
  const master = graph.locator('.node-group', { hasText: 'm-k8s' });
  await expect(master.getByRole('button', { name: 'Pod etcd-m-k8s, Running' })).toBeVisible();
  await expect(textView.getByText(/^kube-proxy-[a-z0-9]{5}: Running$/)).toHaveCount(4);

  // The choice is remembered, and said in Korean too.
  await page.reload();
  await expect(graph.getByRole('checkbox', { name: 'Show kube-system pods' })).toBeChecked();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(
    page
      .getByRole('region', { name: '클러스터 그래프' })
      .getByRole('checkbox', { name: 'kube-system 파드 보기' }),
  ).toBeChecked();
});

test('send a request to a NodePort Service: the packet flies through kube-proxy to a pod', async ({
  page,
}) => {
  await page.goto('/');
  const { editor } = await pasteManifest(page, `${WEB_DEPLOYMENT}${WEB_SERVICE}`);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('service/web created');
  await playback(page).getByRole('button', { name: 'Step to quiet' }).click();

  const graph = graphOf(page);
  for (const node of ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s']) {
    await expect(graph.locator(`[data-component="kube-proxy@${node}"]`)).toHaveText('kube-proxy');
  }
  await expect(graph.locator('[data-component="client"]')).toHaveText(
    'client (outside the cluster)',
  );

  await page.getByRole('button', { name: 'Send request…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send request' });
  await expect(dialog.getByRole('combobox', { name: 'Service' })).toHaveValue('default/web');
  await expect(dialog.locator('.action-command code')).toHaveText(
    /^curl -s http:\/\/192\.168\.\d+\.\d+:3\d{4}\/$/,
  );
  await dialog.getByRole('button', { name: 'Run' }).click();
  const output = dialog.getByRole('region', { name: 'Output' });
  await expect(output).toContainText('HTTP/1.1 200 OK');
  await expect(output).toContainText(
    /Answered by pod web-[a-z0-9]+-[a-z0-9]{5} \(namespace default\)/,
  );
  const answered = (await output.textContent())!.match(/pod (web-\S+)/)![1]!;
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The request's legs are hops: step until the packet reaches the pod that answered.
  const packet = page.getByTestId('packet');
  const step = playback(page).getByRole('button', { name: 'Step', exact: true });
  const hopPanel = page.getByRole('complementary', { name: 'Current hop' });
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await step.click();
    reached = (await graph.locator(`.pod-chip.is-reached[data-pod="${answered}"]`).count()) > 0;
  }
  expect(reached).toBe(true);
  await expect(packet).toHaveClass(/channel-traffic/);
  await expect(hopPanel).toContainText(answered);
  await expect(page.locator('.timeline-label.channel-traffic').first()).toBeVisible();
  // It is in the session: the timeline marks it as the learner's.
  await expect(
    page
      .getByText(
        /You: send a request to http:\/\/192\.168\.\d+\.\d+:3\d{4}\/ from outside the cluster/,
      )
      .first(),
  ).toBeAttached();
});
