import { expect, test, type Locator, type Page } from '@playwright/test';

// `kubectl edit` as the seed course uses it: the live Deployment opens in the editor under
// kubectl's header, the learner changes replicas from 9 to 3 and saves, the terminal prints what
// kubectl prints, and the Deployment scales down to three pods.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.terminal.history.v1');
  });
});

const screenText = (page: Page) => page.locator('.xterm-rows');

async function runInTerminal(page: Page, line: string) {
  const input = page
    .getByRole('region', { name: 'Terminal' })
    .getByRole('textbox', { name: 'kubectl terminal' });
  await input.focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/**
 * replaceInEditor changes the file shown in Monaco as a learner would with the clipboard (the
 * panel shows a few lines only): copy it all, edit, paste it back. Returns the text before and after.
 */
async function replaceInEditor(page: Page, monaco: Locator, from: string, to: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const copyAll = async () => {
    await monaco.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+c');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const before = await copyAll();
  await page.evaluate((text) => navigator.clipboard.writeText(text), before.replace(from, to));
  await page.keyboard.press('ControlOrMeta+v');
  return { before, after: await copyAll() };
}

async function stepToQuiet(page: Page) {
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
}

test('edit a Deployment from 9 to 3 replicas in the editor and save it', async ({ page }) => {
  await page.goto('/');
  const tabs = page.getByRole('tablist', { name: 'Workbench' });
  await tabs.getByRole('tab', { name: 'Terminal' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Terminal' })
      .getByRole('textbox', { name: 'kubectl terminal' }),
  ).toBeAttached({ timeout: 15_000 });

  await runInTerminal(page, 'kubectl create deployment del-deploy --image=nginx --replicas=9');
  await expect(screenText(page)).toContainText('deployment.apps/del-deploy created');
  await stepToQuiet(page);

  await runInTerminal(page, 'kubectl edit deployment del-deploy');
  // The editor comes forward with kubectl's temporary file; the terminal says it is waiting.
  await expect(tabs.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  const fileTab = editor
    .getByRole('tablist', { name: 'Files' })
    .getByRole('tab', { name: /^kubectl-edit-\d+\.yaml$/ });
  await expect(fileTab).toHaveAttribute('aria-selected', 'true');
  const monaco = editor.locator('.kl-editor__monaco .monaco-editor');
  await expect(monaco).toContainText('#\u00a0Please\u00a0edit\u00a0the\u00a0object\u00a0below.');
  await expect(editor.getByRole('note')).toContainText(
    'kubectl edit is waiting for /tmp/kubectl-edit-',
  );

  const { before, after } = await replaceInEditor(
    page,
    monaco,
    '  replicas: 9\n',
    '  replicas: 3\n',
  );
  expect(before).toContain('  replicas: 9\n');
  expect(before).not.toContain('managedFields');
  expect(after).toContain('  replicas: 3\n');
  await editor.getByRole('button', { name: 'Save and apply' }).click();

  // kubectl's answer in the terminal, which comes back; the edit file is gone from the editor.
  await expect(tabs.getByRole('tab', { name: 'Terminal' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(screenText(page)).toContainText('deployment.apps/del-deploy edited');
  await expect(fileTab).toHaveCount(0);

  await stepToQuiet(page);
  await runInTerminal(page, 'kubectl get deployment del-deploy');
  await expect(screenText(page)).toContainText(/del-deploy\s+3\/3\s+3\s+3/);
  await runInTerminal(page, 'kubectl get pods --no-headers');
  await expect(
    screenText(page)
      .locator('div')
      .filter({ hasText: /^del-deploy-\S+\s+1\/1\s+Running/ }),
  ).toHaveCount(3);

  // The saved edit is part of the session: a reload replays it.
  await page.reload();
  await tabs.getByRole('tab', { name: 'Terminal' }).click();
  await runInTerminal(page, 'kubectl get deployment del-deploy');
  await expect(screenText(page)).toContainText(/del-deploy\s+3\/3\s+3\s+3/);
});

test('Ctrl-C in the terminal cancels the edit: kubectl finds no change', async ({ page }) => {
  await page.goto('/');
  const tabs = page.getByRole('tablist', { name: 'Workbench' });
  await tabs.getByRole('tab', { name: 'Terminal' }).click();
  await runInTerminal(page, 'kubectl create deployment web --image=nginx');
  await expect(screenText(page)).toContainText('deployment.apps/web created');
  await runInTerminal(page, 'kubectl edit deploy/web');
  await expect(tabs.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
  await tabs.getByRole('tab', { name: 'Terminal' }).click();
  await expect(screenText(page)).toContainText('Waiting for the editor');
  await page
    .getByRole('region', { name: 'Terminal' })
    .getByRole('textbox', { name: 'kubectl terminal' })
    .focus();
  await page.keyboard.press('Control+c');
  await expect(screenText(page)).toContainText('Edit cancelled, no changes made.');
});

test('an invalid edit reopens the file with the reasons; giving up keeps a copy', async ({
  page,
}) => {
  await page.goto('/');
  const tabs = page.getByRole('tablist', { name: 'Workbench' });
  await tabs.getByRole('tab', { name: 'Terminal' }).click();
  await runInTerminal(page, 'kubectl create deployment web --image=nginx');
  await expect(screenText(page)).toContainText('deployment.apps/web created');
  await runInTerminal(page, 'kubectl edit deployment web');

  const editor = page.getByRole('region', { name: 'Manifest editor' });
  const monaco = editor.locator('.kl-editor__monaco .monaco-editor');
  await expect(monaco).toContainText('#\u00a0Please\u00a0edit\u00a0the\u00a0object\u00a0below.');
  await replaceInEditor(page, monaco, '  replicas: 1\n', '  replicas: -1\n');
  // Ctrl/Cmd+S saves, as in an editor.
  await page.keyboard.press('ControlOrMeta+s');

  // The file comes back in the same tab, the server's reasons under kubectl's header.
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(monaco).toContainText(
    '#\u00a0deployments.apps\u00a0"web"\u00a0was\u00a0not\u00a0valid:',
  );
  await expect(monaco).toContainText(
    '#\u00a0*\u00a0spec.replicas:\u00a0Invalid\u00a0value:\u00a0-1:\u00a0must\u00a0be\u00a0greater\u00a0than\u00a0or\u00a0equal\u00a0to\u00a00',
  );
  await editor.getByRole('button', { name: 'Cancel edit' }).click();

  await expect(tabs.getByRole('tab', { name: 'Terminal' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(screenText(page)).toContainText('error: deployments.apps "web" is invalid');
  await expect(screenText(page)).toContainText(
    /A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"/,
  );
  await expect(screenText(page)).toContainText(
    'error: Edit cancelled, no valid changes were saved.',
  );
});
