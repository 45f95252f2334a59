import { useSyncExternalStore } from 'react';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (privacy mode)
  }
}

/** A GraphOption is one of the graph's checkboxes, remembered in localStorage under its key. */
export interface GraphOption {
  get(): boolean;
  set(on: boolean): void;
  /** use is the option as a React hook: the component redraws when it is switched */
  use(): boolean;
}

/** graphOption makes an option that is off until the learner turns it on (and stays on). */
export function graphOption(key: string): GraphOption {
  let on = storage()?.getItem(key) === 'true';
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const get = () => on;
  return {
    get,
    set(next) {
      on = next;
      storage()?.setItem(key, String(next));
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, get),
  };
}

/**
 * The owners view draws Deployment → ReplicaSet → Pod (and StatefulSet, DaemonSet, CronJob → Job
 * → Pod) as boxes and edges; the storage view draws PersistentVolumeClaim → PersistentVolume →
 * StorageClass and the pods mounting each claim. Both are off by default: a first Deployment's
 * pods and the components stay the graph's subject.
 */
export const showOwners = graphOption('kubeloop.graph.owners');
export const showStorage = graphOption('kubeloop.graph.storage');
export const useShowOwners = showOwners.use;
export const useShowStorage = showStorage.use;
