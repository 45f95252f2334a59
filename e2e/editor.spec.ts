import { expect, test, type Page } from '@playwright/test';
import { pasteManifest, WEB_DEPLOYMENT } from './learner';

// The manifest editor as a learner uses it: files in tabs that survive a reload, templates, Apply
// with Ctrl+Enter, server errors on the right line, a huge paste refused, and the applied manifest
// compared with the live object.

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => localStorage.setItem('kubeloop.lang', 'en'));
});

const editorRegion = (page: Page) => page.getByRole('region', { name: 'Manifest editor' });
const monacoOf = (page: Page) => editorRegion(page).locator('.kl-editor__monaco .monaco-editor');
const fileTabs = (page: Page) => editorRegion(page).getByRole('tablist', { name: 'Files' });

async function openEditor(page: Page) {
  await page.goto('/');
  await expect(monacoOf(page)).toBeVisible({ timeout: 30_000 });
}

test('files in tabs: new, template, rename, close, and all of them kept across a reload', async ({
  page,
}) => {
  await openEditor(page);
  const editor = editorRegion(page);
  await expect(fileTabs(page).getByRole('tab')).toHaveText(['manifest.yaml']);

  // A template opens in its own tab: the learner's file is left as it was.
  await editor.getByRole('combobox', { name: 'Template' }).selectOption('cronjob');
  await expect(fileTabs(page).getByRole('tab', { name: 'cronjob.yaml' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(monacoOf(page)).toContainText('kind:\u00a0CronJob');

  await editor.getByRole('button', { name: 'New file' }).click();
  await expect(fileTabs(page).getByRole('tab', { name: 'untitled.yaml' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await pasteManifest(page, WEB_DEPLOYMENT);
  await expect(monacoOf(page)).toContainText('name:\u00a0web');

  await editor.getByRole('button', { name: 'Rename file' }).click();
  const name = editor.getByRole('textbox', { name: 'File name' });
  await name.fill('web.yaml');
  await name.press('Enter');
  await expect(fileTabs(page).getByRole('tab')).toHaveText([
    'manifest.yaml',
    'cronjob.yaml',
    'web.yaml',
  ]);

  // Typed just before the reload, inside the save delay: still there after it.
  await monacoOf(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('# keep me\n');
  await page.reload();
  await expect(monacoOf(page)).toBeVisible({ timeout: 30_000 });
  await expect(fileTabs(page).getByRole('tab')).toHaveText([
    'manifest.yaml',
    'cronjob.yaml',
    'web.yaml',
  ]);
  await expect(fileTabs(page).getByRole('tab', { name: 'web.yaml' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(monacoOf(page)).toContainText('name:\u00a0web');
  await expect(monacoOf(page)).toContainText('#\u00a0keep\u00a0me');

  // ←/→ move between the files; each keeps its own text.
  await fileTabs(page).getByRole('tab', { name: 'web.yaml' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(fileTabs(page).getByRole('tab', { name: 'cronjob.yaml' })).toBeFocused();
  await expect(monacoOf(page)).toContainText('kind:\u00a0CronJob');

  await editor.getByRole('button', { name: 'Close file cronjob.yaml' }).click();
  await expect(fileTabs(page).getByRole('tab')).toHaveText(['manifest.yaml', 'web.yaml']);
  await page.reload();
  await expect(fileTabs(page).getByRole('tab')).toHaveText(['manifest.yaml', 'web.yaml']);
});

test('Ctrl+Enter applies the file shown and says how many hops it made', async ({ page }) => {
  await openEditor(page);
  const { editor, monaco } = await pasteManifest(page, WEB_DEPLOYMENT);
  await expect(monaco).toContainText('name:\u00a0web');
  await page.keyboard.press('ControlOrMeta+Enter');
  const status = editor.getByRole('status');
  await expect(status).toContainText('deployment.apps/web created');
  await expect(status).toContainText(/\d+ hops: follow them in the Current hop panel/);
});

test('a server error is marked on the line of the field it names', async ({ page }) => {
  await openEditor(page);
  const invalid = WEB_DEPLOYMENT.replace('replicas: 3', 'replicas: -1');
  const { editor, monaco } = await pasteManifest(page, invalid);
  // Back to the top: the pane is short and Monaco only renders the lines in view.
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(monaco).toContainText('replicas:\u00a0-1');
  await editor.getByRole('button', { name: 'Apply' }).click();
  const status = editor.getByRole('status');
  await expect(status).toContainText(
    'The Deployment "web" is invalid: spec.replicas: Invalid value: -1',
  );
  await expect(status).toContainText('1 error is marked on its line in the editor.');
  await expect(monaco.locator('.squiggly-error')).toHaveCount(1);

  // F8 goes to the marker: the cursor lands on line 6 (replicas) and the message is shown there.
  await monaco.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  await expect(monaco.locator('.marker-widget')).toContainText('spec.replicas: Invalid value: -1');
  await expect(monaco.locator('.current-line ~ .line-numbers.active-line-number')).toHaveText('6');

  // A typo'd field comes back from strict decoding and is marked too.
  await pasteManifest(page, WEB_DEPLOYMENT.replace('replicas: 3', 'replica: 3'));
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status).toContainText('strict decoding error: unknown field "spec.replica"');
  await expect(monaco.locator('.squiggly-error')).toHaveCount(1);
});

test('a paste of several megabytes is refused with a message and the page stays responsive', async ({
  page,
}) => {
  await openEditor(page);
  const huge = `# ${'x'.repeat(3 * 1024 * 1024)}\n`;
  const started = Date.now();
  const { editor, monaco } = await pasteManifest(page, huge);
  await expect(editor.getByRole('status')).toContainText('That is more than 1 MB');
  expect(Date.now() - started).toBeLessThan(5_000);
  // The learner's text is still there, and the page still answers.
  await expect(monaco).toContainText('kind:\u00a0Pod');
  await page.getByRole('button', { name: 'New file' }).click();
  await expect(fileTabs(page).getByRole('tab')).toHaveCount(2);
});

test('compare the applied manifest with the live object, defaults and status included', async ({
  page,
}) => {
  await openEditor(page);
  const { editor, monaco } = await pasteManifest(page, WEB_DEPLOYMENT);
  await expect(monaco).toContainText('name:\u00a0web');

  // Not applied yet: nothing to compare with.
  await editor.getByRole('button', { name: 'Compare with live' }).click();
  await expect(editor.getByRole('status')).toContainText(
    'Deployment "web" is not in the cluster: apply it first.',
  );

  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/web created');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
  await editor.getByRole('button', { name: 'Compare with live' }).click();
  const compare = editor.getByRole('region', { name: 'Applied manifest vs live Deployment web' });
  await expect(compare).toBeVisible({ timeout: 30_000 });
  // The live side has what the API server defaulted and what the controller reported.
  await expect(compare).toContainText(
    /Filled in by the cluster \(\d+ fields\):.*spec\.strategy.*status/,
  );
  await expect(compare.locator('.monaco-diff-editor')).toBeVisible({ timeout: 30_000 });
  await expect(compare).toContainText('deployment.kubernetes.io/revision');
  await compare.getByRole('button', { name: 'Close comparison' }).click();
  await expect(compare).toBeHidden();
  await expect(monaco).toBeVisible();
});

test('every template is valid against the bundled schemas, which do catch mistakes', async ({
  page,
}) => {
  await openEditor(page);
  const squiggles = monacoOf(page).locator('.squiggly-error, .squiggly-warning');
  // A Service with a type that does not exist: the Service schema flags it.
  await pasteManifest(
    page,
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: Cluster\n',
  );
  await expect(squiggles).toHaveCount(1, { timeout: 15_000 });

  const picker = editorRegion(page).getByRole('combobox', { name: 'Template' });
  const names = await picker
    .locator('option:not([disabled])')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(names).toHaveLength(10);
  for (const name of names) {
    await picker.selectOption(name);
    await expect(fileTabs(page).getByRole('tab', { name: `${name}.yaml` })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(squiggles).toHaveCount(0);
  }
});

test('the editor speaks Korean', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kubeloop.lang', 'ko'));
  await page.goto('/');
  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await expect(editor.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await expect(editor.getByRole('tablist', { name: '파일' })).toBeVisible();
  await expect(editor.getByRole('button', { name: '새 파일' })).toBeVisible();
  await expect(editor.getByRole('button', { name: '라이브와 비교' })).toBeVisible();
  await expect(editor.getByRole('combobox', { name: '템플릿' })).toContainText('스테이트풀셋');
});
