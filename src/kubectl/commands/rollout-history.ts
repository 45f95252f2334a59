import type { ApiResponse, Deployment, ReplicaSet, ResourceInfo } from '../../engine';
import { request, type Context, type Op, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { tabwrite } from '../printers/tabwriter';
import { named, namespaceOf, resourceTargets } from './targets';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH_LABEL = 'pod-template-hash';

/** deploymentTarget reads the one Deployment a rollout subcommand names. */
function deploymentTarget(ctx: Context, args: string[]): { info: ResourceInfo; name: string } {
  const targets = resourceTargets(ctx, args, 'error: required resource not specified');
  const { info, names } = targets[0]!;
  if (names.length === 0) throw new KubectlError('error: required resource not specified');
  if (info.kind !== 'Deployment') {
    throw new KubectlError(
      `error: no history viewer has been implemented for ${info.group ? `${info.kind}.${info.group}` : info.kind}`,
    );
  }
  return { info, name: names[0]! };
}

/** revisions lists the Deployment's ReplicaSets by revision (deploymentutil.GetAllReplicaSets). */
function* revisions(d: Deployment): Generator<Op, ReplicaSet[], ApiResponse | undefined> {
  const res = yield* request({
    verb: 'list',
    resource: 'replicasets',
    namespace: d.metadata.namespace,
  });
  if (!res.ok) throw new KubectlError(formatStatusError(res.error));
  return ((res.result.items ?? []) as ReplicaSet[])
    .filter((rs) =>
      rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller),
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? 0);

function* getDeployment(
  ctx: Context,
  info: ResourceInfo,
  name: string,
): Generator<Op, Deployment, ApiResponse | undefined> {
  const res = yield* request({
    verb: 'get',
    resource: info.resource,
    namespace: namespaceOf(ctx, info),
    name,
  });
  if (!res.ok) throw new KubectlError(formatStatusError(res.error));
  return res.result.object as Deployment;
}

/** rolloutHistory prints `REVISION  CHANGE-CAUSE` as kubectl's DeploymentHistoryViewer does. */
export function* rolloutHistory(ctx: Context, args: string[]): Task {
  const { info, name } = deploymentTarget(ctx, args);
  const d = yield* getDeployment(ctx, info, name);
  const sets = yield* revisions(d);
  if (ctx.flags.has('revision') && ctx.flags.string('revision') !== '0') {
    throw new KubectlError('error: printing a single revision is not available in Kubeloop yet');
  }
  const rows = sets
    .filter((rs) => revisionOf(rs) > 0)
    .map((rs) => `${revisionOf(rs)}\t${rs.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>'}\n`);
  // The header line ends with a space, and the table with an empty line, as kubectl prints them.
  ctx.out.push(`${info.singular === 'deployment' ? 'deployment.apps' : info.singular}/${name} \n`);
  ctx.out.push(`${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, 0, 2)}\n`);
}

/**
 * rolloutUndo puts an earlier ReplicaSet's pod template back into the Deployment
 * (DeploymentRollbacker): the previous revision, or --to-revision; the controller then reuses
 * that ReplicaSet under a new revision number.
 */
export function* rolloutUndo(ctx: Context, args: string[]): Task {
  const { info, name } = deploymentTarget(ctx, args);
  const d = yield* getDeployment(ctx, info, name);
  if (d.spec.paused) {
    throw new KubectlError(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  const sets = yield* revisions(d);
  const wanted = Number(ctx.flags.string('to-revision', '0'));
  const current = Number(d.metadata.annotations?.[REVISION] ?? 0);
  let target: ReplicaSet | undefined;
  if (wanted === 0) {
    const older = sets.filter((rs) => revisionOf(rs) > 0 && revisionOf(rs) < current);
    target = older[older.length - 1];
    if (!target) throw new KubectlError(`error: no rollout history found for deployment "${name}"`);
  } else {
    target = sets.find((rs) => revisionOf(rs) === wanted);
    if (!target)
      throw new KubectlError(`error: unable to find specified revision ${wanted} in history`);
  }
  const template = structuredClone(target.spec.template);
  const labels = { ...template.metadata.labels };
  delete labels[HASH_LABEL];
  template.metadata = { ...template.metadata, labels };
  if (JSON.stringify(template) === JSON.stringify(d.spec.template)) {
    ctx.out.push(
      named(
        info,
        name,
        `skipped rollback (current template already matches revision ${revisionOf(target)})`,
      ),
    );
    return;
  }
  // kubectl replaces the whole template (a JSON patch); an update of the object read does the same.
  const res = yield* request({
    verb: 'update',
    resource: info.resource,
    namespace: namespaceOf(ctx, info),
    name,
    body: { ...d, spec: { ...d.spec, template } } as Deployment,
  });
  if (!res.ok) throw new KubectlError(formatStatusError(res.error));
  ctx.out.push(named(info, name, 'rolled back'));
}

/** rolloutPause / rolloutResume set spec.paused. */
export function* rolloutPause(ctx: Context, args: string[], paused: boolean): Task {
  const { info, name } = deploymentTarget(ctx, args);
  const d = yield* getDeployment(ctx, info, name);
  if (Boolean(d.spec.paused) === paused) {
    throw new KubectlError(
      `error: deployments.apps "${name}" is ${paused ? 'already paused' : 'not paused'}`,
    );
  }
  const res = yield* request({
    verb: 'patch',
    resource: info.resource,
    namespace: namespaceOf(ctx, info),
    name,
    patchType: 'merge',
    patch: { spec: { paused: paused ? true : null } },
  });
  if (!res.ok) throw new KubectlError(formatStatusError(res.error));
  ctx.out.push(named(info, name, paused ? 'paused' : 'resumed'));
}
