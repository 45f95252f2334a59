import { describe, expect, it } from 'vitest';
import type { PolicyRule } from '../api/config-types';
import type { KubeObject } from '../api/types';
import { bootstrapPolicy } from './bootstrap-policy';
import { forbiddenMessage, RBACAuthorizer, ruleAllows, type Attributes } from './rbac';
import { adminUser, impersonatedUser, parseServiceAccount } from './user';

const RBAC = 'rbac.authorization.k8s.io';

/** store builds the authorizer's storage from objects, keyed as etcd keys them. */
function store(objects: KubeObject[]) {
  const prefix: Record<string, string> = {
    Role: '/registry/roles/',
    RoleBinding: '/registry/rolebindings/',
    ClusterRole: '/registry/clusterroles/',
    ClusterRoleBinding: '/registry/clusterrolebindings/',
  };
  const entries = new Map(
    objects.map((o) => [
      `${prefix[o.kind]}${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`,
      o,
    ]),
  );
  return {
    get: (key: string) => (entries.has(key) ? { value: entries.get(key)! } : undefined),
    range: (p: string) =>
      [...entries].filter(([k]) => k.startsWith(p)).map(([, value]) => ({ value })),
  };
}

const meta = (name: string, namespace?: string) =>
  ({
    name,
    namespace,
    uid: name,
    resourceVersion: '1',
    creationTimestamp: '',
  }) as KubeObject['metadata'];

const role = (name: string, namespace: string, rules: PolicyRule[]) =>
  ({
    apiVersion: `${RBAC}/v1`,
    kind: 'Role',
    metadata: meta(name, namespace),
    rules,
  }) as KubeObject;

const binding = (
  name: string,
  namespace: string | undefined,
  roleRef: { kind: string; name: string },
  subjects: { kind: string; name: string; namespace?: string }[],
) =>
  ({
    apiVersion: `${RBAC}/v1`,
    kind: namespace ? 'RoleBinding' : 'ClusterRoleBinding',
    metadata: meta(name, namespace),
    roleRef: { apiGroup: RBAC, ...roleRef },
    subjects: subjects.map((s) => ({ apiGroup: s.kind === 'ServiceAccount' ? '' : RBAC, ...s })),
  }) as unknown as KubeObject;

const policy = [
  ...(bootstrapPolicy('kubeadm') as unknown as KubeObject[]).map((o) => ({
    ...o,
    metadata: meta(o.metadata.name),
  })),
  role('pod-reader', 'dev', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
  role('one-config', 'dev', [
    { apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'], verbs: ['get'] },
  ]),
  binding('alice-reads', 'dev', { kind: 'Role', name: 'pod-reader' }, [
    { kind: 'User', name: 'alice' },
  ]),
  binding('alice-config', 'dev', { kind: 'Role', name: 'one-config' }, [
    { kind: 'User', name: 'alice' },
  ]),
  binding('ci-view', 'dev', { kind: 'ClusterRole', name: 'view' }, [
    { kind: 'ServiceAccount', name: 'ci', namespace: 'dev' },
  ]),
  binding('ops-edit', undefined, { kind: 'ClusterRole', name: 'edit' }, [
    { kind: 'Group', name: 'ops' },
  ]),
  binding('broken', 'dev', { kind: 'Role', name: 'missing' }, [{ kind: 'User', name: 'carol' }]),
];

describe('RBACAuthorizer.authorize', () => {
  const authorizer = new RBACAuthorizer(store(policy));
  const ask = (
    user: ReturnType<typeof impersonatedUser>,
    verb: string,
    resource: string,
    namespace?: string,
    extra: Partial<Attributes> = {},
  ) => authorizer.authorize({ user, verb, apiGroup: '', resource, namespace, ...extra });

  it.each([
    [
      'kubeadm admin (kubeadm:cluster-admins)',
      adminUser('kubeadm'),
      'delete',
      'nodes',
      undefined,
      true,
    ],
    ['minikube admin (system:masters)', adminUser('minikube'), 'delete', 'nodes', undefined, true],
    ['alice lists pods in dev', impersonatedUser('alice'), 'list', 'pods', 'dev', true],
    ['alice deletes pods in dev', impersonatedUser('alice'), 'delete', 'pods', 'dev', false],
    ['alice lists pods in default', impersonatedUser('alice'), 'list', 'pods', 'default', false],
    ['bob has nothing', impersonatedUser('bob'), 'list', 'pods', 'dev', false],
    [
      'bob in group ops may create pods anywhere',
      impersonatedUser('bob', ['ops']),
      'create',
      'pods',
      'prod',
      true,
    ],
    [
      'group ops may not read nodes',
      impersonatedUser('bob', ['ops']),
      'list',
      'nodes',
      undefined,
      false,
    ],
    [
      'sa dev:ci views in dev',
      impersonatedUser('system:serviceaccount:dev:ci'),
      'list',
      'services',
      'dev',
      true,
    ],
    [
      'sa dev:ci cannot read secrets (view)',
      impersonatedUser('system:serviceaccount:dev:ci'),
      'get',
      'secrets',
      'dev',
      false,
    ],
    [
      'sa other:ci is another account',
      impersonatedUser('system:serviceaccount:other:ci'),
      'list',
      'services',
      'dev',
      false,
    ],
  ])('%s', (_name, user, verb, resource, namespace, allowed) => {
    expect(ask(user, verb, resource, namespace).allowed).toBe(allowed);
  });

  it('lets every authenticated user ask what it may do (system:basic-user)', () => {
    const review = { apiGroup: 'authorization.k8s.io' };
    expect(
      ask(impersonatedUser('nobody'), 'create', 'selfsubjectaccessreviews', undefined, review),
    ).toEqual({ allowed: true, reason: '' });
  });

  it('honours resourceNames', () => {
    const alice = impersonatedUser('alice');
    expect(ask(alice, 'get', 'configmaps', 'dev', { name: 'app' }).allowed).toBe(true);
    expect(ask(alice, 'get', 'configmaps', 'dev', { name: 'other' }).allowed).toBe(false);
    expect(ask(alice, 'list', 'configmaps', 'dev').allowed).toBe(false);
  });

  it('names a binding whose role is missing in the reason', () => {
    expect(ask(impersonatedUser('carol'), 'get', 'pods', 'dev')).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "missing" not found',
    });
  });
});

describe('ruleAllows', () => {
  const base = { verb: 'get', apiGroup: 'apps', resource: 'deployments' };
  it.each([
    [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, base, true],
    [{ verbs: ['get'], apiGroups: [''], resources: ['deployments'] }, base, false],
    [
      { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] },
      { ...base, subresource: 'scale' },
      false,
    ],
    [
      { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments/scale'] },
      { ...base, subresource: 'scale' },
      true,
    ],
    [
      { verbs: ['get'], apiGroups: ['apps'], resources: ['*/scale'] },
      { ...base, subresource: 'scale' },
      true,
    ],
    [{ verbs: ['list'], apiGroups: ['apps'], resources: ['deployments'] }, base, false],
  ])('%j allows %j: %s', (rule, attrs, want) => expect(ruleAllows(rule, attrs)).toBe(want));
});

describe('forbiddenMessage', () => {
  const alice = impersonatedUser('alice');
  it.each([
    [
      { user: alice, verb: 'list', apiGroup: '', resource: 'pods', namespace: 'default' },
      'User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    ],
    [
      { user: alice, verb: 'list', apiGroup: '', resource: 'nodes' },
      'User "alice" cannot list resource "nodes" in API group "" at the cluster scope',
    ],
    [
      {
        user: alice,
        verb: 'create',
        apiGroup: '',
        resource: 'pods',
        subresource: 'exec',
        namespace: 'dev',
      },
      'User "alice" cannot create resource "pods/exec" in API group "" in the namespace "dev"',
    ],
  ])('%j', (attrs, want) => expect(forbiddenMessage(attrs)).toBe(want));
});

describe('users', () => {
  it('joins a service account to its groups', () => {
    expect(impersonatedUser('system:serviceaccount:dev:ci').groups).toEqual([
      'system:serviceaccounts',
      'system:serviceaccounts:dev',
      'system:authenticated',
    ]);
    expect(parseServiceAccount('system:serviceaccount:dev')).toBeUndefined();
  });
});
