/** Who a request comes from, as the API server's authenticators resolve it (user.Info). */
export interface UserInfo {
  name: string;
  groups: string[];
}

export const SYSTEM_MASTERS = 'system:masters';
export const SYSTEM_AUTHENTICATED = 'system:authenticated';
/** The group kubeadm (1.29+) puts admin.conf's user in, bound to cluster-admin. */
export const KUBEADM_CLUSTER_ADMINS = 'kubeadm:cluster-admins';

const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/** adminUser is the identity in the kubeconfig each preset writes for its learner. */
export function adminUser(preset: string): UserInfo {
  return preset === 'minikube'
    ? { name: 'minikube-user', groups: [SYSTEM_MASTERS, SYSTEM_AUTHENTICATED] }
    : { name: 'kubernetes-admin', groups: [KUBEADM_CLUSTER_ADMINS, SYSTEM_AUTHENTICATED] };
}

/**
 * impersonatedUser is who `--as` and `--as-group` make a request come from: a service account's
 * username (system:serviceaccount:ns:name) also joins its groups, as the impersonation filter
 * does, and everyone is system:authenticated.
 */
export function impersonatedUser(name: string, groups: string[] = []): UserInfo {
  const all = [...groups];
  const sa = parseServiceAccount(name);
  if (sa && groups.length === 0)
    all.push('system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`);
  if (!all.includes(SYSTEM_AUTHENTICATED)) all.push(SYSTEM_AUTHENTICATED);
  return { name, groups: all };
}

/** parseServiceAccount splits system:serviceaccount:<ns>:<name>, or returns undefined. */
export function parseServiceAccount(
  username: string,
): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const [namespace, name, ...rest] = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
  if (!namespace || !name || rest.length > 0) return undefined;
  return { namespace, name };
}
