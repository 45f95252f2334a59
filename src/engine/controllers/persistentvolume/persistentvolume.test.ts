import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/storage-types';
import type { AnyObject, Event, Pod } from '../../api/types';
import { createCluster } from '../../cluster';
import type { Hop } from '../../hops';
import { findMatchingVolume, volumeFits } from './binding';

const claim = (name: string, extra: Record<string, unknown> = {}): AnyObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra },
});

const volume = (name: string, storage: string, extra: Record<string, unknown> = {}): AnyObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    capacity: { storage },
    accessModes: ['ReadWriteOnce'],
    hostPath: { path: `/mnt/${name}` },
    ...extra,
  },
});

const podUsing = (name: string, claimName: string): AnyObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'busybox',
        command: ['sleep', '3600'],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    ],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
  },
});

describe('findMatchingVolume', () => {
  const pv = (name: string, storage: string, spec: Partial<PersistentVolume['spec']> = {}) =>
    ({
      metadata: { name },
      spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], ...spec },
      status: { phase: 'Available' },
    }) as PersistentVolume;
  const pvc = (spec: Partial<PersistentVolumeClaim['spec']> = {}) =>
    ({
      metadata: { name: 'data', namespace: 'default', uid: 'c1' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        ...spec,
      },
    }) as PersistentVolumeClaim;

  it.each([
    [
      'the smallest that fits',
      [pv('big', '10Gi'), pv('small', '2Gi'), pv('tiny', '500Mi')],
      pvc(),
      'small',
    ],
    ['none too small', [pv('tiny', '500Mi')], pvc(), undefined],
    [
      'access modes must be offered',
      [pv('rwo', '5Gi')],
      pvc({ accessModes: ['ReadWriteMany'] }),
      undefined,
    ],
    ['the class must match', [pv('fast', '5Gi', { storageClassName: 'fast' })], pvc(), undefined],
    [
      'a named class finds its volume',
      [pv('fast', '5Gi', { storageClassName: 'fast' })],
      pvc({ storageClassName: 'fast' }),
      'fast',
    ],
    [
      'a volume pre-bound to the claim wins',
      [
        pv('small', '2Gi'),
        pv('mine', '10Gi', { claimRef: { namespace: 'default', name: 'data' } }),
      ],
      pvc(),
      'mine',
    ],
    [
      'a volume pre-bound to another claim is not free',
      [pv('theirs', '10Gi', { claimRef: { namespace: 'default', name: 'other' } })],
      pvc(),
      undefined,
    ],
    ['spec.volumeName picks one', [pv('a', '2Gi'), pv('b', '5Gi')], pvc({ volumeName: 'b' }), 'b'],
  ])('%s', (_name, volumes, wanted, want) =>
    expect(findMatchingVolume(wanted, volumes, new Set())?.metadata.name).toBe(want),
  );

  it('skips volumes already taken', () => {
    expect(volumeFits(pv('a', '2Gi'), pvc())).toBe(true);
    expect(findMatchingVolume(pvc(), [pv('a', '2Gi')], new Set(['a']))).toBeUndefined();
  });
});

describe('PersistentVolume controller in a cluster', () => {
  const get = <T>(
    c: ReturnType<typeof createCluster>,
    resource: string,
    name: string,
    ns?: string,
  ) => c.api.execute({ verb: 'get', resource, namespace: ns, name }).object as T;

  it('binds a claim to a volume and releases it when the claim goes (Retain)', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      body: claim('data'),
    });
    c.runFor(1000);
    expect(
      get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default').status?.phase,
    ).toBe('Pending');
    c.api.execute({ verb: 'create', resource: 'persistentvolumes', body: volume('pv1', '2Gi') });
    c.runFor(1000);
    const bound = get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default');
    expect(bound.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '2Gi' },
    });
    expect(bound.spec.volumeName).toBe('pv1');
    expect(get<PersistentVolume>(c, 'persistentvolumes', 'pv1').status?.phase).toBe('Bound');
    c.api.execute({
      verb: 'delete',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      name: 'data',
    });
    c.runFor(1000);
    expect(get<PersistentVolume>(c, 'persistentvolumes', 'pv1').status?.phase).toBe('Released');
  });

  it('refuses to schedule a pod until its claim is bound, then keeps its data across pods', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      body: claim('data'),
    });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podUsing('p1', 'data'),
    });
    c.runFor(2000);
    const events = c.api.list('events') as Event[];
    expect(events.map((e) => e.message)).toContain(
      '0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..',
    );
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumes',
      body: volume('nfs', '5Gi', {
        hostPath: undefined,
        nfs: { server: '10.0.0.9', path: '/export' },
      }),
    });
    c.runFor(30_000);
    const pod = get<Pod>(c, 'pods', 'p1', 'default');
    expect(pod.status.phase).toBe('Running');
    const kubelet = c.kubelets.get(pod.spec.nodeName!)!;
    kubelet.exec(pod.metadata.uid, 'app', ['sh', '-c', 'echo saved > /data/file']);
    c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'p1',
      gracePeriodSeconds: 0,
    });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podUsing('p2', 'data'),
    });
    c.runFor(30_000);
    const next = get<Pod>(c, 'pods', 'p2', 'default');
    const out = c.kubelets
      .get(next.spec.nodeName!)!
      .exec(next.metadata.uid, 'app', ['cat', '/data/file']);
    expect(out?.output).toEqual(['saved']);
  });

  it("provisions pvc-<uid> from minikube's default class and deletes it with the claim", () => {
    const c = createCluster({ seed: 3, preset: 'minikube' });
    const { object } = c.api.execute({
      verb: 'create',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      body: claim('data'),
    });
    const uid = object!.metadata.uid;
    expect((object as PersistentVolumeClaim).spec.storageClassName).toBe('standard');
    c.runFor(2000);
    const pv = get<PersistentVolume>(c, 'persistentvolumes', `pvc-${uid}`);
    expect(pv.spec).toMatchObject({
      hostPath: { path: '/tmp/hostpath-provisioner/default/data' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      claimRef: { name: 'data', uid },
    });
    expect(
      get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default').status?.phase,
    ).toBe('Bound');
    const reasons = (c.api.list('events') as Event[]).map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']),
    );
    c.api.execute({
      verb: 'delete',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      name: 'data',
    });
    c.runFor(2000);
    expect(c.api.list('persistentvolumes')).toEqual([]);
  });

  it('cannot schedule a WaitForFirstConsumer claim with no volume to bind', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'storageclasses',
      body: {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'local' },
        provisioner: 'kubernetes.io/no-provisioner',
        volumeBindingMode: 'WaitForFirstConsumer',
      },
    });
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      body: claim('data', { storageClassName: 'local' }),
    });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podUsing('p', 'data'),
    });
    c.runFor(2000);
    expect((c.api.list('events') as Event[]).map((e) => e.message)).toContain(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't find available persistent volumes to bind. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..",
    );
  });

  it('keeps a claim in use Terminating until its pod is gone (pvc-protection)', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({ verb: 'create', resource: 'persistentvolumes', body: volume('pv1', '2Gi') });
    const { object } = c.api.execute({
      verb: 'create',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      body: claim('data'),
    });
    expect(object!.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podUsing('p', 'data'),
    });
    c.runFor(20_000);
    c.api.execute({
      verb: 'delete',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      name: 'data',
    });
    c.runFor(5_000);
    const terminating = get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default');
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'p',
      gracePeriodSeconds: 0,
    });
    c.runFor(5_000);
    expect(c.api.list('persistentvolumeclaims', 'default')).toEqual([]);
    expect(get<PersistentVolume>(c, 'persistentvolumes', 'pv1').status?.phase).toBe('Released');
  });

  it('places a pod where its local volume is (volume node affinity)', () => {
    const c = createCluster({ seed: 3 });
    const onNode = (node: string) => ({
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
        ],
      },
    });
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumes',
      body: volume('local-w2', '5Gi', {
        hostPath: undefined,
        local: { path: '/mnt/disks/ssd1' },
        nodeAffinity: onNode('w2-k8s'),
      }),
    });
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      body: claim('data'),
    });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podUsing('p', 'data'),
    });
    c.runFor(30_000);
    expect(get<Pod>(c, 'pods', 'p', 'default').spec.nodeName).toBe('w2-k8s');
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: {
        ...podUsing('q', 'data'),
        spec: {
          ...(podUsing('q', 'data').spec as object),
          nodeSelector: { 'kubernetes.io/hostname': 'w1-k8s' },
        },
      },
    });
    c.runFor(2000);
    expect((c.api.list('events') as Event[]).map((e) => e.message)).toContain(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..",
    );
  });

  it('waits for the first consumer before binding (WaitForFirstConsumer)', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'storageclasses',
      body: {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'local' },
        provisioner: 'kubernetes.io/no-provisioner',
        volumeBindingMode: 'WaitForFirstConsumer',
      },
    });
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumes',
      body: volume('local1', '5Gi', { storageClassName: 'local' }),
    });
    c.api.execute({
      verb: 'create',
      resource: 'persistentvolumeclaims',
      namespace: 'default',
      body: claim('data', { storageClassName: 'local' }),
    });
    c.runFor(2000);
    expect(
      get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default').status?.phase,
    ).toBe('Pending');
    expect((c.api.list('events') as Event[]).map((e) => e.message)).toContain(
      'waiting for first consumer to be created before binding',
    );
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podUsing('p', 'data'),
    });
    c.runFor(30_000);
    expect(
      get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default').status?.phase,
    ).toBe('Bound');
    expect(get<Pod>(c, 'pods', 'p', 'default').status.phase).toBe('Running');
  });
});

describe('WaitForFirstConsumer through the scheduler', () => {
  const waitingClass = (name: string, provisioner: string): AnyObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner,
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  const get = <T>(
    c: ReturnType<typeof createCluster>,
    resource: string,
    name: string,
    ns?: string,
  ) => c.api.execute({ verb: 'get', resource, namespace: ns, name }).object as T;
  const create = (c: ReturnType<typeof createCluster>, resource: string, body: AnyObject) =>
    c.api.execute({ verb: 'create', resource, namespace: 'default', body });
  /** hopIndex finds the first delivered request hop matching, in delivery order. */
  const hopIndex = (c: ReturnType<typeof createCluster>, match: (h: Hop) => boolean) =>
    c.hops.all().findIndex((h) => h.channel === 'request' && match(h));

  it('binds a local volume for the pod in PreBind, then binds the pod where it is', () => {
    const c = createCluster({ seed: 3 });
    create(c, 'storageclasses', waitingClass('local', 'kubernetes.io/no-provisioner'));
    create(
      c,
      'persistentvolumes',
      volume('local-w3', '5Gi', {
        hostPath: undefined,
        local: { path: '/mnt/disks/ssd1' },
        storageClassName: 'local',
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              {
                matchExpressions: [
                  { key: 'kubernetes.io/hostname', operator: 'In', values: ['w3-k8s'] },
                ],
              },
            ],
          },
        },
      }),
    );
    c.runFor(1000);
    create(c, 'persistentvolumeclaims', claim('data', { storageClassName: 'local' }));
    create(c, 'pods', podUsing('p', 'data'));
    c.runFor(500);
    // PreBind is still polling: the claim is bound, the pod not yet.
    expect(
      get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default').status?.phase,
    ).toBe('Bound');
    expect(get<Pod>(c, 'pods', 'p', 'default').spec.nodeName).toBeUndefined();
    c.runFor(30_000);
    const pod = get<Pod>(c, 'pods', 'p', 'default');
    expect(pod.spec.nodeName).toBe('w3-k8s');
    expect(pod.status.phase).toBe('Running');
    const pv = get<PersistentVolume>(c, 'persistentvolumes', 'local-w3');
    expect(pv.spec.claimRef?.name).toBe('data');
    expect(pv.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
    const volumeWrite = hopIndex(
      c,
      (h) => h.from === 'kube-scheduler' && h.verb === 'update' && h.object.name === 'local-w3',
    );
    const podBind = hopIndex(c, (h) => h.verb === 'bind' && h.object.name === 'p');
    expect(volumeWrite).toBeGreaterThanOrEqual(0);
    expect(podBind).toBeGreaterThan(volumeWrite);
  });

  it('names the node on the claim so the provisioner makes its volume (minikube)', () => {
    const c = createCluster({ seed: 3, preset: 'minikube' });
    create(c, 'storageclasses', waitingClass('wait', 'k8s.io/minikube-hostpath'));
    create(c, 'persistentvolumeclaims', claim('data', { storageClassName: 'wait' }));
    c.runFor(20_000);
    const waiting = get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default');
    expect(waiting.status?.phase).toBe('Pending');
    expect(
      waiting.metadata.annotations?.['volume.kubernetes.io/storage-provisioner'],
    ).toBeUndefined();
    const waitEvent = (c.api.list('events') as Event[]).find(
      (e) => e.reason === 'WaitForFirstConsumer',
    );
    // The controller's 15s resync says it again: one event, counted twice.
    expect(waitEvent?.count).toBe(2);
    create(c, 'pods', podUsing('p', 'data'));
    c.runFor(30_000);
    const bound = get<PersistentVolumeClaim>(c, 'persistentvolumeclaims', 'data', 'default');
    expect(bound.status?.phase).toBe('Bound');
    expect(bound.metadata.annotations).toMatchObject({
      'volume.kubernetes.io/selected-node': 'minikube',
      'volume.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
    });
    expect(get<Pod>(c, 'pods', 'p', 'default').status.phase).toBe('Running');
    const counts = Object.fromEntries(
      (c.api.list('events') as Event[]).map((e) => [e.reason, e.count]),
    );
    // Provisioned before the next resync: the controller said it once.
    expect(counts).toMatchObject({
      ExternalProvisioning: 1,
      Provisioning: 1,
      ProvisioningSucceeded: 1,
    });
    const selectNode = hopIndex(
      c,
      (h) => h.from === 'kube-scheduler' && h.verb === 'update' && h.object.name === 'data',
    );
    const provision = hopIndex(
      c,
      (h) => h.verb === 'create' && h.object.kind === 'PersistentVolume',
    );
    const podBind = hopIndex(c, (h) => h.verb === 'bind' && h.object.name === 'p');
    expect(selectNode).toBeGreaterThanOrEqual(0);
    expect(provision).toBeGreaterThan(selectNode);
    expect(podBind).toBeGreaterThan(provision);
  });

  it('fails PreBind after ten minutes when nothing provisions the claim', () => {
    const c = createCluster({ seed: 3 });
    create(c, 'storageclasses', waitingClass('remote', 'example.com/absent'));
    create(c, 'persistentvolumeclaims', claim('data', { storageClassName: 'remote' }));
    create(c, 'pods', podUsing('p', 'data'));
    c.runFor(599_000);
    expect(get<Pod>(c, 'pods', 'p', 'default').status.conditions ?? []).toEqual([]);
    c.runFor(2_000);
    const message =
      'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded';
    expect((c.api.list('events') as Event[]).map((e) => e.message)).toContain(message);
    const waiting = (c.api.list('events') as Event[]).find(
      (e) => e.reason === 'ExternalProvisioning',
    );
    // Each 15s resync repeats it while the claim waits.
    expect(waiting?.count).toBe(41);
    expect(get<Pod>(c, 'pods', 'p', 'default').status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulerError',
        message,
      }),
    );
  });

  it('gives each StatefulSet pod its own provisioned volume', () => {
    const c = createCluster({ seed: 4, preset: 'minikube' });
    create(c, 'storageclasses', waitingClass('wait', 'k8s.io/minikube-hostpath'));
    create(c, 'statefulsets', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: {
            containers: [
              { name: 'db', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: {
              storageClassName: 'wait',
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: '1Gi' } },
            },
          },
        ],
      },
    });
    c.runFor(60_000);
    for (const ordinal of [0, 1]) {
      const pvc = get<PersistentVolumeClaim>(
        c,
        'persistentvolumeclaims',
        `data-db-${ordinal}`,
        'default',
      );
      expect(pvc.status?.phase).toBe('Bound');
      expect(pvc.spec.volumeName).toBe(`pvc-${pvc.metadata.uid}`);
      expect(get<Pod>(c, 'pods', `db-${ordinal}`, 'default').status.phase).toBe('Running');
    }
  });
});

describe('StatefulSet volumeClaimTemplates', () => {
  const sts = (policy?: { whenDeleted: string; whenScaled: string }): AnyObject => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      serviceName: 'db',
      replicas: 2,
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: {
          containers: [
            { name: 'db', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      ...(policy ? { persistentVolumeClaimRetentionPolicy: policy } : {}),
    },
  });

  it.each([
    ['Retain keeps the claims', undefined, ['data-db-0', 'data-db-1']],
    ['whenDeleted: Delete removes them', { whenDeleted: 'Delete', whenScaled: 'Retain' }, []],
  ])('%s when the set is deleted', (_name, policy, left) => {
    const c = createCluster({ seed: 4, preset: 'minikube' });
    c.api.execute({
      verb: 'create',
      resource: 'statefulsets',
      namespace: 'default',
      body: sts(policy),
    });
    c.runFor(30_000);
    const claims = () =>
      (c.api.list('persistentvolumeclaims', 'default') as PersistentVolumeClaim[]).map(
        (p) => p.metadata.name,
      );
    expect(claims()).toEqual(['data-db-0', 'data-db-1']);
    const pod = c.api.execute({ verb: 'get', resource: 'pods', namespace: 'default', name: 'db-1' })
      .object as Pod;
    expect(pod.spec.volumes?.[0]).toEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'data-db-1' },
    });
    c.api.execute({ verb: 'delete', resource: 'statefulsets', namespace: 'default', name: 'db' });
    c.runFor(60_000);
    expect(claims()).toEqual(left);
  });
});
