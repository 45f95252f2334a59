import { describe, expect, it } from 'vitest';
import { complete, type NameLookup } from './completion';

const NAMES: Record<string, string[]> = {
  'pods/default': ['nginx', 'web-1', 'web-2'],
  'pods/kube-system': ['coredns-1'],
  'deployments/default': ['web'],
  'nodes/': ['m-k8s', 'w1-k8s', 'w2-k8s'],
  'namespaces/': ['default', 'kube-system'],
};
const lookup: NameLookup = {
  names: (resource, namespace) => NAMES[`${resource}/${namespace}`] ?? [],
  namespace: 'default',
};

describe('complete', () => {
  it.each([
    ['kub', 'ectl '],
    ['kubectl ge', 't '],
    ['k get po', 'd'], // pods and poddisruptionbudgets share 'pod', as bash stops there
    ['k get dep', 'loyments '],
    ['kubectl get pods ng', 'inx '],
    ['kubectl get pods w', 'eb-'],
    ['kubectl -n kube-system get pods c', 'oredns-1 '],
    ['kubectl get pods -n kube-s', 'ystem '],
    ['kubectl get deploy/w', 'eb '],
    ['kubectl scale deployment w', 'eb '],
    ['kubectl get pods --all-n', 'amespaces '],
    ['kubectl cordon w1', '-k8s '],
    ['kubectl taint n', 'odes '],
    ['kubectl taint nodes m', '-k8s '],
    ['kubectl rollout st', 'atus '],
    ['kubectl get pods -o ya', 'ml '],
    ['kubectl version ', ''],
    ['kubectl create cl', 'usterrole'],
    ['kubectl create serviceacc', 'ount '],
    ['kubectl create secret g', 'eneric '],
    ['kubectl create service n', 'odeport '],
    ['kubectl create ing', 'ress '],
    ['kubectl create secret generic x', ''],
    ['kubectl exec -it ng', 'inx '],
    ['kubectl logs -n kube-system c', 'oredns-1 '],
    ['kubectl describe rol', 'e'],
  ])('%s → +%j', (line, insert) => expect(complete(line, lookup).insert).toBe(insert));

  it('lists the candidates when nothing more is unambiguous', () =>
    expect(complete('kubectl get pods web-', lookup)).toEqual({
      insert: '',
      candidates: ['web-1', 'web-2'],
    }));

  it.each([
    ['kubectl get pods c', 'oredns-1 '],
    ['kubectl exec -it c', 'oredns-1 '],
    ['kubectl get pods -n default ng', 'inx '],
  ])('looks in the context namespace without -n: %s → +%j', (line, insert) =>
    expect(complete(line, { ...lookup, namespace: 'kube-system' }).insert).toBe(insert),
  );
});
