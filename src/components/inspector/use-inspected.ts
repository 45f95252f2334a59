import type { KubeObject } from '../../engine';
import type { ObjectRef } from '../../state/selection';
import { useObjects } from '../../state/store';
import { WORKLOAD_RESOURCES } from '../actions/actions';

const RESOURCE: Record<ObjectRef['kind'], string> = {
  Pod: 'pods',
  Node: 'nodes',
  ...WORKLOAD_RESOURCES,
  Job: 'jobs',
  CronJob: 'cronjobs',
  Service: 'services',
  PersistentVolumeClaim: 'persistentvolumeclaims',
};

/** useInspected finds the selected object in the API server; undefined once it is deleted. */
export function useInspected<T extends KubeObject>(ref: ObjectRef): T | undefined {
  const list = useObjects<T>(RESOURCE[ref.kind], ref.namespace);
  return list.find((o) => o.metadata.name === ref.name);
}
