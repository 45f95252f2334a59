import { describe, expect, it } from 'vitest';
import type { AnyObject } from '../api/types';
import { createCluster } from '../cluster';
import { StatusError } from './errors';

/** create sends a body as kubectl does (strict field validation) and returns the error message, or 'created'. */
function create(resource: string, body: AnyObject, namespace?: string): string {
  const c = createCluster({ seed: 2 });
  try {
    c.api.execute({ verb: 'create', resource, namespace, body, fieldValidation: 'Strict' });
    return 'created';
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    return error.status.message;
  }
}

describe('storage and policy objects are validated as the API server does', () => {
  it.each([
    [
      'a claim without modes or size',
      'persistentvolumeclaims',
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: {} },
      'PersistentVolumeClaim "c" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    ],
    [
      'a volume without a source',
      'persistentvolumes',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'v' },
        spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
      },
      'PersistentVolume "v" is invalid: spec: Required value: must specify a volume type',
    ],
    [
      'an unknown access mode',
      'persistentvolumes',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'v' },
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteAll'],
          hostPath: { path: '/d' },
        },
      },
      'PersistentVolume "v" is invalid: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ],
    [
      'an iSCSI volume with a bad IQN and LUN',
      'persistentvolumes',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'v' },
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOnce'],
          iscsi: { targetPortal: '10.0.0.5:3260', iqn: 'disk1', lun: 300 },
        },
      },
      'PersistentVolume "v" is invalid: [spec.iscsi.iqn: Invalid value: "disk1": must be valid format starting with iqn, eui, or naa, spec.iscsi.lun: Invalid value: 300: must be between 0 and 255, inclusive]',
    ],
    [
      'an iSCSI volume without a portal',
      'persistentvolumes',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'v' },
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOnce'],
          iscsi: { iqn: 'iqn.2024-01.lab.storage:disk1', lun: 0 },
        },
      },
      'PersistentVolume "v" is invalid: spec.iscsi.targetPortal: Required value',
    ],
    [
      'a class without a provisioner',
      'storageclasses',
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 's' } },
      'StorageClass.storage.k8s.io "s" is invalid: provisioner: Required value',
    ],
    [
      'an unknown field in a claim',
      'persistentvolumeclaims',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'c' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
          size: '1Gi',
        },
      },
      'PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: strict decoding error: unknown field "spec.size"',
    ],
    [
      'a negative quota',
      'resourcequotas',
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'q' },
        spec: { hard: { pods: '-1' } },
      },
      'ResourceQuota "q" is invalid: spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0',
    ],
    [
      'a LimitRange default over its max',
      'limitranges',
      {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'l' },
        spec: { limits: [{ type: 'Container', max: { cpu: '1' }, default: { cpu: '2' } }] },
      },
      'LimitRange "l" is invalid: spec.limits[0].default[cpu]: Invalid value: "2": default value 2 is greater than max value 1',
    ],
  ])('%s', (_name, resource, body, want) => {
    const namespaced = !['persistentvolumes', 'storageclasses'].includes(resource);
    expect(create(resource, body as AnyObject, namespaced ? 'default' : undefined)).toBe(want);
  });
});
