import { expect, test } from '@playwright/test';
import { pasteManifest } from './learner';

// A learner binds a claim to a volume an admin made, mounts it in a pod and turns on the storage
// view: the graph links the pod to its PVC, the PVC to its PV and the PV to its StorageClass, and
// the PVC opens in the inspector.

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('kubeloop.lang', 'en');
    localStorage.removeItem('kubeloop.editor.v1');
    localStorage.removeItem('kubeloop.graph.storage');
  });
});

const STORAGE = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: manual
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: Immediate
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-data
spec:
  storageClassName: manual
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: db
      image: nginx
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
`;

test('Show storage links pod → PVC → PV → StorageClass, and the PVC opens in the inspector', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const { editor } = await pasteManifest(page, STORAGE);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByRole('status')).toContainText('pod/db created');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Step to quiet' })
    .click();

  const graph = page.getByRole('region', { name: 'Cluster graph' });
  const claim = graph.getByRole('button', { name: /^PVC data, / });
  await expect(claim).toHaveCount(0);
  await graph.getByRole('checkbox', { name: 'Show storage' }).check();
  await expect(claim).toHaveAccessibleName('PVC data, Bound 1Gi RWO');
  await expect(graph.getByRole('group', { name: 'PV pv-data, Bound 1Gi' })).toBeVisible();
  await expect(
    graph.getByRole('group', { name: 'StorageClass manual, kubernetes.io/no-provisioner' }),
  ).toBeVisible();
  await expect(graph.getByRole('img', { name: 'PVC data → pod db' })).toBeAttached();
  await expect(graph.getByRole('img', { name: 'PVC data → PV pv-data' })).toBeAttached();
  await expect(graph.getByRole('img', { name: 'PV pv-data → StorageClass manual' })).toBeAttached();

  await claim.click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(
    'PersistentVolumeClaim data',
  );
  const facts = inspector.locator('.inspector-facts').first();
  for (const [label, value] of [
    ['Status', 'Bound'],
    ['Capacity', '1Gi'],
    ['Access modes', 'RWO'],
    ['StorageClass', 'manual'],
    ['Volume', 'pv-data'],
  ] as const) {
    const fact = facts
      .locator('.inspector-fact')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
    await expect(fact.locator('dd')).toHaveText(value);
  }
  await expect(inspector.getByRole('region', { name: 'Bound volume' })).toContainText(
    'hostPath /mnt/data',
  );
  await inspector
    .getByRole('region', { name: 'Used by' })
    .getByRole('button', { name: 'db' })
    .click();
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Pod db');

  const textView = page.getByRole('list', { name: 'Cluster nodes and pods' });
  await expect(
    textView.getByText('PVC data: Bound 1Gi RWO manual, volume pv-data; used by db', {
      exact: true,
    }),
  ).toBeAttached();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const korean = page.getByRole('region', { name: '클러스터 그래프' });
  await expect(korean.getByRole('checkbox', { name: '스토리지 보기' })).toBeChecked();
  await korean.getByRole('button', { name: 'PVC data, Bound 1Gi RWO' }).click();
  await expect(
    page.getByRole('region', { name: '인스펙터' }).getByRole('heading', { level: 2 }),
  ).toHaveText('퍼시스턴트 볼륨 클레임 data');
});
