import type { Context, Task } from '../context';
import { KubectlError } from '../errors';
import { requireResource } from '../resources';
import { emitObject, meta, requireName } from './create-config';

/**
 * `kubectl create role|clusterrole|rolebinding|clusterrolebinding`, built as create_role.go,
 * create_clusterrole.go, create_rolebinding.go and create_clusterrolebinding.go do.
 */

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RBAC_VERSION = `${RBAC_GROUP}/v1`;
/** validResourceVerbs: anything else is allowed, with a warning. */
const STANDARD_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];

/** splitList reads a StringSlice flag: repeated, and comma-separated within each use. */
const splitList = (ctx: Context, flag: string) =>
  ctx.flags.strings(flag).flatMap((v) => v.split(',').filter((s) => s !== ''));

/** policyRules groups --resource by API group (sorted), one rule each, as create_role.go does. */
function policyRules(ctx: Context): Record<string, unknown>[] {
  const verbs: string[] = [];
  for (const verb of splitList(ctx, 'verb')) {
    if (verb === '*') {
      verbs.splice(0, verbs.length, '*');
      break;
    }
    if (!verbs.includes(verb)) verbs.push(verb);
  }
  if (verbs.length === 0) throw new KubectlError('error: at least one verb must be specified');
  const resources = splitList(ctx, 'resource');
  if (resources.length === 0)
    throw new KubectlError('error: at least one resource must be specified');
  for (const verb of verbs) {
    if (!STANDARD_VERBS.includes(verb))
      ctx.err.push(`Warning: '${verb}' is not a standard resource verb`);
  }
  const byGroup = new Map<string, string[]>();
  for (const word of resources) {
    const slash = word.indexOf('/');
    const [typed, sub] = slash < 0 ? [word, ''] : [word.slice(0, slash), word.slice(slash)];
    const info = requireResource(typed);
    byGroup.set(info.group, [...(byGroup.get(info.group) ?? []), info.resource + sub]);
  }
  const names = ctx.flags.strings('resource-name');
  return [...byGroup.keys()].sort().map((group) => {
    const rule: Record<string, unknown> = {
      verbs,
      apiGroups: [group],
      resources: byGroup.get(group),
    };
    if (names.length > 0) rule.resourceNames = names;
    return rule;
  });
}

function* createRoleKind(ctx: Context, args: string[], kind: 'Role' | 'ClusterRole'): Task {
  const command = kind.toLowerCase();
  const name = requireName(args, command);
  const role = {
    apiVersion: RBAC_VERSION,
    kind,
    metadata: meta(name),
    rules: policyRules(ctx),
  };
  yield* emitObject(
    ctx,
    role,
    kind === 'Role' ? 'roles' : 'clusterroles',
    `${command}.${RBAC_GROUP}`,
    name,
  );
}

export const createRole = (ctx: Context, args: string[]) => createRoleKind(ctx, args, 'Role');
export const createClusterRole = (ctx: Context, args: string[]) =>
  createRoleKind(ctx, args, 'ClusterRole');

/** subjects lists --user, --group, then --serviceaccount (namespace:name), in that order. */
function subjects(ctx: Context): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [
    ...ctx.flags.strings('user').map((name) => ({ kind: 'User', apiGroup: RBAC_GROUP, name })),
    ...ctx.flags.strings('group').map((name) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name })),
  ];
  for (const sa of ctx.flags.strings('serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || parts[1] === '')
      throw new KubectlError('error: serviceaccount must be <namespace>:<name>');
    list.push({ kind: 'ServiceAccount', namespace: parts[0], name: parts[1] });
  }
  return list;
}

function* createBindingKind(
  ctx: Context,
  args: string[],
  kind: 'RoleBinding' | 'ClusterRoleBinding',
): Task {
  const command = kind.toLowerCase();
  const name = requireName(args, command);
  const role = ctx.flags.string('role');
  const clusterRole = ctx.flags.string('clusterrole');
  if (kind === 'RoleBinding' && (role === '') === (clusterRole === ''))
    throw new KubectlError('error: exactly one of clusterrole or role must be specified');
  const binding: Record<string, unknown> = {
    apiVersion: RBAC_VERSION,
    kind,
    metadata: meta(name),
    roleRef: {
      apiGroup: RBAC_GROUP,
      kind: role !== '' ? 'Role' : 'ClusterRole',
      name: role !== '' ? role : clusterRole,
    },
  };
  const list = subjects(ctx);
  if (list.length > 0) binding.subjects = list;
  yield* emitObject(
    ctx,
    binding,
    kind === 'RoleBinding' ? 'rolebindings' : 'clusterrolebindings',
    `${command}.${RBAC_GROUP}`,
    name,
  );
}

export const createRoleBinding = (ctx: Context, args: string[]) =>
  createBindingKind(ctx, args, 'RoleBinding');
export const createClusterRoleBinding = (ctx: Context, args: string[]) =>
  createBindingKind(ctx, args, 'ClusterRoleBinding');
