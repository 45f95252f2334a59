import { expect, test, type Page } from '@playwright/test';
import { typeCommand } from './lesson-terminal';
import { pasteManifest, WEB_DEPLOYMENT } from './learner';

// A learner turns on the owners view: the Deployment, its ReplicaSet and their pods are drawn as
// a chain, a CronJob's Job hangs under it, and each workload opens in the workload inspector.

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.editor.v1');
    localStorage.removeItem('kubeloop.graph.owners');
  });
});

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const playback = (page: Page) => page.getByRole('toolbar', { name: 'Playback' });

test('Show owners draws Deployment → ReplicaSet → Pod, and a workload opens in the inspector', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const { editor } = await pasteManifest(page, WEB_DEPLOYMENT);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/web created');
  await playback(page).getByRole('button', { name: 'Step to quiet' }).click();

  const graph = graphOf(page);
  const deployment = graph.getByRole('button', { name: /^Deployment web, / });
  const replicaSet = graph.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+, / });
  // Off by default: the workloads are not drawn.
  await expect(deployment).toHaveCount(0);
  const toggle = graph.getByRole('checkbox', { name: 'Show owners' });
  await toggle.check();

  await expect(deployment).toHaveAccessibleName('Deployment web, 3/3 ready');
  await expect(replicaSet).toHaveAccessibleName(/, 3\/3 ready$/);
  const rsName = (await replicaSet.getAttribute('aria-label'))!
    .split(',')[0]!
    .slice('ReplicaSet '.length);
  await expect(
    graph.getByRole('img', { name: `Deployment web → ReplicaSet ${rsName}` }),
  ).toBeAttached();
  await expect(
    graph.getByRole('img', {
      name: new RegExp(`^ReplicaSet ${rsName} → pod ${rsName}-[a-z0-9]{5}$`),
    }),
  ).toHaveCount(3);

  // Click the Deployment: the workload inspector, with what it owns.
  await deployment.click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Deployment web');
  await expect(inspector.getByRole('region', { name: 'Desired vs current' })).toBeVisible();
  await expect(inspector.getByRole('region', { name: 'ReplicaSets' })).toContainText(rsName);
  // Keyboard: the ReplicaSet is a tab stop, Enter opens it.
  await replicaSet.focus();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`ReplicaSet ${rsName}`);
  await expect(replicaSet).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector.getByRole('list', { name: 'Owner chain' })).toContainText(
    'Deployment web',
  );

  // The text view says the same chain.
  const textView = page.getByRole('list', { name: 'Cluster nodes and pods' });
  await expect(
    textView.getByText(
      new RegExp(
        `^ReplicaSet ${rsName}: 3/3 ready, owned by Deployment web; 3 pods: ${rsName}-[a-z0-9]{5}, `,
      ),
    ),
  ).toBeAttached();

  // A CronJob's Job appears under it once its schedule comes round.
  await typeCommand(
    page,
    `kubectl create cronjob tick --image=busybox --schedule="* * * * *" -- date`,
  );
  const cronJob = graph.getByRole('button', { name: /^CronJob tick, \* \* \* \* \*, / });
  await expect(cronJob).toBeVisible();
  await playback(page).getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await playback(page).getByRole('button', { name: 'Play' }).click();
  const job = graph.getByRole('button', { name: /^Job tick-\d+, / });
  await expect(job).toBeVisible({ timeout: 30_000 });
  await playback(page).getByRole('button', { name: 'Pause' }).click();
  const jobName = (await job.getAttribute('aria-label'))!.split(',')[0]!.slice('Job '.length);
  await expect(graph.getByRole('img', { name: `CronJob tick → Job ${jobName}` })).toBeAttached();
  await job.click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`Job ${jobName}`);
  await expect(inspector.getByRole('list', { name: 'Owner chain' })).toContainText('CronJob tick');
  await cronJob.click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('CronJob tick');
  await expect(inspector.getByRole('region', { name: 'Jobs' })).toContainText(jobName);

  // In Korean; turning the view off takes the workloads away again.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const korean = page.getByRole('region', { name: '클러스터 그래프' });
  await expect(korean.getByRole('checkbox', { name: '소유 관계 보기' })).toBeChecked();
  await expect(korean.getByRole('button', { name: '디플로이먼트 web, 3/3 준비됨' })).toBeVisible();
  await korean.getByRole('checkbox', { name: '소유 관계 보기' }).uncheck();
  await expect(korean.getByRole('button', { name: /^디플로이먼트 web/ })).toHaveCount(0);
});
