import { expect, test } from '@playwright/test';
import { typeCommand } from './lesson-terminal';

// A learner catches a hop in flight: the packet is a button that pauses playback and shows its
// hop in the hop panel until they go back to the latest hop.

test('a packet in flight can be picked, and the hop panel shows its hop', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('kubeloop.lang', 'en');
  });
  await page.goto('/');
  const playback = page.getByRole('toolbar', { name: 'Playback' });
  const hopPanel = page.getByRole('complementary', { name: 'Current hop' });
  await typeCommand(page, 'kubectl create deployment web --image=nginx --replicas=2');
  const packet = page.getByRole('button', { name: /^Hop: \S+ → \S+ / });
  await expect(packet).toHaveAccessibleName('Hop: kube-apiserver → etcd put deployment/web');

  await playback.getByRole('combobox', { name: 'Speed' }).selectOption('0.25');
  await playback.getByRole('button', { name: 'Play' }).click();
  await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The packet moves while playing: the keyboard picks it where it is.
  await packet.focus();
  await page.keyboard.press('Enter');
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
  const picked = (await packet.textContent())!;
  const back = hopPanel.getByRole('button', { name: 'Back to the latest hop' });
  await expect(back).toBeVisible();
  await expect(hopPanel.locator('.hop-label')).toHaveText(picked);

  // Stepping on delivers newer hops, but the panel keeps the picked one until asked.
  await playback.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(packet).not.toHaveText(picked);
  await expect(hopPanel.locator('.hop-label')).toHaveText(picked);
  await back.click();
  await expect(back).toHaveCount(0);
  await expect(hopPanel.locator('.hop-label')).toHaveText((await packet.textContent())!);

  // With reduced motion the packet rests mid-edge, and a click picks it too.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await playback.getByRole('button', { name: 'Step', exact: true }).click();
  const resting = (await packet.textContent())!;
  await packet.click();
  await expect(back).toBeVisible();
  await expect(hopPanel.locator('.hop-label')).toHaveText(resting);
});
