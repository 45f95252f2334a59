import { isPodActive, isPodReady } from '../../api/pod';
import { controllerOf, deepEqual } from '../../api/objects';
import { matchesSelector } from '../../api/labels';
import type { Pod, ReplicaSet } from '../../api/types';
import type { Informer } from '../../client/informer';
import { ControllerContext } from '../context';

/** OwnedPodCounts is what a ReplicaSet's status counts of its active pods. */
export interface OwnedPodCounts {
  /** active pods the ReplicaSet controls */
  replicas: number;
  /** of those, the ones carrying every label of the pod template */
  labeled: number;
  /** of those, the ones whose Ready condition is True */
  ready: number;
}

interface Tally extends OwnedPodCounts {
  /** the template labels `labeled` was counted against */
  templateLabels: Record<string, string> | undefined;
}

/** What one counted pod added to its controller's tally. */
interface Counted {
  owner: string;
  labeled: boolean;
  ready: boolean;
}

/**
 * OwnedPodTally keeps each ReplicaSet's counts of its active pods up to date from the pod
 * informer's changes, so a sync reads them instead of recounting thousands of pods. A tally starts
 * with the first count a ReplicaSet asks for and is recounted when its template's labels change;
 * added, updated and deleted must see every change of the pod cache after that.
 */
export class OwnedPodTally {
  /** by ReplicaSet uid */
  private readonly tallies = new Map<string, Tally>();
  /** by pod uid: every active pod whose controller has a tally */
  private readonly counted = new Map<string, Counted>();

  constructor(private readonly pods: Informer<Pod>) {}

  added(pod: Pod): void {
    this.observe(pod, false);
  }

  updated(old: Pod, pod: Pod): void {
    // A pod recreated under the same name replaces the old one in the cache.
    if (old.metadata.uid !== pod.metadata.uid) this.observe(old, true);
    this.observe(pod, false);
  }

  deleted(pod: Pod): void {
    this.observe(pod, true);
  }

  /** observe takes in a pod as the cache now holds it, or its deletion. */
  private observe(pod: Pod, gone: boolean): void {
    const uid = pod.metadata.uid;
    const before = this.counted.get(uid);
    if (before) uncount(this.tallies.get(before.owner)!, before);
    const owner = gone || !isPodActive(pod) ? undefined : controllerOf(pod)?.uid;
    const tally = owner === undefined ? undefined : this.tallies.get(owner);
    if (!tally) {
      if (before) this.counted.delete(uid);
      return;
    }
    // A status write keeps the pod's entry: it is counted again in place.
    const counted = before ?? { owner: owner!, labeled: false, ready: false };
    counted.owner = owner!;
    count(tally, counted, pod);
    if (!before) this.counted.set(uid, counted);
  }

  /** counts returns the ReplicaSet's counts, the same a pass over its active pods would give. */
  counts(rs: ReplicaSet): OwnedPodCounts {
    const uid = rs.metadata.uid;
    const templateLabels = rs.spec.template.metadata.labels;
    const tally = this.tallies.get(uid);
    if (tally && deepEqual(tally.templateLabels, templateLabels)) return tally;
    this.forget(uid);
    const fresh: Tally = { templateLabels, replicas: 0, labeled: 0, ready: 0 };
    this.tallies.set(uid, fresh);
    for (const pod of this.pods.byIndex(ControllerContext.BY_CONTROLLER, uid)) {
      if (!isPodActive(pod)) continue;
      const counted: Counted = { owner: uid, labeled: false, ready: false };
      count(fresh, counted, pod);
      this.counted.set(pod.metadata.uid, counted);
    }
    return fresh;
  }

  /** forget drops a ReplicaSet's tally (it was deleted, or its template changed). */
  forget(uid: string): void {
    if (!this.tallies.delete(uid)) return;
    for (const [podUid, counted] of this.counted)
      if (counted.owner === uid) this.counted.delete(podUid);
  }
}

/** count adds the pod to the tally, noting in counted what it added. */
function count(tally: Tally, counted: Counted, pod: Pod): void {
  counted.labeled = matchesSelector({ matchLabels: tally.templateLabels }, pod.metadata.labels);
  counted.ready = isPodReady(pod);
  tally.replicas++;
  if (counted.labeled) tally.labeled++;
  if (counted.ready) tally.ready++;
}

function uncount(tally: Tally, counted: Counted): void {
  tally.replicas--;
  if (counted.labeled) tally.labeled--;
  if (counted.ready) tally.ready--;
}
