import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';

/** Deployment annotations a ReplicaSet does not inherit (deployment/util annotationsToSkip). */
const ANNOTATIONS_NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/**
 * copiedAnnotations are the Deployment's annotations its new ReplicaSet must carry but does not
 * yet (copyDeploymentAnnotationsToReplicaSet): kubernetes.io/change-cause reaches
 * `rollout history` this way.
 */
export function copiedAnnotations(
  deployment: Record<string, string> | undefined,
  rs: Record<string, string> | undefined,
): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const [key, value] of Object.entries(deployment ?? {}))
    if (!ANNOTATIONS_NOT_COPIED.has(key) && rs?.[key] !== value) missing[key] = value;
  return missing;
}
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** resolveIntOrPercent turns `25%` of total into a count, rounding up or down. */
function resolveIntOrPercent(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const percent = Number(value.replace('%', ''));
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * resolveFenceposts (deployment/util ResolveFenceposts): surge rounds up, unavailable rounds
 * down, and if both come out 0 unavailable becomes 1 so the rollout can move. With 10 replicas
 * and 25%/25%: surge 3, unavailable 2. With 3: surge 1, unavailable 0.
 */
export function resolveFenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const rolling = d.spec.strategy.rollingUpdate;
  const maxSurge = resolveIntOrPercent(rolling?.maxSurge, d.spec.replicas, true);
  let maxUnavailable = resolveIntOrPercent(rolling?.maxUnavailable, d.spec.replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** templateWithoutHash strips pod-template-hash so an RS's template can be compared to the Deployment's. */
function templateWithoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...template.metadata.labels };
  delete labels[POD_TEMPLATE_HASH];
  return { ...template, metadata: { ...template.metadata, labels } };
}

/** equalIgnoreHash reports whether two templates are the same but for pod-template-hash. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return canonical(templateWithoutHash(a)) === canonical(templateWithoutHash(b));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}

export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);
}

export function replicasOf(list: ReplicaSet[]): number {
  return list.reduce((sum, rs) => sum + rs.spec.replicas, 0);
}

export function availableOf(list: ReplicaSet[]): number {
  return list.reduce((sum, rs) => sum + (rs.status.availableReplicas ?? 0), 0);
}
