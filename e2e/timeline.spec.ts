import { expect, test, type Page } from '@playwright/test';

// A learner scrubs back to before their Deployment, sees the cluster (graph text view and
// `kubectl get`) as it was, returns to the present, then changes the past and forks the future.

const screenText = (page: Page) => page.locator('.xterm-rows');

async function openTerminal(page: Page) {
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const input = page
    .getByRole('region', { name: 'Terminal' })
    .getByRole('textbox', { name: 'kubectl terminal' });
  await expect(input).toBeAttached({ timeout: 15_000 });
  return async (line: string) => {
    await input.focus();
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  };
}

test('scrub back, see the earlier cluster, return, then fork the past', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('kubeloop.lang', 'en');
  });
  await page.goto('/');
  const run = await openTerminal(page);
  const playback = page.getByRole('toolbar', { name: 'Playback' });
  const textView = page.getByRole('list', { name: 'Cluster nodes and pods' });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const status = timeline.getByRole('status');

  await run('kubectl create deployment web --image=nginx --replicas=2');
  await expect(screenText(page)).toContainText('deployment.apps/web created');
  await playback.getByRole('button', { name: 'Step to quiet' }).click();
  await expect(textView.getByText(/^web-.*: Running$/)).toHaveCount(2);
  await expect(status).toHaveText(/^Present: hop \d+$/);
  const presentHops = Number((await status.textContent())!.match(/\d+/)![0]);

  // Every hop is listed; the newest is the current one.
  const hops = timeline.getByRole('list', { name: 'Hops and actions' });
  await expect(
    hops.getByRole('button', { name: `Hop ${presentHops}:`, exact: false }),
  ).toHaveAttribute('aria-current', 'step');
  // Scrub to the start: no Deployment yet, in the graph and in kubectl's answer.
  const scrubber = timeline.getByRole('slider', { name: 'Timeline position' });
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(status).toHaveText(`Viewing the past: hop 0 of ${presentHops}`);
  await expect(textView.getByText(/^web-/)).toHaveCount(0);
  // The list scrolled back to the start, where the learner's own command is marked.
  const created = hops.getByRole('button', { name: /^You: kubectl create deployment web/ });
  await expect(created).toBeVisible();
  await run('kubectl get deployments');
  await expect(screenText(page)).toContainText('No resources found in default namespace.');

  // One hop on, with Step, still in the past.
  await playback.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status).toHaveText(`Viewing the past: hop 1 of ${presentHops}`);

  // Back to the present: the pods are there again.
  await timeline.getByRole('button', { name: 'Back to the present' }).click();
  await expect(status).toHaveText(`Present: hop ${presentHops}`);
  await expect(textView.getByText(/^web-.*: Running$/)).toHaveCount(2);

  // Change the past: go back to just before the Deployment (its row in the list) and run a pod
  // instead; confirm the fork.
  await scrubber.focus();
  await page.keyboard.press('Home');
  await created.click();
  await expect(status).toHaveText(`Viewing the past: hop 0 of ${presentHops}`);
  await run('kubectl run solo --image=nginx');
  const dialog = page.getByRole('dialog', { name: 'Change the past?' });
  await expect(dialog).toContainText(`the ${presentHops} hops after it are discarded`);
  await dialog.getByRole('button', { name: 'Fork from here' }).click();
  await expect(dialog).toBeHidden();
  await expect(screenText(page)).toContainText('pod/solo created');
  await playback.getByRole('button', { name: 'Step to quiet' }).click();
  await expect(textView.getByText('solo: Running')).toBeAttached();
  await expect(textView.getByText(/^web-/)).toHaveCount(0);
  await expect(status).toHaveText(/^Present: hop \d+$/);
  await expect(timeline.getByRole('button', { name: 'Back to the present' })).toBeDisabled();
});

test('the timeline speaks Korean', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('kubeloop.lang', 'ko');
  });
  await page.goto('/');
  const timeline = page.getByRole('region', { name: '타임라인' });
  await expect(timeline.getByRole('slider', { name: '타임라인 위치' })).toBeVisible();
  await expect(timeline.getByRole('button', { name: '현재로 돌아가기' })).toBeDisabled();
  await expect(timeline.getByRole('button', { name: '한 단계 뒤로' })).toBeDisabled();
  await expect(timeline.getByRole('list', { name: '단계와 내 작업 목록' })).toBeAttached();
});

test('a hop’s packet flies along its edge, and stays put when motion is reduced', async ({
  page,
}) => {
  await page.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('kubeloop.lang', 'en');
  });
  await page.goto('/');
  const run = await openTerminal(page);
  await run('kubectl create deployment web --image=nginx');
  const packet = page.getByTestId('packet');
  await expect(packet).toHaveText(/deployment\/web$/);
  // Slow the flight down so it is still running when looked at.
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('combobox', { name: 'Speed' })
    .selectOption('0.25');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step', exact: true })
    .click();
  const flights = () =>
    packet.evaluate(
      (el) => el.parentElement!.getAnimations().filter((a) => a.playState === 'running').length,
    );
  await expect.poll(flights).toBe(1);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step', exact: true })
    .click();
  await expect.poll(flights).toBe(0);
  await expect(packet).toBeVisible();
});
