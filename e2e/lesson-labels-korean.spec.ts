import { expect, test } from '@playwright/test';
import { openTerminal } from './lesson-terminal';

// A Korean learner picks "레이블과 셀렉터" from the course list and walks it in the terminal,
// answering each "predict first" question before acting.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'ko');
    localStorage.removeItem('kubeloop.lessons.v1');
    localStorage.removeItem('kubeloop.terminal.history.v1');
  });
});

test('레이블과 셀렉터: a label puts a pod into a Service and takes it out', async ({ page }) => {
  await page.goto('/');
  const lesson = page.getByRole('region', { name: '레슨', exact: true }).last();
  const course = lesson.getByRole('navigation', { name: '코스' });
  await course.getByText(/레슨 \d+개 중 0개 완료/).click();
  await course.getByRole('button', { name: /레이블과 셀렉터/ }).click();
  await expect(lesson.getByRole('heading', { name: '레이블과 셀렉터' })).toBeVisible();
  const steps = lesson.getByRole('list', { name: '단계' }).locator(':scope > li');
  await expect(steps).toHaveCount(3);

  const kubectl = await openTerminal(page, 'ko');

  // Step 1: three pods and a Service selecting app=web.
  await kubectl(
    'kubectl create deployment web --image=nginx --replicas=3',
    'deployment.apps/web created',
  );
  await kubectl('kubectl expose deployment web --port=80', 'service/web exposed');
  await expect(steps.nth(0)).toContainText('완료');

  // Step 2: predict, then a stray pod with the same label joins the endpoints.
  await steps.nth(1).getByRole('radio', { name: '4개' }).check();
  await kubectl('kubectl run solo --image=nginx --labels=app=web', 'pod/solo created');
  await kubectl('kubectl get endpoints web', /web\s+\S+:80,\S+:80,\S+:80 \+ 1 more/);
  await expect(steps.nth(1)).toContainText('완료');
  await expect(steps.nth(1).getByRole('status')).toContainText('예측이 맞았습니다.');

  // Step 3: relabelling takes it out; the goal view shows the pods now.
  await expect(steps.nth(2).getByRole('group', { name: '목표 상태와 현재 상태' })).toContainText(
    'Running 파드 4개',
  );
  await steps.nth(2).getByRole('radio', { name: '삭제된다' }).check();
  await kubectl('kubectl label pod solo app=debug --overwrite', 'pod/solo labeled');
  await expect(steps.nth(2)).toContainText('완료');
  await expect(steps.nth(2).getByRole('status')).toContainText('아쉽네요. 정답은');
  await expect(lesson).toContainText('레슨을 모두 마쳤습니다!');
  await expect(
    lesson.getByRole('button', { name: /다음 레슨: 스케줄러 들여다보기/ }),
  ).toBeVisible();
});
