import { describe, expect, it } from 'vitest';
import type { ServiceAccount } from '../../api/config-types';
import type { Pod } from '../../api/types';
import { createCluster } from '../../cluster';
import { podManifest } from '../../testing/builders';
import { CLUSTER_CA_CERTS } from '../rootcacertpublisher/root-ca';
import {
  decodeTokenPayload,
  keyId,
  KUBELET_TOKEN_SECONDS,
  SERVICE_ACCOUNT_ISSUER,
  serviceAccountToken,
  type TokenRequest,
} from './token';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const request = (over: Partial<TokenRequest> = {}): TokenRequest => ({
  namespace: 'shop',
  serviceAccount: { name: 'cart', uid: 'sa-uid' },
  pod: { name: 'cart-1', uid: 'pod-uid' },
  node: { name: 'w1-k8s', uid: 'node-uid' },
  issuedAtMs: Date.parse('2026-01-05T09:00:00.250Z'),
  expirationSeconds: KUBELET_TOKEN_SECONDS,
  signingKey: CLUSTER_CA_CERTS.kubeadm,
  ...over,
});

describe('serviceAccountToken', () => {
  it('is a JWT: base64url header, payload and a 256-byte signature', () => {
    const token = serviceAccountToken(request());
    const [header, payload, signature] = token.split('.');
    for (const part of [header, payload, signature]) expect(part).toMatch(BASE64URL);
    expect(JSON.parse(atob(header!.replace(/-/g, '+').replace(/_/g, '/')))).toEqual({
      alg: 'RS256',
      kid: keyId(CLUSTER_CA_CERTS.kubeadm),
    });
    // 256 bytes are 342 base64url characters without padding.
    expect(signature).toHaveLength(342);
  });

  it('names the issuer, subject, audience and what it is bound to, keys in Go map order', () => {
    const claims = decodeTokenPayload(serviceAccountToken(request()));
    const iat = Date.parse('2026-01-05T09:00:00Z') / 1000;
    expect(claims).toEqual({
      aud: [SERVICE_ACCOUNT_ISSUER],
      // The kubelet's 3607 seconds become a year; warnafter keeps the hour it asked for.
      exp: iat + 365 * 24 * 3600,
      iat,
      iss: 'https://kubernetes.default.svc.cluster.local',
      jti: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      'kubernetes.io': {
        namespace: 'shop',
        node: { name: 'w1-k8s', uid: 'node-uid' },
        pod: { name: 'cart-1', uid: 'pod-uid' },
        serviceaccount: { name: 'cart', uid: 'sa-uid' },
        warnafter: iat + 3607,
      },
      nbf: iat,
      sub: 'system:serviceaccount:shop:cart',
    });
    expect(Object.keys(claims)).toEqual([...Object.keys(claims)].sort());
  });

  it('keeps any other lifetime as asked, without warnafter', () => {
    const claims = decodeTokenPayload(serviceAccountToken(request({ expirationSeconds: 600 })));
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);
    expect(claims['kubernetes.io']).not.toHaveProperty('warnafter');
  });

  it('is the same for the same request, and another cluster key signs it differently', () => {
    expect(serviceAccountToken(request())).toBe(serviceAccountToken(request()));
    const other = serviceAccountToken(request({ signingKey: CLUSTER_CA_CERTS.minikube }));
    expect(other.split('.')[2]).not.toBe(serviceAccountToken(request()).split('.')[2]);
    const later = serviceAccountToken(request({ issuedAtMs: request().issuedAtMs + 1000 }));
    expect(decodeTokenPayload(later).jti).not.toBe(
      decodeTokenPayload(serviceAccountToken(request())).jti,
    );
  });
});

describe('the kube-api-access volume in a container', () => {
  const c = createCluster({ seed: 3, keepHops: false });
  c.api.execute({
    verb: 'create',
    resource: 'pods',
    namespace: 'default',
    body: {
      ...podManifest('box', { image: 'busybox' }),
      spec: { containers: [{ name: 'box', image: 'busybox', command: ['sleep', '86400'] }] },
    } as never,
  });
  c.runFor(30_000);
  const pod = () =>
    (c.api.list('pods', 'default') as Pod[]).find((p) => p.metadata.name === 'box')!;
  const exec = (argv: string[]) =>
    c.kubelets.get(pod().spec.nodeName!)!.exec(pod().metadata.uid, 'box', argv)!;
  const DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

  it('holds ca.crt, namespace and token, as the AtomicWriter lays them out', () => {
    expect(exec(['ls', DIR]).output).toEqual(['ca.crt', 'namespace', 'token']);
    const all = exec(['ls', '-a', DIR]).output;
    expect(all.slice(0, 2)).toEqual(['.', '..']);
    expect(all[2]).toMatch(/^\.\.2026_01_05_09_00_\d\d\.\d+$/);
    expect(all.slice(3)).toEqual(['..data', 'ca.crt', 'namespace', 'token']);
    expect(exec(['cat', `${DIR}/namespace`]).output).toEqual(['default']);
    expect(exec(['cat', `${DIR}/..data/namespace`]).output).toEqual(['default']);
  });

  it('carries the kube-root-ca.crt bundle and a token bound to this pod, node and account', () => {
    const ca = c.api
      .list('configmaps', 'default')
      .find((o) => o.metadata.name === 'kube-root-ca.crt') as
      { data: Record<string, string> } | undefined;
    expect(exec(['cat', `${DIR}/ca.crt`]).output.join('\n') + '\n').toBe(ca?.data['ca.crt']);
    const token = exec(['cat', `${DIR}/token`]).output.join('');
    const claims = decodeTokenPayload(token);
    const sa = (c.api.list('serviceaccounts', 'default') as ServiceAccount[]).find(
      (s) => s.metadata.name === 'default',
    )!;
    const node = c.api.list('nodes').find((n) => n.metadata.name === pod().spec.nodeName)!;
    expect(claims).toMatchObject({
      sub: 'system:serviceaccount:default:default',
      'kubernetes.io': {
        namespace: 'default',
        pod: { name: 'box', uid: pod().metadata.uid },
        node: { name: node.metadata.name, uid: node.metadata.uid },
        serviceaccount: { name: 'default', uid: sa.metadata.uid },
      },
    });
  });

  it('is refreshed once 80% of the hour the kubelet asked for has passed, not before', () => {
    const read = () => exec(['cat', `${DIR}/token`]).output.join('');
    const first = read();
    c.runFor(30 * 60_000);
    expect(read()).toBe(first);
    c.runFor(20 * 60_000);
    const second = read();
    expect(second).not.toBe(first);
    const [a, b] = [first, second].map((t) => decodeTokenPayload(t).iat as number);
    expect(b! - a!).toBeGreaterThanOrEqual(0.8 * KUBELET_TOKEN_SECONDS);
  });
});
