import { expect, test, type Locator } from '@playwright/test';

// A Korean learner walks "첫 번째 파드" with the editor's default Pod and the playback buttons.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kubeloop.lang', 'ko'));
});

/** text reads Monaco's rendered lines; Monaco draws spaces as non-breaking spaces. */
async function monacoText(editor: Locator): Promise<string> {
  const text = await editor.locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

test('첫 번째 파드: apply, schedule, run and read the chain', async ({ page }) => {
  await page.goto('/');

  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await expect(editor.getByRole('textbox', { name: 'Manifest YAML' })).toBeAttached({
    timeout: 15_000,
  });
  await expect.poll(() => monacoText(editor)).toContain('kind: Pod');
  expect(await monacoText(editor)).toContain('name: nginx');

  const lesson = page.getByRole('region', { name: '레슨', exact: true }).last();
  await expect(lesson.getByRole('heading', { name: '첫 번째 파드' })).toBeVisible();
  const steps = lesson.getByRole('list', { name: '단계' }).locator(':scope > li');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');

  // Hints open without giving the step away.
  await steps.nth(0).getByRole('button', { name: '힌트' }).click();
  await expect(steps.nth(0)).toContainText('적용 버튼');

  // Step 1: apply the default Pod manifest.
  await editor.getByRole('button', { name: '적용' }).click();
  await expect(editor.getByRole('status')).toContainText(/pod\S*\/nginx created/);
  await expect(steps.nth(0)).toContainText('완료');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
  await expect(steps.nth(1)).not.toContainText('완료');

  // Step 2: one hop at a time until kube-scheduler binds the Pod.
  const step = page.getByRole('button', { name: '한 단계', exact: true });
  for (let i = 0; i < 40 && !(await steps.nth(1).innerText()).includes('완료'); i++) {
    await step.click();
  }
  await expect(steps.nth(1)).toContainText('완료');

  // Steps 3 and 4: let the kubelet and containerd finish.
  await page.getByRole('button', { name: '안정될 때까지' }).click();
  for (let i = 0; i < 4; i++) await expect(steps.nth(i)).toContainText('완료');
  await expect(lesson).toContainText('레슨을 모두 마쳤습니다!');
  await expect(lesson).toContainText('kubectl run nginx --image=nginx');

  // Progress survives a reload, and the course list counts it.
  await page.reload();
  await expect(lesson.getByText('4단계 중 4단계 완료')).toBeVisible();
  const course = lesson.getByRole('navigation', { name: '코스' });
  await course.getByText(/레슨 \d+개 중 1개 완료/).click();
  await expect(course.getByRole('button', { name: /첫 번째 파드/ })).toContainText('4/4');
  await expect(course.getByRole('button', { name: /첫 번째 파드/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // The sandbox is one click away and leaves the progress alone.
  await course.getByRole('button', { name: '샌드박스' }).click();
  await expect(lesson.getByRole('heading', { name: '샌드박스' })).toBeVisible();
  await lesson.getByRole('button', { name: '“첫 번째 파드” 레슨으로 돌아가기' }).click();
  await expect(lesson.getByText('4단계 중 4단계 완료')).toBeVisible();

  // Resetting the lesson clears it.
  await lesson.getByRole('button', { name: '레슨 다시 시작' }).click();
  await expect(lesson.getByText('4단계 중 0단계 완료')).toBeVisible();
});

test('a corrupted lesson save never blanks the page', async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('kubeloop.lessons.v1', '{"lessonId": 4, "completed": ['),
  );
  await page.goto('/');
  const lesson = page.getByRole('region', { name: '레슨', exact: true }).last();
  await expect(lesson.getByRole('heading', { name: '첫 번째 파드' })).toBeVisible();
  await expect(lesson.getByText('4단계 중 0단계 완료')).toBeVisible();
});

test('the template picker replaces the manifest and the content survives a reload', async ({
  page,
}) => {
  await page.goto('/');
  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await expect.poll(() => monacoText(editor)).toContain('kind: Pod');
  await editor.getByRole('combobox', { name: '템플릿' }).selectOption('deployment');
  await expect.poll(() => monacoText(editor)).toContain('kind: Deployment');
  await page.keyboard.press('Control+Enter');
  await expect(editor.getByRole('status')).toContainText('deployment.apps/nginx created');
  await page.reload();
  // The template opened in its own tab, which is still the one shown after the reload.
  await expect(editor.getByRole('tab', { name: 'deployment.yaml', selected: true })).toBeVisible();
  await expect.poll(() => monacoText(editor)).toContain('kind: Deployment');
  expect(await monacoText(editor)).toContain('name: nginx');
});

test('YAML is checked against the bundled schema, offline', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173/').origin;
  const offOrigin: string[] = [];
  context.on('request', (request) => {
    if (!/^(data:|blob:)/.test(request.url()) && !request.url().startsWith(`${origin}/`))
      offOrigin.push(request.url());
  });
  const workerErrors: string[] = [];
  page.on('console', (message) => {
    if (/web worker|schema/i.test(message.text()) && message.type() === 'error')
      workerErrors.push(message.text());
  });
  await page.goto('/');
  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await expect.poll(() => monacoText(editor)).toContain('kind: Pod');
  await editor.getByRole('textbox', { name: 'Manifest YAML' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('kind:', { delay: 20 });
  await page.keyboard.press('Space');
  await page.keyboard.type('Pod', { delay: 20 });
  await page.keyboard.press('Escape');
  await expect.poll(() => monacoText(editor)).toBe('kind: Pod');
  // apiVersion, metadata and spec are required: monaco-yaml marks the document.
  await expect(editor.locator('.squiggly-warning, .squiggly-error').first()).toBeAttached({
    timeout: 10_000,
  });
  expect(workerErrors).toEqual([]);
  expect(offOrigin, 'schema or worker requests that left the origin').toEqual([]);
});

test('a paste over 1 MB is refused with a message', async ({ page }) => {
  await page.goto('/');
  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await expect.poll(() => monacoText(editor)).toContain('kind: Pod');
  const textbox = editor.getByRole('textbox', { name: 'Manifest YAML' });
  await textbox.focus();
  await textbox.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'a'.repeat(1024 * 1024 + 1));
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(editor.getByRole('status')).toContainText('1MB를 넘는');
  expect(await monacoText(editor)).toContain('kind: Pod');
});
