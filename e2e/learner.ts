import { expect, type Locator, type Page } from '@playwright/test';

/** WEB_DEPLOYMENT is the 3-replica nginx Deployment the journeys apply. */
export const WEB_DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 3',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx',
  '',
].join('\n');

/**
 * pasteManifest puts a manifest in the Manifest editor the way a learner would: select all, paste
 * from the clipboard (typing into Monaco auto-indents YAML). Returns the editor region and Monaco.
 */
export async function pasteManifest(
  page: Page,
  manifest: string,
): Promise<{ editor: Locator; monaco: Locator }> {
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  const monaco = editor.locator('.monaco-editor').first();
  await expect(monaco).toBeVisible({ timeout: 15_000 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), manifest);
  await monaco.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('ControlOrMeta+v');
  return { editor, monaco };
}

/** WEB_SERVICE is the NodePort Service in front of WEB_DEPLOYMENT's pods. */
export const WEB_SERVICE = [
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: NodePort',
  '  selector:',
  '    app: web',
  '  ports:',
  '    - port: 80',
  '',
].join('\n');

/**
 * startFresh makes each test begin as a first visit, in English, at 1280×720: the saved state is
 * cleared once per test, so a reload inside the test still finds what it saved.
 */
export async function startFresh(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('kubeloop.e2e.started')) {
      sessionStorage.setItem('kubeloop.e2e.started', '1');
      localStorage.clear();
      localStorage.setItem('kubeloop.lang', 'en');
    }
  });
  await page.setViewportSize({ width: 1280, height: 720 });
}
