import { expect, test } from '@playwright/test';
import { openTerminal, screenText } from './lesson-terminal';

// An English-speaking learner picks "Pod vs Deployment: self-healing" from the lesson list and
// walks it in the terminal: a bare pod deleted is gone, a Deployment's pod deleted comes back.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.lessons.v1');
    localStorage.removeItem('kubeloop.terminal.history.v1');
  });
});

test('Pod vs Deployment: self-healing, in English, from the terminal', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const lesson = page.getByRole('region', { name: 'Lesson', exact: true }).last();
  const course = lesson.getByRole('navigation', { name: 'Course' });
  await course.getByText(/Lessons: 0 of \d+ finished/).click();
  await course.getByRole('button', { name: /Pod vs Deployment: self-healing/ }).click();
  await expect(
    lesson.getByRole('heading', { name: 'Pod vs Deployment: self-healing' }),
  ).toBeVisible();
  const steps = lesson.getByRole('list', { name: 'Steps' }).locator(':scope > li');
  await expect(steps).toHaveCount(5);
  await expect(lesson.getByText('0 of 5 steps done')).toBeVisible();
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');

  const kubectl = await openTerminal(page);

  // Steps 1 and 2: a bare pod, deleted, stays gone.
  await kubectl('kubectl run nginx --image=nginx', 'pod/nginx created');
  await expect(steps.nth(0)).toContainText('Done');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
  await kubectl('kubectl delete pod nginx', 'pod "nginx" deleted');
  await expect(steps.nth(1)).toContainText('Done');

  // Step 3: three pods looked after by a ReplicaSet.
  await kubectl(
    'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3',
    'deployment.apps/chk-hn created',
  );
  await expect(steps.nth(2)).toContainText('Done');
  await expect(steps.nth(3)).not.toContainText('Done');

  // Step 4: copy one pod name from `kubectl get pods` and delete it; a new one replaces it.
  await kubectl('kubectl get pods', /chk-hn-\w+-\w{5}\s+1\/1\s+Running/);
  const listed = (await screenText(page).innerText()).match(/chk-hn-\w+-\w{5}/g) ?? [];
  const victim = listed[0]!;
  await kubectl(`kubectl delete pod ${victim}`, `pod "${victim}" deleted`);
  await expect(steps.nth(3)).toContainText('Done');
  await kubectl('kubectl get pods', /chk-hn/);
  const after = (await screenText(page).innerText()).split(`pod "${victim}" deleted`).at(-1)!;
  expect(after).not.toContain(victim);
  expect(after.match(/chk-hn-\w+-\w{5}\s+1\/1\s+Running/g)).toHaveLength(3);

  // Step 5: the ReplicaSet still wants three.
  await kubectl('kubectl get replicasets', /chk-hn-\w+\s+3\s+3\s+3/);
  await expect(steps.nth(4)).toContainText('Done');
  await expect(lesson.getByText('5 of 5 steps done')).toBeVisible();
  await expect(lesson).toContainText('Lesson complete!');
  await expect(lesson).toContainText('kubectl get pods -w');
  await expect(
    course.getByRole('button', { name: /Pod vs Deployment: self-healing/ }),
  ).toContainText('5/5');

  // Next takes the learner on to the following lesson on a fresh cluster.
  await lesson.getByRole('button', { name: 'Next lesson: Scaling out and in' }).click();
  await expect(lesson.getByRole('heading', { name: 'Scaling out and in' })).toBeVisible();
  await expect(lesson.getByText('0 of 4 steps done')).toBeVisible();
});
