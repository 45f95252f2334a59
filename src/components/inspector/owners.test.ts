import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { ownerChain } from './owners';

function obj(kind: string, name: string, owner?: KubeObject): KubeObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: `${kind}/${name}`,
      resourceVersion: '1',
      creationTimestamp: '',
      ownerReferences: owner
        ? [
            {
              apiVersion: 'apps/v1',
              kind: owner.kind,
              name: owner.metadata.name,
              uid: owner.metadata.uid,
              controller: true,
            },
          ]
        : undefined,
    },
  };
}

describe('ownerChain', () => {
  const deploy = obj('Deployment', 'web');
  const rs = obj('ReplicaSet', 'web-5d4f', deploy);
  const pod = obj('Pod', 'web-5d4f-x2x9z', rs);
  const store = [deploy, rs, pod];
  const lookup = (kind: string, _ns: string | undefined, name: string) =>
    store.find((o) => o.kind === kind && o.metadata.name === name);

  it('walks Deployment → ReplicaSet → Pod', () => {
    expect(ownerChain(pod, lookup).map((l) => `${l.kind}/${l.name}`)).toEqual([
      'Deployment/web',
      'ReplicaSet/web-5d4f',
      'Pod/web-5d4f-x2x9z',
    ]);
  });

  it('marks an owner that is gone and stops there', () => {
    const orphanLookup = (kind: string, ns: string | undefined, name: string) =>
      kind === 'ReplicaSet' ? undefined : lookup(kind, ns, name);
    expect(ownerChain(pod, orphanLookup)).toEqual([
      { kind: 'ReplicaSet', name: 'web-5d4f', namespace: 'default', missing: true },
      { kind: 'Pod', name: 'web-5d4f-x2x9z', namespace: 'default' },
    ]);
  });

  it('is just the object when nothing owns it', () => {
    expect(ownerChain(deploy, lookup)).toEqual([
      { kind: 'Deployment', name: 'web', namespace: 'default' },
    ]);
  });
});
