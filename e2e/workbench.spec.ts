import { expect, test } from '@playwright/test';
import { startFresh } from './learner';

// The workbench's frame: panes that resize (by keyboard too) and collapse, a theme that follows
// the system until the learner picks one and is remembered, and a stacked layout on a phone.

test.beforeEach(({ page }) => startFresh(page));

test('panes resize from the keyboard and collapse, and every region fits 1280×720', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const lessons = page.locator('#pane-lessons');
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Side panel' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Workbench' })).toBeVisible();
  await expect(lessons).toBeVisible();
  for (const region of [graph, lessons, page.locator('#pane-inspector')]) {
    const box = (await region.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
  }

  // Resize the lessons pane with the arrow keys on its separator.
  const separator = page.getByRole('separator', { name: 'Resize lessons pane' });
  const before = (await lessons.boundingBox())!.width;
  await separator.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await lessons.boundingBox())!.width).toBeGreaterThan(before + 40);
  const valueBefore = Number(await separator.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowLeft');
  await expect
    .poll(async () => Number(await separator.getAttribute('aria-valuenow')))
    .toBeLessThan(valueBefore);

  // The terminal and editor pane resizes vertically the same way.
  const workbench = page.locator('#pane-workbench');
  const rowSeparator = page.getByRole('separator', { name: 'Resize terminal and editor pane' });
  const height = (await workbench.boundingBox())!.height;
  await rowSeparator.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await workbench.boundingBox())!.height).toBeGreaterThan(height);

  // Collapse the lessons pane with its toggle: it is gone, and the graph takes the room.
  const toggle = page.getByRole('group', { name: 'Panes' }).getByRole('button', {
    name: 'Lessons pane',
  });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const graphWidth = (await graph.boundingBox())!.width;
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(lessons).toBeHidden();
  await expect.poll(async () => (await graph.boundingBox())!.width).toBeGreaterThan(graphWidth);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(lessons).toBeVisible();

  // The inspector pane collapses too, and comes back with its content.
  const inspectorToggle = page.getByRole('button', { name: 'Inspector pane' });
  await inspectorToggle.click();
  await expect(page.getByRole('tablist', { name: 'Side panel' })).toBeHidden();
  await inspectorToggle.click();
  await expect(page.getByRole('tablist', { name: 'Side panel' })).toBeVisible();
});

test('the theme follows the system, then the learner’s choice, remembered across a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const html = page.locator('html');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');

  await theme.selectOption({ label: 'Dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(246, 247, 249)');
  // Monaco follows the theme.
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs-dark/, { timeout: 15_000 });
  // So does the terminal (xterm paints its own background).
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const xterm = page.locator('.xterm-scrollable-element');
  await expect(xterm).toHaveCSS('background-color', 'rgb(15, 23, 42)');

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');

  // In Korean the control is 테마; Light is 밝게.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const themeKo = page.getByRole('combobox', { name: '테마' });
  await themeKo.selectOption({ label: '밝게' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('tab', { name: '터미널' }).click();
  await expect(xterm).toHaveCSS('background-color', 'rgb(251, 252, 254)');
  await page.reload();
  await expect(page.getByRole('combobox', { name: '테마' })).toHaveValue('light');
});

test('on a phone the panes stack in one column, the graph first', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph).toBeVisible();
  await expect(page.getByRole('separator')).toHaveCount(0);
  const graphBox = (await graph.boundingBox())!;
  expect(graphBox.width).toBeGreaterThan(300);
  expect(graphBox.x + graphBox.width).toBeLessThanOrEqual(390);
  // Everything else follows below it, reachable by scrolling.
  const tabs = page.getByRole('tablist', { name: 'Workbench' });
  await tabs.scrollIntoViewIfNeeded();
  await expect(tabs).toBeVisible();
  expect((await tabs.boundingBox())!.y).toBeGreaterThan(graphBox.y);
  const noHorizontalScroll = await page.evaluate(
    () => document.documentElement.scrollWidth <= window.innerWidth,
  );
  expect(noHorizontalScroll).toBe(true);
});
