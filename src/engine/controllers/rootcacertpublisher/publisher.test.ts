import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../api/config-types';
import { createCluster } from '../../cluster';
import { CLUSTER_CA_CERTS, ROOT_CA_CONFIGMAP } from './root-ca';

const CLUSTER_CA_CERT = CLUSTER_CA_CERTS.kubeadm;

function rootCA(c: ReturnType<typeof createCluster>, namespace: string): ConfigMap | undefined {
  return c.api
    .list('configmaps', namespace)
    .find((cm) => cm.metadata.name === ROOT_CA_CONFIGMAP) as ConfigMap | undefined;
}

describe('root CA cert publisher', () => {
  it('publishes the CA bundle in the bootstrap namespaces and in every new one', () => {
    const c = createCluster({ seed: 4 });
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
      expect(rootCA(c, ns)?.data).toEqual({ 'ca.crt': CLUSTER_CA_CERT });
    c.api.execute({
      verb: 'create',
      resource: 'namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
    });
    c.runFor(1000);
    const published = rootCA(c, 'team-a')!;
    expect(published.data).toEqual({ 'ca.crt': CLUSTER_CA_CERT });
    expect(published.metadata.annotations?.['kubernetes.io/description']).toMatch(
      /^Contains a CA bundle that can be used to verify the kube-apiserver/,
    );
    expect(CLUSTER_CA_CERT).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/,
    );
  });

  it('brings the ConfigMap back when it is deleted or edited', () => {
    const c = createCluster({ seed: 4 });
    c.api.execute({
      verb: 'delete',
      resource: 'configmaps',
      namespace: 'default',
      name: ROOT_CA_CONFIGMAP,
    });
    c.runFor(1000);
    const recreated = rootCA(c, 'default')!;
    expect(recreated.data).toEqual({ 'ca.crt': CLUSTER_CA_CERT });
    c.api.execute({
      verb: 'update',
      resource: 'configmaps',
      namespace: 'default',
      name: ROOT_CA_CONFIGMAP,
      body: { ...recreated, data: { 'ca.crt': 'tampered' } } as ConfigMap,
    });
    c.runFor(1000);
    expect(rootCA(c, 'default')!.data).toEqual({ 'ca.crt': CLUSTER_CA_CERT });
  });

  it("publishes minikube's own CA (minikubeCA) on a minikube cluster", () => {
    const c = createCluster({ seed: 4, preset: 'minikube' });
    expect(rootCA(c, 'default')?.data).toEqual({ 'ca.crt': CLUSTER_CA_CERTS.minikube });
    expect(CLUSTER_CA_CERTS.minikube).not.toBe(CLUSTER_CA_CERTS.kubeadm);
  });
});
