import { expect, test, type Page } from '@playwright/test';
import { openTerminal, typeCommand } from './lesson-terminal';
import { pasteManifest, WEB_DEPLOYMENT, WEB_SERVICE } from './learner';

// A learner exposes a Deployment with a Service and puts an Ingress in front of it; one pod that
// also matches the selector fails its readiness probe. The graph draws the Service below the nodes,
// linked to each endpoint's pod (the not-ready one dashed and labelled), the Ingress linked to the
// Service; the inspector and the text view say the same in words.

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.editor.v1');
  });
});

/** A bare pod the Service selects too, whose readiness probe asks a port nginx does not serve. */
const UNREADY_POD = [
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web-probe',
  '  labels:',
  '    app: web',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx',
  '      readinessProbe:',
  '        httpGet:',
  '          path: /',
  '          port: 8080',
  '        periodSeconds: 5',
  '',
].join('\n');

const WEB_INGRESS = [
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata:',
  '  name: web',
  'spec:',
  '  rules:',
  '    - host: web.example.com',
  '      http:',
  '        paths:',
  '          - path: /',
  '            pathType: Prefix',
  '            backend:',
  '              service:',
  '                name: web',
  '                port:',
  '                  number: 80',
  '',
].join('\n');

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });

async function applyAndSettle(page: Page, manifest: string) {
  const { editor } = await pasteManifest(page, manifest);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('ingress.networking.k8s.io/web created');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
}

test('a Service is drawn with its endpoints, ready and not ready, and opens in the inspector', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await applyAndSettle(page, `${WEB_DEPLOYMENT}${UNREADY_POD}${WEB_SERVICE}${WEB_INGRESS}`);

  const graph = graphOf(page);
  const service = graph.getByRole('button', { name: /^Service web, / });
  await expect(service).toHaveAccessibleName(
    /^Service web, NodePort 10\.\d+\.\d+\.\d+ 80:3\d{4}\/TCP, 3 ready, 1 not ready$/,
  );
  await expect(service).toContainText('3 ready, 1 not ready');

  // One edge per endpoint: three ready ones, and the not-ready one says so on the graph.
  const ready = graph.getByRole('img', {
    name: /^Service web → pod web-[a-z0-9]+-[a-z0-9]{5}: ready$/,
  });
  await expect(ready).toHaveCount(3);
  const notReady = graph.getByRole('img', { name: 'Service web → pod web-probe: not ready' });
  await expect(notReady).toBeVisible();
  await expect(notReady).toContainText('not ready');
  await expect(notReady).toHaveClass(/is-not-ready/);
  await expect(graph.getByRole('img', { name: 'Ingress web → Service web' })).toBeAttached();

  // Nothing jumps when a pod appears: the Service box stays where it was.
  const before = await service.boundingBox();
  await typeCommand(page, 'kubectl scale deployment web --replicas=4');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();
  await expect(service).toHaveAccessibleName(/, 4 ready, 1 not ready$/);
  expect(await service.boundingBox()).toEqual(before);

  // Keyboard: focus the Service and press Enter; the inspector shows it.
  await service.focus();
  await page.keyboard.press('Enter');
  await expect(service).toHaveAttribute('aria-pressed', 'true');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Service web');
  const facts = inspector.locator('.inspector-facts').first();
  await expect(facts).toContainText('NodePort');
  await expect(facts).toContainText(/10\.\d+\.\d+\.\d+/);
  await expect(facts).toContainText('app=web');
  const ports = inspector.getByRole('table', { name: 'Ports' });
  await expect(ports.getByRole('row', { name: /80\/TCP/ })).toContainText(/3\d{4}/);
  const endpoints = inspector.getByRole('table', { name: 'Endpoints' });
  await expect(endpoints.getByRole('row', { name: /^web-probe / })).toContainText(
    /10\.244\.\d+\.\d+\s*not ready/,
  );
  await expect(endpoints.getByRole('cell', { name: 'ready', exact: true })).toHaveCount(4);
  await expect(endpoints.getByRole('cell', { name: 'not ready', exact: true })).toHaveCount(1);
  await expect(inspector.getByRole('region', { name: 'Events' })).toBeVisible();
  await inspector.getByText('Live YAML').click();
  await expect(inspector.getByLabel('YAML of web')).toContainText('type: NodePort');

  // An endpoint's pod opens from the table.
  await endpoints.getByRole('button', { name: 'web-probe' }).click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Pod web-probe');

  // Click (not only keyboard) selects the Service again.
  await service.click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Service web');

  // The text view lists the Service and each endpoint, ready or not.
  const textView = page.getByRole('list', { name: 'Cluster nodes and pods' });
  await expect(
    textView.getByText(
      /^Service web \(NodePort 10\.\d+\.\d+\.\d+ 80:3\d{4}\/TCP\): 4 ready, 1 not ready$/,
    ),
  ).toBeAttached();
  await expect(textView.getByText(/^web-probe 10\.244\.\d+\.\d+: not ready$/)).toBeAttached();
  await expect(
    textView.getByText(/^web-[a-z0-9]+-[a-z0-9]{5} 10\.244\.\d+\.\d+: ready$/),
  ).toHaveCount(4);
  await expect(
    textView.getByText('Ingress web (web.example.com) → web', { exact: true }),
  ).toBeAttached();

  // In Korean.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(
    page
      .getByRole('region', { name: '클러스터 그래프' })
      .getByRole('button', { name: /^서비스 web, NodePort .*, 준비됨 4, 준비 안 됨 1$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: '인스펙터' }).getByRole('heading', { level: 2 }),
  ).toHaveText('서비스 web');
});

test('a Service in front of many pods lists the first endpoints and counts the rest', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const kubectl = await openTerminal(page);
  await kubectl(
    'kubectl create deployment web --image=nginx --replicas=25',
    'deployment.apps/web created',
  );
  await kubectl('kubectl expose deployment web --port=80', 'service/web exposed');

  const service = graphOf(page).getByRole('button', { name: /^Service web, / });
  await expect(service).toHaveAccessibleName(/, 25 ready$/);
  await service.click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const endpoints = inspector.getByRole('table', { name: 'Endpoints' });
  // A header row and twenty endpoints; the other five are one line under the table.
  await expect(endpoints.getByRole('row')).toHaveCount(21);
  await expect(inspector.getByText('and 5 more endpoints (5 ready, 0 not ready)')).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(
    page
      .getByRole('region', { name: '인스펙터' })
      .getByText('외 엔드포인트 5개 (준비됨 5개, 준비 안 됨 0개)'),
  ).toBeVisible();
});
