import type { PolicyRule, Role, RoleBinding, Subject } from '../api/config-types';
import type { KubeObject } from '../api/types';
import { parseServiceAccount, SYSTEM_MASTERS, type UserInfo } from './user';

/** What the authorizer is asked (authorizer.Attributes) for a resource request. */
export interface Attributes {
  user: UserInfo;
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface Decision {
  allowed: boolean;
  /** why not, when a binding pointed at a role that does not exist (`RBAC: role... not found`) */
  reason: string;
}

/** The storage the authorizer reads roles and bindings from (the API server's informer caches). */
export interface PolicyReader {
  get(key: string): { value: KubeObject } | undefined;
  range(prefix: string): { value: KubeObject }[];
}

/**
 * RBACAuthorizer (plugin/pkg/auth/authorizer/rbac) allows a request when any rule of a role
 * bound to the user allows it: ClusterRoleBindings everywhere, RoleBindings in their namespace.
 * Members of system:masters are allowed before RBAC is asked (the privileged-group authorizer).
 */
export class RBACAuthorizer {
  constructor(private readonly store: PolicyReader) {}

  authorize(attrs: Attributes): Decision {
    if (attrs.user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: '' };
    const { rules, errors } = this.rulesFor(attrs.user, attrs.namespace);
    const allowed = rules.some((r) => ruleAllows(r, attrs));
    return { allowed, reason: allowed || errors.length === 0 ? '' : `RBAC: ${joinErrors(errors)}` };
  }

  /**
   * rulesFor lists every rule that applies to the user in a namespace (what a
   * SelfSubjectRulesReview answers), with the errors of bindings whose role is missing.
   */
  rulesFor(user: UserInfo, namespace?: string): { rules: PolicyRule[]; errors: string[] } {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    const collect = (binding: RoleBinding, bindingNamespace?: string) => {
      if (!(binding.subjects ?? []).some((s) => appliesTo(user, s, bindingNamespace))) return;
      const ref = binding.roleRef;
      const key =
        ref.kind === 'Role'
          ? `/registry/roles/${bindingNamespace}/${ref.name}`
          : `/registry/clusterroles/${ref.name}`;
      const role = this.store.get(key)?.value as Role | undefined;
      if (!role) {
        errors.push(
          ref.kind === 'Role'
            ? `role.rbac.authorization.k8s.io "${ref.name}" not found`
            : `clusterrole.rbac.authorization.k8s.io "${ref.name}" not found`,
        );
        return;
      }
      rules.push(...(role.rules ?? []));
    };
    for (const { value } of this.store.range('/registry/clusterrolebindings/'))
      collect(value as RoleBinding);
    if (namespace) {
      for (const { value } of this.store.range(`/registry/rolebindings/${namespace}/`))
        collect(value as RoleBinding, namespace);
    }
    return { rules, errors };
  }
}

/** appliesTo is rbac's appliesToUser: a User by name, a Group by membership, a ServiceAccount by its username. */
function appliesTo(user: UserInfo, subject: Subject, bindingNamespace?: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const sa = parseServiceAccount(user.name);
      const namespace = subject.namespace || bindingNamespace;
      return sa !== undefined && sa.name === subject.name && sa.namespace === namespace;
    }
    default:
      return false;
  }
}

const has = (list: string[] | undefined, value: string) =>
  (list ?? []).includes('*') || (list ?? []).includes(value);

/** ruleAllows is RuleAllows: verb, group, resource (with subresource) and, if listed, the name. */
export function ruleAllows(rule: PolicyRule, attrs: Omit<Attributes, 'user'>): boolean {
  if (!has(rule.verbs, attrs.verb)) return false;
  if (!has(rule.apiGroups, attrs.apiGroup)) return false;
  const resources = rule.resources ?? [];
  const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const resourceOk =
    resources.includes('*') ||
    resources.includes(combined) ||
    (attrs.subresource !== undefined && resources.includes(`*/${attrs.subresource}`));
  if (!resourceOk) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (attrs.name !== undefined && names.includes(attrs.name));
}

/** joinErrors prints an aggregate error as utilerrors does: one alone, several in brackets. */
function joinErrors(errors: string[]): string {
  return errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
}

/**
 * forbiddenMessage is the API server's refusal (responsewriters.forbiddenMessage), after the
 * resource: `User "alice" cannot list resource "pods" in API group "" in the namespace "default"`.
 */
export function forbiddenMessage(attrs: Attributes): string {
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const who = `User "${attrs.user.name}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}"`;
  return attrs.namespace
    ? `${who} in the namespace "${attrs.namespace}"`
    : `${who} at the cluster scope`;
}
