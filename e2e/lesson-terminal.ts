import { expect, type Page } from '@playwright/test';

/** screenText is what xterm shows, row by row (its DOM renderer draws rows as text). */
export const screenText = (page: Page) => page.locator('.xterm-rows');

/** The names the terminal and the playback toolbar go by, per language. */
const LABELS = {
  en: {
    tab: 'Terminal',
    input: 'kubectl terminal',
    toolbar: 'Playback',
    settle: 'Step to quiet',
  },
  ko: { tab: '터미널', input: 'kubectl 터미널', toolbar: '재생 제어', settle: '안정될 때까지' },
};

/**
 * openTerminal switches to the Terminal tab and returns `kubectl`, which types one command, waits
 * for its answer on screen, then lets the cluster settle (Step to quiet).
 */
export async function openTerminal(page: Page, lang: keyof typeof LABELS = 'en') {
  const names = LABELS[lang];
  await page.getByRole('tablist').getByRole('tab', { name: names.tab }).click();
  const input = page
    .getByRole('region', { name: names.tab })
    .getByRole('textbox', { name: names.input });
  await expect(input).toBeAttached({ timeout: 15_000 });
  const settle = page
    .getByRole('toolbar', { name: names.toolbar })
    .getByRole('button', { name: names.settle });
  return async (command: string, answer: string | RegExp) => {
    await input.focus();
    await page.keyboard.type(command);
    await page.keyboard.press('Enter');
    await expect(screenText(page)).toContainText(answer);
    await settle.click();
  };
}

/** typeCommand switches to the Terminal tab and enters one command, without waiting for it. */
export async function typeCommand(page: Page, line: string) {
  await page.getByRole('tab', { name: LABELS.en.tab }).click();
  const input = page
    .getByRole('region', { name: LABELS.en.tab })
    .getByRole('textbox', { name: LABELS.en.input });
  await expect(input).toBeAttached({ timeout: 15_000 });
  await input.focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}
