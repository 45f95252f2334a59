import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { runKubectl } from '../index';
import { accessModes } from './storage-columns';

describe('accessModes (GetAccessModesAsString)', () => {
  it.each([
    [['ReadWriteOnce'], 'RWO'],
    [['ReadWriteMany', 'ReadOnlyMany'], 'ROX,RWX'],
    [['ReadWriteOncePod', 'ReadWriteOnce', 'ReadWriteOnce'], 'RWO,RWOP'],
    [[], ''],
  ] as const)('%j -> %s', (modes, want) => expect(accessModes([...modes])).toBe(want));
});

describe('kubectl get storage objects', () => {
  it("marks minikube's default StorageClass", () => {
    const c = createCluster({ seed: 1, preset: 'minikube' });
    expect(runKubectl(c, 'kubectl get sc').stdout).toBe(
      [
        'NAME                 PROVISIONER                RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE',
        'standard (default)   k8s.io/minikube-hostpath   Delete          Immediate           false                  10d',
        '',
      ].join('\n'),
    );
  });

  it('shows a dynamically provisioned claim bound to pvc-<uid>', () => {
    const c = createCluster({ seed: 1, preset: 'minikube' });
    runKubectl(c, 'kubectl apply -f -', {
      stdin:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
    });
    c.runFor(2000);
    const uid = c.api.list('persistentvolumeclaims')[0]!.metadata.uid;
    expect(runKubectl(c, 'kubectl get pvc').stdout).toBe(
      [
        'NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        `data   Bound    pvc-${uid}   1Gi        RWO            standard       <unset>                 2s`,
        '',
      ].join('\n'),
    );
  });
});
