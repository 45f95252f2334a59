import { expect, test, type Page } from '@playwright/test';

// A learner's first commands in the terminal: run a pod, let the cluster settle, list it, recall
// the last command with ↑, and let Tab finish a resource type.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.terminal.history.v1');
  });
});

/** screenText is what xterm shows, row by row (its DOM renderer draws rows as text). */
const screenText = (page: Page) => page.locator('.xterm-rows');

test('run a pod from the terminal, list it, recall and complete commands', async ({ page }) => {
  await page.goto('/');
  const tabs = page.getByRole('tablist');
  await tabs.getByRole('tab', { name: 'Terminal' }).click();
  await expect(tabs.getByRole('tab', { name: 'Terminal' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  const terminal = page.getByRole('region', { name: 'Terminal' });
  const input = terminal.getByRole('textbox', { name: 'kubectl terminal' });
  await expect(input).toBeAttached({ timeout: 15_000 });
  await input.focus();

  await page.keyboard.type('kubectl run nginx --image=nginx');
  await page.keyboard.press('Enter');
  await expect(screenText(page)).toContainText('pod/nginx created');

  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
  await input.focus();
  await page.keyboard.type('kubectl get pods');
  await page.keyboard.press('Enter');
  await expect(screenText(page)).toContainText(/nginx\s{3}1\/1\s{5}Running/);

  // ↑ brings back the last command; Ctrl-C drops it again.
  await page.keyboard.press('ArrowUp');
  await expect(
    screenText(page)
      .locator('div')
      .filter({ hasText: /^\$ kubectl get pods\s*$/ }),
  ).toHaveCount(2);
  await page.keyboard.press('Control+c');

  await page.keyboard.type('kubectl get dep');
  await page.keyboard.press('Tab');
  await expect(screenText(page)).toContainText(/\$ kubectl get deployments\s*$/);
  await page.keyboard.press('Enter');
  await expect(screenText(page)).toContainText('No resources found in default namespace.');

  // Commands other than kubectl are not found, as in bash.
  await page.keyboard.type('ls');
  await page.keyboard.press('Enter');
  await expect(screenText(page)).toContainText('bash: ls: command not found');
});
