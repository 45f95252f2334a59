import type { KubeObject } from '../api/types';
import type { FieldError } from '../apiserver/errors';
import type { Strategy } from '../apiserver/strategies';
import { isDNS1123Subdomain, validateObjectMeta } from '../apiserver/validation';
import { parseCidr } from './addresses';
import type {
  IngressClass,
  IPAddressPool,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from './types';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const CIDR_DETAIL = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** validatePort is ValidateNetworkPolicyPort: a known protocol, a port in range, endPort after it. */
function validatePort(port: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol))
    errs.push({
      type: 'NotSupported',
      field: `${path}.protocol`,
      value: port.protocol,
      supported: PROTOCOLS,
    });
  if (typeof port.port === 'number') {
    if (port.port < 1 || port.port > 65535)
      errs.push({
        type: 'Invalid',
        field: `${path}.port`,
        value: port.port,
        detail: 'must be between 1 and 65535, inclusive',
      });
    if (port.endPort !== undefined && port.endPort < port.port)
      errs.push({
        type: 'Invalid',
        field: `${path}.endPort`,
        value: port.endPort,
        detail: 'must be greater than or equal to `port`',
      });
  } else if (port.endPort !== undefined) {
    errs.push({
      type: 'Invalid',
      field: `${path}.endPort`,
      value: port.endPort,
      detail: 'may not be specified when `port` is non-numeric',
    });
  }
  return errs;
}

/** validatePeer is ValidateNetworkPolicyPeer: exactly one kind of peer, a parseable ipBlock. */
function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const selectors = (peer.podSelector ? 1 : 0) + (peer.namespaceSelector ? 1 : 0);
  if (selectors === 0 && !peer.ipBlock)
    return [{ type: 'Required', field: path, detail: 'must specify a peer' }];
  const errs: FieldError[] =
    selectors > 0 && peer.ipBlock
      ? [
          {
            type: 'Forbidden',
            field: path,
            detail: 'may not specify both ipBlock and another peer',
          },
        ]
      : [];
  if (!peer.ipBlock) return errs;
  return [...errs, ...validateIPBlock(peer.ipBlock, path)];
}

/** validateIPBlock is ValidateIPBlock: a CIDR, and exceptions strictly inside it. */
function validateIPBlock(block: { cidr: string; except?: string[] }, path: string): FieldError[] {
  if (!block.cidr) return [{ type: 'Required', field: `${path}.ipBlock.cidr`, detail: '' }];
  const cidr = parseCidr(block.cidr);
  if (!cidr)
    return [
      {
        type: 'Invalid',
        field: `${path}.ipBlock.cidr`,
        value: block.cidr,
        detail: CIDR_DETAIL,
      },
    ];
  return (block.except ?? []).flatMap((except, i): FieldError[] => {
    const field = `${path}.ipBlock.except[${i}]`;
    const inner = parseCidr(except);
    if (!inner) return [{ type: 'Invalid', field, value: except, detail: CIDR_DETAIL }];
    const inside = inner.bits >= cidr.bits && (inner.base & cidr.mask) >>> 0 === cidr.base;
    return inside
      ? []
      : [{ type: 'Invalid', field, value: except, detail: 'must be a strict subset of `cidr`' }];
  });
}

/** validateNetworkPolicy is ValidateNetworkPolicySpec over every rule, port and peer. */
export function validateNetworkPolicy(policy: NetworkPolicy): FieldError[] {
  const spec = policy.spec ?? { podSelector: {} };
  const errs: FieldError[] = [];
  (spec.ingress ?? []).forEach((rule, i) => {
    const path = `spec.ingress[${i}]`;
    (rule.ports ?? []).forEach((p, j) => errs.push(...validatePort(p, `${path}.ports[${j}]`)));
    (rule.from ?? []).forEach((p, j) => errs.push(...validatePeer(p, `${path}.from[${j}]`)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    const path = `spec.egress[${i}]`;
    (rule.ports ?? []).forEach((p, j) => errs.push(...validatePort(p, `${path}.ports[${j}]`)));
    (rule.to ?? []).forEach((p, j) => errs.push(...validatePeer(p, `${path}.to[${j}]`)));
  });
  (spec.policyTypes ?? []).forEach((type, i) => {
    if (type !== 'Ingress' && type !== 'Egress')
      errs.push({
        type: 'NotSupported',
        field: `spec.policyTypes[${i}]`,
        value: type,
        supported: ['Egress', 'Ingress'],
      });
  });
  if ((spec.policyTypes ?? []).length > 2)
    errs.push({
      type: 'Invalid',
      field: 'spec.policyTypes',
      value: spec.policyTypes,
      detail: 'may not specify more than two policyTypes',
    });
  return errs;
}

const networkPolicyStrategy: Strategy = {
  /** SetDefaults_NetworkPolicy: TCP ports; Ingress always, Egress when egress rules exist. */
  applyDefaults(obj) {
    const policy = obj as NetworkPolicy;
    policy.spec ??= { podSelector: {} };
    policy.spec.podSelector ??= {};
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])])
      for (const port of rule.ports ?? []) port.protocol ??= 'TCP';
    if (!policy.spec.policyTypes || policy.spec.policyTypes.length === 0)
      policy.spec.policyTypes =
        (policy.spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  },
  prepareForCreate() {},
  validate: (obj) => [
    ...validateObjectMeta(obj, isDNS1123Subdomain),
    ...validateNetworkPolicy(obj as NetworkPolicy),
  ],
};

/** MetalLB's CRDs default autoAssign and avoidBuggyIPs through their OpenAPI schema. */
const ipAddressPoolStrategy: Strategy = {
  applyDefaults(obj) {
    const pool = obj as IPAddressPool;
    pool.spec ??= { addresses: [] };
    pool.spec.autoAssign ??= true;
    pool.spec.avoidBuggyIPs ??= false;
  },
  prepareForCreate(obj: KubeObject) {
    (obj as KubeObject & { status?: object }).status = {};
  },
  validate: (obj) => {
    const pool = obj as IPAddressPool;
    const errs = validateObjectMeta(obj, isDNS1123Subdomain);
    if (!Array.isArray(pool.spec.addresses) || pool.spec.addresses.length === 0)
      errs.push({ type: 'Required', field: 'spec.addresses' });
    return errs;
  },
};

const l2AdvertisementStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate(obj: KubeObject) {
    (obj as KubeObject & { status?: object }).status = {};
  },
  validate: (obj) => validateObjectMeta(obj, isDNS1123Subdomain),
};

/** CONTROLLER_PATTERN: an IngressClass's controller is a domain-prefixed path (k8s.io/ingress-nginx). */
const CONTROLLER_PATTERN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[^/]+/;

const ingressClassStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate() {},
  validate(obj) {
    const ic = obj as IngressClass;
    const errs = validateObjectMeta(obj, isDNS1123Subdomain);
    const controller = ic.spec?.controller ?? '';
    if (controller === '') errs.push({ type: 'Required', field: 'spec.controller' });
    else if (!CONTROLLER_PATTERN.test(controller))
      errs.push({
        type: 'Invalid',
        field: 'spec.controller',
        value: controller,
        detail: 'must be a domain-prefixed path (such as "acme.io/foo")',
      });
    return errs;
  },
};

/**
 * Add-on plumbing stored as written: a CustomResourceDefinition (its kinds are served by the
 * table in resources.ts when kubeloop models them) and a webhook configuration (no webhook is
 * called: the add-ons' webhooks only validate their own custom resources).
 */
const storedAsWritten: Strategy = {
  applyDefaults() {},
  prepareForCreate(obj: KubeObject) {
    if (obj.kind === 'CustomResourceDefinition')
      (obj as KubeObject & { status?: object }).status = {
        acceptedNames: (obj as KubeObject & { spec?: { names?: object } }).spec?.names ?? {},
        conditions: [],
        storedVersions: [],
      };
  },
  validate: (obj) => validateObjectMeta(obj, isDNS1123Subdomain),
};

/** The registry strategies of the network kinds, merged into the API server's table. */
export const NETWORK_STRATEGIES: Record<string, Strategy> = {
  customresourcedefinitions: storedAsWritten,
  validatingwebhookconfigurations: storedAsWritten,
  ingressclasses: ingressClassStrategy,
  networkpolicies: networkPolicyStrategy,
  ipaddresspools: ipAddressPoolStrategy,
  l2advertisements: l2AdvertisementStrategy,
};
