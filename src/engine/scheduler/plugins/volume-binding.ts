import type {
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
  TopologySelectorTerm,
} from '../../api/storage-types';
import type { Node, Pod } from '../../api/types';
import {
  ANN_SELECTED_NODE,
  claimClass,
  findMatchingVolume,
  requestedBytes,
  volumeReachable,
} from '../../controllers/persistentvolume/binding';
import type { FilterPlugin, ScorePlugin, VolumeListers } from '../framework';

/** The provisioner name of classes that cannot provision (volume.NotSupportedProvisioner). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** Filter reasons, as volumebinding/binder.go words them. */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST =
  'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

/** A StaticBinding is an Available volume the scheduler binds to a claim on the chosen node. */
export interface StaticBinding {
  pv: PersistentVolume;
  pvc: PersistentVolumeClaim;
}

/**
 * PodVolumes is what Reserve assumes and PreBind writes for one pod on one node: volumes to bind
 * to its claims, and claims to provision there (they get the selected-node annotation).
 */
export interface PodVolumes {
  staticBindings: StaticBinding[];
  dynamicProvisions: PersistentVolumeClaim[];
}

/** PodVolumeClaims sorts a pod's claims as GetPodVolumeClaims does. */
interface PodVolumeClaims {
  bound: PersistentVolumeClaim[];
  /** unbound claims whose class waits for the first consumer, with their class */
  delayed: { pvc: PersistentVolumeClaim; cls: StorageClass }[];
}

type Rejection = { reason: string };

/** podClaimNames lists the claims a pod's volumes name. */
export function podClaimNames(pod: Pod): string[] {
  return (pod.spec.volumes ?? []).flatMap((v) =>
    v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
  );
}

/** podVolumeClaims reads the pod's claims: a missing, deleted or unbound Immediate claim rejects the pod. */
function podVolumeClaims(pod: Pod, volumes: VolumeListers): PodVolumeClaims | Rejection {
  const namespace = pod.metadata.namespace ?? 'default';
  const claims: PodVolumeClaims = { bound: [], delayed: [] };
  let immediate = false;
  for (const name of podClaimNames(pod)) {
    const pvc = volumes.claim(namespace, name);
    if (!pvc) return { reason: `persistentvolumeclaim "${name}" not found` };
    if (pvc.metadata.deletionTimestamp)
      return { reason: `persistentvolumeclaim "${name}" is being deleted` };
    if (pvc.spec.volumeName) {
      claims.bound.push(pvc);
      continue;
    }
    const className = claimClass(pvc);
    const cls = className ? volumes.storageClass(className) : undefined;
    if (cls?.volumeBindingMode === 'WaitForFirstConsumer') claims.delayed.push({ pvc, cls });
    else immediate = true;
  }
  if (immediate) return { reason: 'pod has unbound immediate PersistentVolumeClaims' };
  return claims;
}

/** matchesTopology is MatchTopologySelectorTerms: no terms admit every node. */
function matchesTopology(terms: TopologySelectorTerm[] | undefined, node: Node): boolean {
  if (!terms || terms.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((term) =>
    (term.matchLabelExpressions ?? []).every((e) => {
      const value = labels[e.key];
      return value !== undefined && e.values.includes(value);
    }),
  );
}

/**
 * findPodVolumes is FindPodVolumes for one node: bound claims' volumes must be reachable from it;
 * each unbound delayed claim needs an Available volume the node can reach (the smallest that fits,
 * smaller claims choosing first) or a class whose provisioner may provision for this node. A
 * claim already given a node (selected-node) only fits that node.
 */
function findPodVolumes(
  claims: PodVolumeClaims,
  volumes: VolumeListers,
  node: Node,
): { podVolumes: PodVolumes } | { reasons: string[] } {
  const name = node.metadata.name;
  for (const pvc of claims.bound) {
    const pv = volumes.persistentVolume(pvc.spec.volumeName!);
    if (!pv) return { reasons: [ERR_REASON_PV_NOT_EXIST] };
    if (!volumeReachable(pv, node)) return { reasons: [ERR_REASON_NODE_CONFLICT] };
  }
  const podVolumes: PodVolumes = { staticBindings: [], dynamicProvisions: [] };
  const toProvision: { pvc: PersistentVolumeClaim; cls: StorageClass }[] = [];
  const toMatch: { pvc: PersistentVolumeClaim; cls: StorageClass }[] = [];
  for (const claim of claims.delayed) {
    const selected = claim.pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected === undefined) toMatch.push(claim);
    else if (selected !== name) return { reasons: [ERR_REASON_BIND_CONFLICT] };
    else toProvision.push(claim);
  }
  if (toMatch.length > 0) {
    const reachable = volumes.persistentVolumes().filter((pv) => volumeReachable(pv, node));
    const chosen = new Set<string>();
    const bySize = [...toMatch].sort((a, b) => requestedBytes(a.pvc) - requestedBytes(b.pvc));
    for (const claim of bySize) {
      const pv = findMatchingVolume(claim.pvc, reachable, chosen, true);
      if (!pv) {
        toProvision.push(claim);
        continue;
      }
      chosen.add(pv.metadata.name);
      podVolumes.staticBindings.push({ pv, pvc: claim.pvc });
    }
  }
  for (const { pvc, cls } of toProvision) {
    if (!cls.provisioner || cls.provisioner === NO_PROVISIONER)
      return { reasons: [ERR_REASON_BIND_CONFLICT] };
    if (!matchesTopology(cls.allowedTopologies, node))
      return { reasons: [ERR_REASON_BIND_CONFLICT] };
    podVolumes.dynamicProvisions.push(pvc);
  }
  return { podVolumes };
}

/**
 * VolumeBinding: a pod's claims must exist and, unless their class waits for the first consumer,
 * be bound already (PreFilter; the pod fits no node until then). Filter checks each node with
 * findPodVolumes; Reserve (reservePodVolumes) finds what to bind or provision on the chosen node,
 * which the scheduler's VolumeBinder assumes and writes in PreBind before the pod is bound.
 *
 * It is a score plugin of the default profile too, but it scores only with the
 * VolumeCapacityPriority feature gate, which is off in v1.32: without it New builds no scorer
 * and PreScore always returns Skip.
 */
export const volumeBinding = {
  name: 'VolumeBinding',
  weight: 1,
  preScore: () => undefined,
  preFilter(pod, cluster) {
    const volumes = cluster.volumes;
    if (!volumes || podClaimNames(pod).length === 0) return undefined;
    const claims = podVolumeClaims(pod, volumes);
    if ('reason' in claims) {
      const rejected = { reasons: [claims.reason], unresolvable: true, preFilter: true };
      return () => rejected;
    }
    if (claims.bound.length === 0 && claims.delayed.length === 0) return undefined;
    return (nodeInfo) => {
      const found = findPodVolumes(claims, volumes, nodeInfo.node);
      return 'reasons' in found ? { reasons: found.reasons, unresolvable: true } : undefined;
    };
  },
} satisfies FilterPlugin & ScorePlugin;

/**
 * reservePodVolumes is Reserve's half of VolumeBinding: what the pod's delayed claims need on the
 * node the scheduler chose, or undefined when every claim is bound already.
 */
export function reservePodVolumes(
  pod: Pod,
  node: Node,
  volumes: VolumeListers,
): PodVolumes | undefined {
  if (podClaimNames(pod).length === 0) return undefined;
  const claims = podVolumeClaims(pod, volumes);
  if ('reason' in claims || claims.delayed.length === 0) return undefined;
  const found = findPodVolumes(claims, volumes, node);
  if ('reasons' in found) return undefined;
  const { staticBindings, dynamicProvisions } = found.podVolumes;
  return staticBindings.length + dynamicProvisions.length > 0 ? found.podVolumes : undefined;
}
