import { describe, expect, it } from 'vitest';
import type { AnyObject, Event, Pod } from '../api/types';
import { createCluster } from '../cluster';

const configMap = (data: Record<string, string>): AnyObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'app' },
  data,
});

const pod: AnyObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'busybox',
        command: ['sleep', '3600'],
        env: [{ name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'app', key: 'COLOR' } } }],
        volumeMounts: [
          { name: 'config', mountPath: '/etc/config' },
          { name: 'config', mountPath: '/etc/color', subPath: 'COLOR' },
        ],
      },
    ],
    volumes: [{ name: 'config', configMap: { name: 'app' } }],
  },
};

function setUp() {
  const c = createCluster({ seed: 11 });
  const create = (resource: string, body: AnyObject) =>
    c.api.execute({ verb: 'create', resource, namespace: 'default', body });
  const exec = (command: string[]) => {
    const p = c.api.execute({ verb: 'get', resource: 'pods', namespace: 'default', name: 'web' })
      .object as Pod;
    return c.kubelets.get(p.spec.nodeName!)!.exec(p.metadata.uid, 'web', command)?.output;
  };
  const phase = () =>
    (
      c.api.execute({ verb: 'get', resource: 'pods', namespace: 'default', name: 'web' })
        .object as Pod
    ).status.phase;
  return { c, create, exec, phase };
}

describe('configMap volumes', () => {
  it('wait in FailedMount for a missing ConfigMap, then mount it', () => {
    const { c, create, phase } = setUp();
    create('pods', pod);
    c.runFor(5000);
    expect(phase()).toBe('Pending');
    const messages = (c.api.list('events') as Event[]).map((e) => e.message);
    expect(messages).toContain(
      'MountVolume.SetUp failed for volume "config" : configmap "app" not found',
    );
    create('configmaps', configMap({ COLOR: 'blue' }));
    c.runFor(20_000);
    expect(phase()).toBe('Running');
  });

  it('follow a change within a minute; env and subPath mounts keep the old value', () => {
    const { c, create, exec } = setUp();
    create('configmaps', configMap({ COLOR: 'blue' }));
    create('pods', pod);
    c.runFor(10_000);
    expect(exec(['cat', '/etc/config/COLOR', '/etc/color'])).toEqual(['blue', 'blue']);
    c.api.execute({
      verb: 'update',
      resource: 'configmaps',
      namespace: 'default',
      name: 'app',
      body: configMap({ COLOR: 'green', SIZE: 'xl' }) as never,
    });
    c.runFor(1000);
    expect(exec(['cat', '/etc/config/COLOR'])).toEqual(['blue']);
    c.runFor(60_000);
    expect(exec(['cat', '/etc/config/COLOR', '/etc/config/SIZE', '/etc/color'])).toEqual([
      'green',
      'xl',
      'blue',
    ]);
    expect(exec(['sh', '-c', 'echo $COLOR'])).toEqual(['blue']);
  });

  it('are read-only', () => {
    const { c, create, exec } = setUp();
    create('configmaps', configMap({ COLOR: 'blue' }));
    create('pods', pod);
    c.runFor(10_000);
    expect(exec(['sh', '-c', 'echo red > /etc/config/COLOR'])).toEqual([
      "sh: can't create /etc/config/COLOR: Read-only file system",
    ]);
    expect(exec(['cat', '/etc/config/COLOR'])).toEqual(['blue']);
  });
});
