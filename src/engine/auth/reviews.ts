import type { AnyObject } from '../api/types';
import type { RBACAuthorizer } from './rbac';
import type { UserInfo } from './user';

/**
 * The authorization.k8s.io review resources `kubectl auth can-i` creates: never stored, answered
 * at once by the authorizer for the requesting user.
 */
export const REVIEW_RESOURCES = [
  'selfsubjectaccessreviews',
  'selfsubjectrulesreviews',
  'selfsubjectreviews',
];

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

/** answerReview fills in a review's status for user. */
export function answerReview(
  resource: string,
  body: AnyObject,
  user: UserInfo,
  authorizer: RBACAuthorizer,
): AnyObject {
  const spec = (body.spec ?? {}) as {
    resourceAttributes?: ResourceAttributes;
    namespace?: string;
  };
  if (resource === 'selfsubjectreviews') {
    return {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'SelfSubjectReview',
      metadata: {},
      status: { userInfo: { username: user.name, groups: user.groups } },
    };
  }
  const kind =
    resource === 'selfsubjectaccessreviews' ? 'SelfSubjectAccessReview' : 'SelfSubjectRulesReview';
  const answer = { apiVersion: 'authorization.k8s.io/v1', kind, metadata: {}, spec };
  if (resource === 'selfsubjectaccessreviews') {
    const attrs = spec.resourceAttributes ?? {};
    const decision = authorizer.authorize({
      user,
      verb: attrs.verb ?? '',
      apiGroup: attrs.group ?? '',
      resource: attrs.resource ?? '',
      subresource: attrs.subresource || undefined,
      namespace: attrs.namespace || undefined,
      name: attrs.name || undefined,
    });
    return {
      ...answer,
      status: {
        allowed: decision.allowed,
        ...(decision.reason ? { reason: decision.reason } : {}),
      },
    };
  }
  const { rules, errors } = authorizer.rulesFor(user, spec.namespace);
  return {
    ...answer,
    status: {
      resourceRules: rules
        .filter((r) => !r.nonResourceURLs?.length)
        .map((r) => ({
          verbs: r.verbs ?? [],
          apiGroups: r.apiGroups ?? [],
          resources: r.resources ?? [],
          ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}),
        })),
      nonResourceRules: rules
        .filter((r) => r.nonResourceURLs?.length)
        .map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs ?? [] })),
      incomplete: errors.length > 0,
      ...(errors.length > 0 ? { evaluationError: errors.join(', ') } : {}),
    },
  };
}
