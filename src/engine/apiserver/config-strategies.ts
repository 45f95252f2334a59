import type {
  ConfigMap,
  HTTPIngressPath,
  Ingress,
  PolicyRule,
  Role,
  RoleBinding,
  Secret,
} from '../api/config-types';
import type { KubeObject } from '../api/types';
import type { FieldError } from './errors';
import type { Strategy } from './strategies';
import { isDNS1123Subdomain, validateObjectMeta } from './validation';

/**
 * Strategies for configuration and access objects (registry/core/{configmap,secret,
 * serviceaccount}, registry/rbac, registry/networking/ingress): stored and checked as the API
 * server does; what they mean (mounts, authorisation, routing) is up to their consumers.
 */

const RBAC_GROUP = 'rbac.authorization.k8s.io';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** isConfigMapKey is validation.IsConfigMapKey, shared by ConfigMap and Secret keys. */
function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) errs.push(CONFIG_KEY_MESSAGE);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function validateKeys(field: string, data: Record<string, string> | undefined): FieldError[] {
  return Object.keys(data ?? {})
    .sort()
    .flatMap((key) =>
      isConfigMapKey(key).map((detail): FieldError => ({
        type: 'Invalid',
        field: `${field}[${key}]`,
        value: key,
        detail,
      })),
    );
}

/** isValidPathSegmentName is what RBAC objects' names must be (ValidateRBACName). */
function isValidPathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const illegal of ['/', '%']) {
    if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  }
  return errs;
}

const nameIsSubdomain = (obj: KubeObject) => validateObjectMeta(obj, isDNS1123Subdomain);

/** base64 encodes UTF-8 text as Go's base64.StdEncoding does (stringData becomes data). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63]! : '=';
  }
  return out;
}

const configMapStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate() {},
  validate(obj) {
    const cm = obj as ConfigMap;
    const errs = [
      ...nameIsSubdomain(obj),
      ...validateKeys('data', cm.data),
      ...validateKeys('binaryData', cm.binaryData),
    ];
    for (const key of Object.keys(cm.data ?? {}).sort()) {
      if (cm.binaryData && key in cm.binaryData)
        errs.push({
          type: 'Invalid',
          field: `data[${key}]`,
          value: key,
          detail: 'duplicate of key present in binaryData',
        });
    }
    return errs;
  },
};

const secretStrategy: Strategy = {
  applyDefaults(obj) {
    const secret = obj as Secret;
    secret.type ||= 'Opaque';
    // stringData is write-only: the v1 conversion folds it into data, overriding equal keys.
    if (secret.stringData) {
      const encoded = Object.entries(secret.stringData).map(([k, v]) => [k, base64(v)]);
      secret.data = { ...secret.data, ...Object.fromEntries(encoded) };
      delete secret.stringData;
    }
  },
  prepareForCreate() {},
  validate: (obj) => [...nameIsSubdomain(obj), ...validateKeys('data', (obj as Secret).data)],
  validateUpdate(obj, old) {
    const [type, oldType] = [(obj as Secret).type, (old as Secret).type];
    return type === oldType
      ? []
      : [{ type: 'Invalid', field: 'type', value: type, detail: 'field is immutable' }];
  },
};

const serviceAccountStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate() {},
  validate: nameIsSubdomain,
};

/** validatePolicyRule is ValidatePolicyRule: verbs always, groups and resources unless URLs. */
function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((rule.verbs ?? []).length === 0)
    errs.push({
      type: 'Required',
      field: `${path}.verbs`,
      detail: 'verbs must contain at least one value',
    });
  const urls = rule.nonResourceURLs ?? [];
  if (urls.length > 0) {
    if (namespaced)
      errs.push({
        type: 'Invalid',
        field: `${path}.nonResourceURLs`,
        value: urls,
        detail: 'namespaced rules cannot apply to non-resource URLs',
      });
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0)
      errs.push({
        type: 'Invalid',
        field: `${path}.nonResourceURLs`,
        value: urls,
        detail: 'rules cannot apply to both regular resources and non-resource URLs',
      });
    return errs;
  }
  if ((rule.apiGroups ?? []).length === 0)
    errs.push({
      type: 'Required',
      field: `${path}.apiGroups`,
      detail: 'resource rules must supply at least one api group',
    });
  if ((rule.resources ?? []).length === 0)
    errs.push({
      type: 'Required',
      field: `${path}.resources`,
      detail: 'resource rules must supply at least one resource',
    });
  return errs;
}

const roleStrategy = (namespaced: boolean): Strategy => ({
  applyDefaults() {},
  prepareForCreate() {},
  validate: (obj) => [
    ...validateObjectMeta(obj, isValidPathSegmentName),
    ...((obj as Role).rules ?? []).flatMap((rule, i) =>
      validatePolicyRule(rule, namespaced, `rules[${i}]`),
    ),
  ],
});

/** validateBinding is ValidateRoleBinding / ValidateClusterRoleBinding. */
function validateBinding(binding: RoleBinding, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = binding.roleRef ?? { apiGroup: '', kind: '', name: '' };
  if (ref.apiGroup !== RBAC_GROUP)
    errs.push({
      type: 'NotSupported',
      field: 'roleRef.apiGroup',
      value: ref.apiGroup ?? '',
      supported: [RBAC_GROUP],
    });
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind))
    errs.push({
      type: 'NotSupported',
      field: 'roleRef.kind',
      value: ref.kind ?? '',
      supported: kinds,
    });
  if (!ref.name) errs.push({ type: 'Required', field: 'roleRef.name' });
  else
    for (const detail of isValidPathSegmentName(ref.name))
      errs.push({ type: 'Invalid', field: 'roleRef.name', value: ref.name, detail });
  (binding.subjects ?? []).forEach((subject, i) => {
    const path = `subjects[${i}]`;
    if (!subject.name) errs.push({ type: 'Required', field: `${path}.name` });
    switch (subject.kind) {
      case 'ServiceAccount':
        if (subject.apiGroup)
          errs.push({
            type: 'NotSupported',
            field: `${path}.apiGroup`,
            value: subject.apiGroup,
            supported: [''],
          });
        if (!namespaced && !subject.namespace)
          errs.push({ type: 'Required', field: `${path}.namespace` });
        break;
      case 'User':
      case 'Group':
        if (subject.apiGroup !== RBAC_GROUP)
          errs.push({
            type: 'NotSupported',
            field: `${path}.apiGroup`,
            value: subject.apiGroup ?? '',
            supported: [RBAC_GROUP],
          });
        break;
      default:
        errs.push({
          type: 'NotSupported',
          field: `${path}.kind`,
          value: subject.kind ?? '',
          supported: ['ServiceAccount', 'User', 'Group'],
        });
    }
  });
  return errs;
}

const bindingStrategy = (namespaced: boolean): Strategy => ({
  applyDefaults() {},
  prepareForCreate() {},
  validate: (obj) => [
    ...validateObjectMeta(obj, isValidPathSegmentName),
    ...validateBinding(obj as RoleBinding, namespaced),
  ],
});

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

/** validateIngressPath is validateHTTPIngressPath: a path type, absolute paths, a backend port. */
function validateIngressPath(p: HTTPIngressPath, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.pathType === undefined)
    errs.push({
      type: 'Required',
      field: `${path}.pathType`,
      detail: 'pathType must be specified',
    });
  else if (!PATH_TYPES.includes(p.pathType))
    errs.push({
      type: 'NotSupported',
      field: `${path}.pathType`,
      value: p.pathType,
      supported: PATH_TYPES,
    });
  else if (p.pathType !== 'ImplementationSpecific' && !(p.path ?? '').startsWith('/'))
    errs.push({
      type: 'Invalid',
      field: `${path}.path`,
      value: p.path ?? '',
      detail: 'must be an absolute path',
    });
  const service = p.backend?.service;
  if (service) {
    if (!service.name) errs.push({ type: 'Required', field: `${path}.backend.service.name` });
    const port = service.port;
    if (!port || (port.name === undefined && port.number === undefined))
      errs.push({
        type: 'Invalid',
        field: `${path}.backend.service.port`,
        value: '',
        detail: 'port name or number is required',
      });
  } else if (!p.backend?.resource) {
    errs.push({
      type: 'Invalid',
      field: `${path}.backend`,
      value: '',
      detail: 'resource or service must be specified',
    });
  }
  return errs;
}

const ingressStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate(obj) {
    (obj as Ingress).status = { loadBalancer: {} };
  },
  validate(obj) {
    const ingress = obj as Ingress;
    return [
      ...nameIsSubdomain(obj),
      ...(ingress.spec?.rules ?? []).flatMap((rule, i) =>
        (rule.http?.paths ?? []).flatMap((p, j) =>
          validateIngressPath(p, `spec.rules[${i}].http.paths[${j}]`),
        ),
      ),
    ];
  },
};

export const CONFIG_STRATEGIES: Record<string, Strategy> = {
  configmaps: configMapStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy,
  roles: roleStrategy(true),
  clusterroles: roleStrategy(false),
  rolebindings: bindingStrategy(true),
  clusterrolebindings: bindingStrategy(false),
  ingresses: ingressStrategy,
};
