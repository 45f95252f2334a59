import { expect, test, type Page } from '@playwright/test';

// kubectl exec -it opens the container's own shell in the terminal: its prompt, commands run
// inside the container, and exit (or Ctrl-D) returns to the kubectl prompt.

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.terminal.history.v1');
  });
});

/** screenText is what xterm shows, row by row (its DOM renderer draws rows as text). */
const screenText = (page: Page) => page.locator('.xterm-rows');

async function openTerminal(page: Page) {
  await page.goto('/');
  await page.getByRole('tablist').getByRole('tab', { name: 'Terminal' }).click();
  const input = page
    .getByRole('region', { name: 'Terminal' })
    .getByRole('textbox', { name: 'kubectl terminal' });
  await expect(input).toBeAttached({ timeout: 15_000 });
  await input.focus();
  return input;
}

async function type(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('exec -it into a busybox pod, run commands inside, exit back to kubectl', async ({ page }) => {
  const input = await openTerminal(page);
  await type(page, 'kubectl run box --image=busybox:1.36 -- sleep 3600');
  await expect(screenText(page)).toContainText('pod/box created');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
  await input.focus();

  await type(page, 'kubectl exec -it box -- sh');
  await expect(screenText(page)).toContainText(/\/ #\s*$/);
  await type(page, 'hostname');
  await expect(
    screenText(page)
      .locator('div')
      .filter({ hasText: /^box\s*$/ }),
  ).toHaveCount(1);
  await type(page, 'exit');
  await expect(screenText(page)).toContainText(/\/ # exit\s*\$\s*$/);
});

test('bash on a Debian image prompts root@pod, and Ctrl-D leaves it', async ({ page }) => {
  const input = await openTerminal(page);
  await type(page, 'kubectl run web --image=nginx:1.27');
  await expect(screenText(page)).toContainText('pod/web created');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
  await input.focus();

  await type(page, 'kubectl exec -it web -- /bin/bash');
  await expect(screenText(page)).toContainText(/root@web:\/#\s*$/);
  await page.keyboard.press('Control+d');
  await expect(screenText(page)).toContainText(/root@web:\/# exit\s*\$\s*$/);
});
