import { describe, expect, it } from 'vitest';
import type { AccessMode } from '../../api/storage-types';
import type { AnyObject, Event, Node, Pod } from '../../api/types';
import { createCluster } from '../../cluster';

const DISK = 'kubernetes.io/iscsi/192.168.1.20:3260:iqn.2024-01.lab.storage:disk1:0';

function setUp(accessModes: AccessMode[] = ['ReadWriteOnce']) {
  const c = createCluster({ seed: 5 });
  const create = (resource: string, body: AnyObject) =>
    c.api.execute({ verb: 'create', resource, namespace: 'default', body });
  create('persistentvolumes', {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'disk1' },
    spec: {
      capacity: { storage: '10Gi' },
      accessModes,
      iscsi: {
        targetPortal: '192.168.1.20:3260',
        iqn: 'iqn.2024-01.lab.storage:disk1',
        lun: 0,
        fsType: 'ext4',
      },
    },
  });
  create('persistentvolumeclaims', {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data' },
    spec: {
      storageClassName: '',
      accessModes,
      resources: { requests: { storage: '10Gi' } },
    },
  });
  const runPod = (name: string, node: string) =>
    create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: {
        nodeSelector: { 'kubernetes.io/hostname': node },
        containers: [
          {
            name: 'db',
            image: 'busybox',
            command: ['sleep', '3600'],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      },
    });
  const pod = (name: string) =>
    (c.api.list('pods', 'default') as Pod[]).find((p) => p.metadata.name === name);
  const node = (name: string) =>
    c.api.execute({ verb: 'get', resource: 'nodes', name }).object as Node;
  const attachedTo = (name: string) => (node(name).status.volumesAttached ?? []).map((v) => v.name);
  const events = (podName: string) =>
    (c.api.list('events', 'default') as Event[]).filter((e) => e.involvedObject.name === podName);
  return { c, runPod, pod, node, attachedTo, events };
}

describe('attach/detach controller', () => {
  it('attaches the volume before the kubelet mounts it, and both show in the node status', () => {
    const { c, runPod, pod, node, attachedTo, events } = setUp();
    c.runFor(1000);
    runPod('a', 'w1-k8s');
    c.runFor(30_000);
    expect(pod('a')?.status.phase).toBe('Running');
    expect(attachedTo('w1-k8s')).toEqual([DISK]);
    expect(node('w1-k8s').status.volumesInUse).toEqual([DISK]);
    expect(events('a').map((e) => [e.reason, e.message, e.source?.component])).toContainEqual([
      'SuccessfulAttachVolume',
      'AttachVolume.Attach succeeded for volume "disk1" ',
      'attachdetach-controller',
    ]);
  });

  it('reports a Multi-Attach error once and moves the volume when the first pod is gone', () => {
    const { c, runPod, pod, attachedTo, events } = setUp();
    c.runFor(1000);
    runPod('a', 'w1-k8s');
    c.runFor(30_000);
    c.kubelets.get('w1-k8s')!.exec(pod('a')!.metadata.uid, 'db', ['sh', '-c', 'echo hi > /data/f']);
    runPod('b', 'w2-k8s');
    c.runFor(5 * 60_000);
    const waiting = pod('b')!;
    expect(waiting.status.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    const multiAttach = events('b').filter((e) => e.reason === 'FailedAttachVolume');
    expect(multiAttach.map((e) => [e.type, e.message, e.count])).toEqual([
      ['Warning', 'Multi-Attach error for volume "disk1" Volume is already used by pod(s) a', 1],
    ]);
    // The kubelet's wait for the attachment times out without an event in 1.32.
    expect(events('b').some((e) => e.reason === 'FailedMount')).toBe(false);
    expect(attachedTo('w2-k8s')).toEqual([]);

    c.api.execute({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'a' });
    c.runFor(3 * 60_000);
    expect(pod('a')).toBeUndefined();
    expect(attachedTo('w1-k8s')).toEqual([]);
    expect(attachedTo('w2-k8s')).toEqual([DISK]);
    const moved = pod('b')!;
    expect(moved.status.phase).toBe('Running');
    const out = c.kubelets.get('w2-k8s')!.exec(moved.metadata.uid, 'db', ['cat', '/data/f']);
    expect(out?.output).toEqual(['hi']);
  });

  it('attaches a ReadWriteMany volume to every node that wants it', () => {
    const { c, runPod, pod, attachedTo, events } = setUp(['ReadWriteMany']);
    c.runFor(1000);
    runPod('a', 'w1-k8s');
    runPod('b', 'w2-k8s');
    c.runFor(60_000);
    expect([pod('a')?.status.phase, pod('b')?.status.phase]).toEqual(['Running', 'Running']);
    expect([attachedTo('w1-k8s'), attachedTo('w2-k8s')]).toEqual([[DISK], [DISK]]);
    expect(events('b').some((e) => e.reason === 'FailedAttachVolume')).toBe(false);
  });

  it('detaches from a node that never reports the unmount after six minutes', () => {
    const { c, runPod, pod, attachedTo } = setUp();
    c.runFor(1000);
    runPod('a', 'w1-k8s');
    c.runFor(30_000);
    c.stopNode('w1-k8s');
    c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'a',
      gracePeriodSeconds: 0,
    });
    runPod('b', 'w2-k8s');
    c.runFor(5 * 60_000);
    expect(attachedTo('w1-k8s')).toEqual([DISK]);
    expect(pod('b')?.status.phase).toBe('Pending');
    c.runFor(4 * 60_000);
    expect(attachedTo('w1-k8s')).toEqual([]);
    expect(attachedTo('w2-k8s')).toEqual([DISK]);
    expect(pod('b')?.status.phase).toBe('Running');
  });
});
