import { RESOURCES, type ResourceInfo } from '../engine';
import { KubectlError } from './errors';

/** findResource resolves what a user types (pods, pod, po, deployments.apps) to a resource. */
export function findResource(word: string): ResourceInfo | undefined {
  const lower = word.toLowerCase();
  return RESOURCES.find(
    (r) =>
      r.resource === lower ||
      r.singular === lower ||
      r.shortNames.includes(lower) ||
      r.kind.toLowerCase() === lower ||
      (r.group !== '' &&
        (lower === `${r.resource}.${r.group}` || lower === `${r.singular}.${r.group}`)),
  );
}

/** requireResource is findResource or kubectl's discovery error. */
export function requireResource(word: string): ResourceInfo {
  const info = findResource(word);
  if (!info) throw new KubectlError(`error: the server doesn't have a resource type "${word}"`);
  return info;
}

/** kindName is how the name printer and `kind/name` args spell a kind: pod, deployment.apps. */
export function kindName(info: ResourceInfo): string {
  return info.group === '' ? info.kind.toLowerCase() : `${info.kind.toLowerCase()}.${info.group}`;
}

/** resourceName is how delete messages and errors name a resource: pods, deployments.apps. */
export function resourceName(info: ResourceInfo): string {
  return info.group === '' ? info.resource : `${info.resource}.${info.group}`;
}

/** ALL is what `kubectl get all` expands to (the "all" category), minus what the engine lacks. */
export const ALL = [
  'pods',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'horizontalpodautoscalers',
  'cronjobs',
  'jobs',
];
