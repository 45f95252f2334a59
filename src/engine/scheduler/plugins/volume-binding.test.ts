import { describe, expect, it } from 'vitest';
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../../api/storage-types';
import type { VolumeListers } from '../framework';
import { filterAll, infosWith, scoreAll, testNode, testPod, testSnapshot } from '../testing';
import {
  ERR_REASON_BIND_CONFLICT,
  ERR_REASON_NODE_CONFLICT,
  ERR_REASON_PV_NOT_EXIST,
  reservePodVolumes,
  volumeBinding,
} from './volume-binding';

const onNode = (node: string): PersistentVolume['spec']['nodeAffinity'] => ({
  required: {
    nodeSelectorTerms: [
      { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
    ],
  },
});

const localPV = (name: string, node: string, storage = '5Gi') =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '' },
    spec: {
      capacity: { storage },
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'local',
      local: { path: `/mnt/${name}` },
      nodeAffinity: onNode(node),
    },
    status: { phase: 'Available' },
  }) as PersistentVolume;

const claim = (
  name: string,
  options: { className?: string; storage?: string; volumeName?: string; node?: string } = {},
) =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: '',
      annotations: options.node ? { 'volume.kubernetes.io/selected-node': options.node } : {},
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: options.storage ?? '1Gi' } },
      storageClassName: options.className ?? 'local',
      volumeName: options.volumeName,
    },
  }) as PersistentVolumeClaim;

const waitingClass = (name: string, provisioner: string, zones?: string[]) =>
  ({
    metadata: { name },
    provisioner,
    volumeBindingMode: 'WaitForFirstConsumer',
    allowedTopologies: zones && [
      { matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: zones }] },
    ],
  }) as StorageClass;

const CLASSES = [
  waitingClass('local', 'kubernetes.io/no-provisioner'),
  waitingClass('dynamic', 'example.com/disk'),
  waitingClass('zone-a', 'example.com/disk', ['a']),
  { metadata: { name: 'now' }, provisioner: 'example.com/disk', volumeBindingMode: 'Immediate' },
] as StorageClass[];

function listers(claims: PersistentVolumeClaim[], volumes: PersistentVolume[]): VolumeListers {
  return {
    claim: (_ns, name) => claims.find((c) => c.metadata.name === name),
    persistentVolume: (name) => volumes.find((v) => v.metadata.name === name),
    persistentVolumes: () => volumes,
    storageClass: (name) => CLASSES.find((c) => c.metadata.name === name),
  };
}

const podUsing = (...claims: string[]) =>
  testPod('p', {
    spec: {
      volumes: claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })),
    },
  });

const NODES = [
  testNode('n1', { labels: { 'topology.kubernetes.io/zone': 'a' } }),
  testNode('n2', { labels: { 'topology.kubernetes.io/zone': 'b' } }),
];

describe('VolumeBinding Filter', () => {
  it.each([
    [
      'a bound claim only fits where its volume is',
      [claim('c', { volumeName: 'pv1' })],
      [localPV('pv1', 'n2')],
      [[ERR_REASON_NODE_CONFLICT], undefined],
    ],
    [
      'a claim bound to a missing volume fits nowhere',
      [claim('c', { volumeName: 'gone' })],
      [],
      [[ERR_REASON_PV_NOT_EXIST], [ERR_REASON_PV_NOT_EXIST]],
    ],
    [
      'an unbound delayed claim fits where a local volume fits it',
      [claim('c')],
      [localPV('pv1', 'n1')],
      [undefined, [ERR_REASON_BIND_CONFLICT]],
    ],
    [
      'a volume too small does not count',
      [claim('c', { storage: '10Gi' })],
      [localPV('pv1', 'n1')],
      [[ERR_REASON_BIND_CONFLICT], [ERR_REASON_BIND_CONFLICT]],
    ],
    [
      'two claims cannot share one volume',
      [claim('c1'), claim('c2')],
      [localPV('pv1', 'n1'), localPV('pv2', 'n2')],
      [[ERR_REASON_BIND_CONFLICT], [ERR_REASON_BIND_CONFLICT]],
    ],
    [
      'a class that provisions fits every node',
      [claim('c', { className: 'dynamic' })],
      [],
      [undefined, undefined],
    ],
    [
      "a class's allowedTopologies limit where it provisions",
      [claim('c', { className: 'zone-a' })],
      [],
      [undefined, [ERR_REASON_BIND_CONFLICT]],
    ],
    [
      'a claim with a selected node fits only that node',
      [claim('c', { className: 'dynamic', node: 'n2' })],
      [],
      [[ERR_REASON_BIND_CONFLICT], undefined],
    ],
  ])('%s', (_name, claims, volumes, want) => {
    const nodes = infosWith(NODES);
    const cluster = { ...testSnapshot(nodes), volumes: listers(claims, volumes) };
    const pod = podUsing(...claims.map((c) => c.metadata.name));
    expect(filterAll(volumeBinding, pod, nodes, cluster)).toEqual(want);
  });

  it.each([
    ['a missing claim', [], 'persistentvolumeclaim "c" not found'],
    [
      'an unbound Immediate claim',
      [claim('c', { className: 'now' })],
      'pod has unbound immediate PersistentVolumeClaims',
    ],
  ])('rejects the pod at PreFilter for %s', (_name, claims, reason) => {
    const nodes = infosWith(NODES);
    const cluster = { ...testSnapshot(nodes), volumes: listers(claims, []) };
    const filter = volumeBinding.preFilter(podUsing('c'), cluster)!;
    expect(filter(nodes[0]!)).toEqual({ reasons: [reason], unresolvable: true, preFilter: true });
  });
});

describe('VolumeBinding Reserve', () => {
  it('binds the smaller claim first and provisions what no volume fits', () => {
    const claims = [
      claim('big', { storage: '4Gi' }),
      claim('small'),
      claim('new', { className: 'dynamic' }),
    ];
    const volumes = [localPV('pv-5g', 'n1', '5Gi'), localPV('pv-2g', 'n1', '2Gi')];
    const cluster = { ...testSnapshot(infosWith(NODES)), volumes: listers(claims, volumes) };
    const podVolumes = reservePodVolumes(
      podUsing('big', 'small', 'new'),
      NODES[0]!,
      cluster.volumes,
    );
    expect(
      podVolumes?.staticBindings.map((b) => [b.pvc.metadata.name, b.pv.metadata.name]),
    ).toEqual([
      ['small', 'pv-2g'],
      ['big', 'pv-5g'],
    ]);
    expect(podVolumes?.dynamicProvisions.map((c) => c.metadata.name)).toEqual(['new']);
  });

  it('has nothing to do when every claim is bound', () => {
    const claims = [claim('c', { volumeName: 'pv1' })];
    const cluster = {
      ...testSnapshot(infosWith(NODES)),
      volumes: listers(claims, [localPV('pv1', 'n1')]),
    };
    expect(reservePodVolumes(podUsing('c'), NODES[0]!, cluster.volumes)).toBeUndefined();
  });
});

describe('VolumeBinding Score', () => {
  it('skips at PreScore even with volumes to bind: VolumeCapacityPriority is off in v1.32', () => {
    const claims = [claim('c')];
    const nodes = infosWith(NODES);
    const cluster = {
      ...testSnapshot(nodes),
      volumes: listers(claims, [localPV('pv1', 'n1'), localPV('pv2', 'n2')]),
    };
    expect(scoreAll(volumeBinding, podUsing('c'), nodes, cluster)).toBeUndefined();
  });
});
