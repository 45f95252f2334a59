import { expect, test } from '@playwright/test';
import { openTerminal } from './lesson-terminal';

// An English-speaking learner walks "Scaling out and in": each "predict first" question must be
// answered before its step counts, the goal view shows the wanted state beside the current one,
// and the feedback says whether the guess was right.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    // Seed once per test: the reload at the end must find the saved progress.
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', 'yes');
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.setItem(
      'kubeloop.lessons.v1',
      JSON.stringify({ lessonId: 'scaling', completed: {}, predictions: {}, sandbox: false }),
    );
    localStorage.removeItem('kubeloop.terminal.history.v1');
  });
});

test('Scaling out and in: predict first, then watch', async ({ page }) => {
  await page.goto('/');
  const lesson = page.getByRole('region', { name: 'Lesson', exact: true }).last();
  await expect(lesson.getByRole('heading', { name: 'Scaling out and in' })).toBeVisible();
  const steps = lesson.getByRole('list', { name: 'Steps' }).locator(':scope > li');
  await expect(steps).toHaveCount(4);

  const kubectl = await openTerminal(page);

  // Step 1: the goal view shows what is wanted beside what there is.
  const goal = steps.nth(0).getByRole('group', { name: 'Goal and current state' });
  await expect(goal).toContainText('No pods yet.');
  await kubectl(
    'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=2',
    'deployment.apps/chk-hn created',
  );
  await expect(steps.nth(0)).toContainText('Done');

  // Step 2: scaling out meets the goal, but it does not count before a prediction.
  const question = steps.nth(1).getByRole('radiogroup', { name: /How many will land on m-k8s/ });
  await expect(question).toBeVisible();
  await expect(steps.nth(1).getByRole('group', { name: 'Goal and current state' })).toContainText(
    /2 pods Running on w\d-k8s/,
  );
  await kubectl('kubectl scale deployment chk-hn --replicas=5', 'deployment.apps/chk-hn scaled');
  await expect(steps.nth(1)).toContainText('Choose an answer');
  await expect(steps.nth(1)).not.toContainText('Done');
  await question.getByRole('radio', { name: 'One', exact: true }).check();
  await expect(steps.nth(1)).toContainText('Done');
  await expect(steps.nth(1).getByRole('status')).toContainText('Not quite: the answer was “None”');
  await expect(steps.nth(1).getByRole('status')).toContainText('control-plane taint');
  await expect(steps.nth(1).getByRole('radio', { name: 'None', exact: true })).toBeDisabled();

  // Step 3: read the placement.
  await kubectl('kubectl get pods -o wide', /chk-hn-\w+-\w{5}\s+1\/1\s+Running/);
  await expect(steps.nth(2)).toContainText('Done');

  // Step 4: predict right this time, then scale in.
  await steps
    .nth(3)
    .getByRole('radio', { name: /The least useful/ })
    .check();
  await kubectl('kubectl scale deployment chk-hn --replicas=2', 'deployment.apps/chk-hn scaled');
  await expect(steps.nth(3)).toContainText('Done');
  await expect(steps.nth(3).getByRole('status')).toContainText('Your prediction was right.');
  await expect(lesson).toContainText('Lesson complete!');

  // The answers are kept across a reload with the progress.
  await page.reload();
  await expect(lesson.getByText('4 of 4 steps done')).toBeVisible();
  await expect(steps.nth(1).getByRole('radio', { name: 'One', exact: true })).toBeChecked();
});
