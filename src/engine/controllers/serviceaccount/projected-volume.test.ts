import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../api/types';
import type { ObjectReader } from '../../kubelet/container-config';
import { decodeTokenPayload } from './token';
import { setUpProjectedVolume } from './projected-volume';

const pod = {
  metadata: {
    name: 'cart-1',
    namespace: 'shop',
    uid: 'pod-uid',
    labels: { tier: 'web', app: 'cart' },
  },
  spec: { serviceAccountName: 'cart', containers: [] },
  status: {},
} as unknown as Pod;

const KUBE_API_ACCESS = [
  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
  { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
  {
    downwardAPI: {
      items: [
        { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' },
      ],
    },
  },
];

/** reader serves the objects given, by resource/namespace/name. */
function reader(objects: Record<string, object>): ObjectReader {
  return (resource, namespace, name) =>
    objects[`${resource}/${namespace ?? ''}/${name}`] as KubeObject | undefined;
}

const CA = { data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' } };
const everything = reader({
  'serviceaccounts/shop/cart': { metadata: { name: 'cart', uid: 'sa-uid' } },
  'nodes//w1-k8s': { metadata: { name: 'w1-k8s', uid: 'node-uid' } },
  'configmaps/shop/kube-root-ca.crt': CA,
  'configmaps/kube-system/kube-root-ca.crt': CA,
});

const topLevel = (files: ReadonlyMap<string, string>) =>
  [...files.keys()].filter((k) => !k.startsWith('..')).sort();

describe('setUpProjectedVolume', () => {
  it('projects the token, the CA bundle and the namespace, each also under ..data', () => {
    const result = setUpProjectedVolume(pod, KUBE_API_ACCESS, 'w1-k8s', everything, () => 0);
    if (!result.ok) throw new Error(result.message);
    expect(topLevel(result.volume.files)).toEqual(['ca.crt', 'namespace', 'token']);
    expect(result.volume.files.get('namespace')).toBe('shop');
    expect(result.volume.files.get('ca.crt')).toBe(CA.data['ca.crt']);
    expect(result.volume.files.get('..data/token')).toBe(result.volume.files.get('token'));
    expect(decodeTokenPayload(result.volume.files.get('token')!)).toMatchObject({
      sub: 'system:serviceaccount:shop:cart',
      'kubernetes.io': { node: { name: 'w1-k8s', uid: 'node-uid' } },
    });
  });

  it('signs the token with the claims of its issue, however late it is first read', () => {
    let now = 5_000;
    const result = setUpProjectedVolume(pod, KUBE_API_ACCESS, 'w1-k8s', everything, () => now);
    if (!result.ok) throw new Error(result.message);
    now = 65_000;
    result.volume.refresh(pod);
    expect(decodeTokenPayload(result.volume.files.get('token')!)).toMatchObject({ iat: 5, nbf: 5 });
  });

  it.each([
    [
      'a missing service account',
      { 'configmaps/shop/kube-root-ca.crt': CA },
      'failed to fetch token: serviceaccounts "cart" not found',
    ],
    [
      'a missing CA bundle',
      { 'serviceaccounts/shop/cart': { metadata: { name: 'cart', uid: 'sa-uid' } } },
      'configmap "kube-root-ca.crt" not found',
    ],
  ])('fails on %s with the kubelet’s message', (_, objects, message) => {
    expect(setUpProjectedVolume(pod, KUBE_API_ACCESS, 'w1-k8s', reader(objects), () => 0)).toEqual({
      ok: false,
      message,
    });
  });

  it('writes the downward API’s labels as sorted key="value" lines, and skips optional sources', () => {
    const result = setUpProjectedVolume(
      pod,
      [
        {
          downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
        },
        { secret: { name: 'absent', optional: true } },
      ],
      'w1-k8s',
      everything,
      () => 0,
    );
    if (!result.ok) throw new Error(result.message);
    expect(topLevel(result.volume.files)).toEqual(['labels']);
    expect(result.volume.files.get('labels')).toBe('app="cart"\ntier="web"');
  });

  it('rewrites the downward API’s labels from the pod as it is at the sync', () => {
    const labels = [
      { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
    ];
    const result = setUpProjectedVolume(pod, labels, 'w1-k8s', everything, () => 0);
    if (!result.ok) throw new Error(result.message);
    const relabelled = { ...pod, metadata: { ...pod.metadata, labels: { app: 'shop' } } };
    result.volume.refresh(relabelled);
    expect(result.volume.files.get('labels')).toBe('app="shop"');
  });

  it('swaps in a new payload directory only when the content changes', () => {
    let now = 0;
    const result = setUpProjectedVolume(pod, KUBE_API_ACCESS, 'w1-k8s', everything, () => now);
    if (!result.ok) throw new Error(result.message);
    const dir = () => [...result.volume.files.keys()].find((k) => /^\.\.\d/.test(k))!.split('/')[0];
    const before = dir();
    now = 60_000;
    result.volume.refresh(pod);
    expect(dir()).toBe(before);
    now = 2_886_000; // 80% of 3607 s
    result.volume.refresh(pod);
    expect(dir()).not.toBe(before);
    expect(topLevel(result.volume.files)).toEqual(['ca.crt', 'namespace', 'token']);
  });
});
