import { describe, expect, it } from 'vitest';
import type { Container, KubeObject, Pod } from '../api/types';
import { base64 } from '../apiserver/config-strategies';
import { containerEnv, type ObjectReader } from './container-config';
import { MountedFiles } from './mounted-files';

const objects: Record<string, KubeObject> = {
  'configmaps/app': {
    kind: 'ConfigMap',
    data: { COLOR: 'blue', MODE: 'prod' },
  } as unknown as KubeObject,
  'secrets/db': {
    kind: 'Secret',
    data: { password: base64('s3cr3t'), user: base64('admin') },
  } as unknown as KubeObject,
};
const read: ObjectReader = (resource, _ns, name) => objects[`${resource}/${name}`];

const pod = {
  metadata: { name: 'web', namespace: 'default', uid: 'u1' },
  spec: { nodeName: 'w1-k8s', serviceAccountName: 'default', containers: [] },
  status: { podIP: '10.244.1.5' },
} as unknown as Pod;

const container = (extra: Partial<Container>) =>
  ({ name: 'app', image: 'busybox', resources: {}, ...extra }) as Container;

describe('containerEnv (makeEnvironmentVariables)', () => {
  it.each<[string, Partial<Container>, ReturnType<typeof containerEnv>]>([
    ['a literal value', { env: [{ name: 'A', value: '1' }] }, { ok: true, env: [['A', '1']] }],
    [
      'a ConfigMap key',
      { env: [{ name: 'C', valueFrom: { configMapKeyRef: { name: 'app', key: 'COLOR' } } }] },
      { ok: true, env: [['C', 'blue']] },
    ],
    [
      'a Secret key, decoded',
      { env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] },
      { ok: true, env: [['P', 's3cr3t']] },
    ],
    [
      'envFrom with a prefix, then env overriding',
      {
        envFrom: [{ secretRef: { name: 'db' }, prefix: 'DB_' }, { configMapRef: { name: 'app' } }],
        env: [{ name: 'COLOR', value: 'red' }],
      },
      {
        ok: true,
        env: [
          ['DB_password', 's3cr3t'],
          ['DB_user', 'admin'],
          ['COLOR', 'red'],
          ['MODE', 'prod'],
        ],
      },
    ],
    [
      'the downward API',
      {
        env: [
          { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        ],
      },
      {
        ok: true,
        env: [
          ['POD', 'web'],
          ['IP', '10.244.1.5'],
        ],
      },
    ],
    [
      'a missing ConfigMap',
      { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }] },
      { ok: false, message: 'configmap "nope" not found' },
    ],
    [
      'a missing key',
      { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'app', key: 'size' } } }] },
      { ok: false, message: "couldn't find key size in ConfigMap default/app" },
    ],
    [
      'a missing Secret key',
      { env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'db', key: 'token' } } }] },
      { ok: false, message: "couldn't find key token in Secret default/db" },
    ],
    [
      'a missing Secret in envFrom',
      { envFrom: [{ secretRef: { name: 'gone' } }] },
      { ok: false, message: 'secret "gone" not found' },
    ],
    [
      'optional references that are missing',
      {
        envFrom: [{ configMapRef: { name: 'gone', optional: true } }],
        env: [
          {
            name: 'X',
            valueFrom: { configMapKeyRef: { name: 'app', key: 'size', optional: true } },
          },
        ],
      },
      { ok: true, env: [] },
    ],
  ])('%s', (_name, spec, want) => expect(containerEnv(pod, container(spec), read)).toEqual(want));
});

describe('MountedFiles', () => {
  const volume = new Map([['index.html', 'hello']]);
  const config = new Map([['app.conf', 'port=80']]);
  const files = new MountedFiles([
    { mountPath: '/data', files: volume, readOnly: false },
    { mountPath: '/etc/app', files: config, readOnly: true },
    { mountPath: '/etc/nginx/app.conf', files: config, readOnly: true, subPath: 'app.conf' },
  ]);

  it.each([
    ['/data/index.html', 'hello'],
    ['/etc/app/app.conf', 'port=80'],
    ['/etc/nginx/app.conf', 'port=80'],
    ['/data', undefined],
    ['/tmp/x', undefined],
  ])('reads %s', (path, want) => expect(files.get(path)).toBe(want));

  it('writes through a mount into the volume, and elsewhere into its own layer', () => {
    files.set('/data/new', 'x');
    files.set('/tmp/own', 'y');
    expect(volume.get('new')).toBe('x');
    expect(files.get('/tmp/own')).toBe('y');
    expect(volume.has('/tmp/own')).toBe(false);
  });

  it('keeps read-only mounts as they are', () => {
    files.set('/etc/app/app.conf', 'changed');
    expect(files.delete('/etc/app/app.conf')).toBe(false);
    expect(config.get('app.conf')).toBe('port=80');
    expect(files.readOnlyAt('/etc/app/app.conf')).toBe(true);
  });
});
