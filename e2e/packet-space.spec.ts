import { expect, test, type Page } from '@playwright/test';
import { typeCommand } from './lesson-terminal';

// Space is the global play/pause shortcut, and also how a keyboard presses a focused button. With
// a hop's packet focused, Space picks that hop and nothing else: playback does not toggle too.

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('kubeloop.lang', 'en');
  });
});

async function createDeployment(page: Page) {
  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=2');
}

test('Space on a focused packet picks its hop and leaves play/pause alone', async ({ page }) => {
  await page.goto('/');
  const playback = page.getByRole('toolbar', { name: 'Playback' });
  const hopPanel = page.getByRole('complementary', { name: 'Current hop' });
  const back = hopPanel.getByRole('button', { name: 'Back to the latest hop' });
  await createDeployment(page);
  const packet = page.getByRole('button', { name: /^Hop: \S+ → \S+ / });
  await expect(packet).toBeVisible();

  // Paused: holding Space on the packet must not start playback (the global shortcut would).
  await packet.focus();
  await page.keyboard.down('Space');
  await page.waitForTimeout(400);
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
  const label = (await packet.textContent())!;
  await page.keyboard.up('Space');
  await expect(back).toBeVisible();
  await expect(hopPanel.locator('.hop-label')).toHaveText(label);
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(packet).toHaveText(label);
  await back.click();

  // Playing: Space on the packet pauses by picking the hop, once (not paused, then played again).
  await playback.getByRole('combobox', { name: 'Speed' }).selectOption('0.25');
  await playback.getByRole('button', { name: 'Play' }).click();
  await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();
  await packet.focus();
  await page.keyboard.down('Space');
  await page.waitForTimeout(400);
  // Still playing while the key is down: the button acts on key up, as a click.
  await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.up('Space');
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(back).toBeVisible();
  await expect(hopPanel.locator('.hop-label')).toHaveText((await packet.textContent())!);

  // Away from any button, Space is play/pause again.
  await page.locator('body').focus();
  await page.getByRole('region', { name: 'Cluster graph' }).click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('Space');
  await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
});
