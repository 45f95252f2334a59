import { matchesSelector } from '../api/labels';
import { parseQuantity } from '../api/quantity';
import type {
  Container,
  CronJob,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  JobSpec,
  KubeObject,
  LabelSelector,
  PodSpec,
  PodDisruptionBudget,
  PriorityClass,
  PodTemplateSpec,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../api/types';
import { GoLiteral, type FieldError } from './errors';

/**
 * Validation with the field paths and wording of apimachinery/pkg/util/validation and
 * pkg/apis/core/validation (v1.32), so errors read exactly as a real API server's.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** isDNS1123Subdomain returns the problems with a subdomain-style name (empty when valid). */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(SUBDOMAIN_MESSAGE);
  return errs;
}

/** isDNS1123Label returns the problems with a label-style name (empty when valid). */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) errs.push(LABEL_MESSAGE);
  return errs;
}

type NameCheck = (value: string) => string[];

/** validateObjectMeta checks metadata.name (or generateName) and the namespace rule. */
export function validateObjectMeta(obj: KubeObject, nameCheck: NameCheck): FieldError[] {
  const errs: FieldError[] = [];
  const meta = obj.metadata;
  if (!meta.name && !meta.generateName) {
    errs.push({
      type: 'Required',
      field: 'metadata.name',
      detail: 'name or generateName is required',
    });
  } else if (meta.name) {
    for (const detail of nameCheck(meta.name)) {
      errs.push({ type: 'Invalid', field: 'metadata.name', value: meta.name, detail });
    }
  }
  for (const [key, value] of Object.entries(meta.labels ?? {})) {
    if (value.length > 63) {
      errs.push({
        type: 'Invalid',
        field: 'metadata.labels',
        value,
        detail: 'must be no more than 63 characters',
      });
    }
    if (key === '')
      errs.push({
        type: 'Invalid',
        field: 'metadata.labels',
        value: key,
        detail: 'name part must be non-empty',
      });
  }
  return errs;
}

function validateResources(container: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const { requests = {}, limits = {} } = container.resources ?? {};
  for (const [kind, values] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      const parsed = parseQuantity(value);
      if (parsed !== undefined && parsed < 0) {
        errs.push({
          type: 'Invalid',
          field: `${path}.resources.${kind}[${name}]`,
          value,
          detail: 'must be greater than or equal to 0',
        });
      }
    }
  }
  for (const [name, request] of Object.entries(requests)) {
    const limit = limits[name];
    if (limit === undefined) continue;
    if ((parseQuantity(request) ?? 0) > (parseQuantity(limit) ?? 0)) {
      errs.push({
        type: 'Invalid',
        field: `${path}.resources.requests`,
        value: request,
        detail: `must be less than or equal to ${name} limit of ${limit}`,
      });
    }
  }
  return errs;
}

function validateContainers(containers: Container[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!containers || containers.length === 0) {
    errs.push({ type: 'Required', field: path });
    return errs;
  }
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!c.name) {
      errs.push({ type: 'Required', field: `${at}.name` });
    } else {
      for (const detail of isDNS1123Label(c.name)) {
        errs.push({ type: 'Invalid', field: `${at}.name`, value: c.name, detail });
      }
      if (seen.has(c.name)) errs.push({ type: 'Duplicate', field: `${at}.name`, value: c.name });
      seen.add(c.name);
    }
    if (!c.image) errs.push({ type: 'Required', field: `${at}.image` });
    (c.ports ?? []).forEach((p, j) => {
      if (!(p.containerPort >= 1 && p.containerPort <= 65535)) {
        errs.push({
          type: 'Invalid',
          field: `${at}.ports[${j}].containerPort`,
          value: p.containerPort,
          detail: 'must be between 1 and 65535, inclusive',
        });
      }
    });
    errs.push(...validateResources(c, at));
  });
  return errs;
}

/** validatePodSpec checks a pod spec at path (spec, or spec.template.spec). */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  if (!spec) return [{ type: 'Required', field: `${path}.containers` }];
  const errs = validateContainers(spec.containers, `${path}.containers`);
  const policies = ['Always', 'OnFailure', 'Never'];
  if (!policies.includes(spec.restartPolicy)) {
    errs.push({
      type: 'NotSupported',
      field: `${path}.restartPolicy`,
      value: spec.restartPolicy,
      supported: policies,
    });
  }
  if (spec.terminationGracePeriodSeconds < 0) {
    errs.push({
      type: 'Invalid',
      field: `${path}.terminationGracePeriodSeconds`,
      value: spec.terminationGracePeriodSeconds,
      detail: 'must be greater than or equal to 0',
    });
  }
  return errs;
}

/** goLabelSelector prints a selector as Go's %#v of v1.LabelSelector (used in immutable errors). */
export function goLabelSelector(selector: LabelSelector | undefined): string {
  const labels = selector?.matchLabels;
  const matchLabels = labels
    ? `map[string]string{${Object.keys(labels)
        .sort()
        .map((k) => `"${k}":"${labels[k]}"`)
        .join(', ')}}`
    : 'map[string]string(nil)';
  const exprs = selector?.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:"${e.key}", Operator:"${e.operator}", Values:[]string{${(e.values ?? []).map((v) => `"${v}"`).join(', ')}}}`,
        )
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${matchLabels}, MatchExpressions:${exprs}}`;
}

function isEmptySelector(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}

function validateTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  owner: 'deployment' | 'replicaset' | 'daemonset' | 'statefulset',
): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) {
    errs.push({ type: 'Required', field: 'spec.selector' });
  } else if (isEmptySelector(selector)) {
    errs.push({
      type: 'Invalid',
      field: 'spec.selector',
      value: new GoLiteral(goLabelSelector(selector)),
      detail: `empty selector is invalid for ${owner}`,
    });
  }
  if (!template) {
    errs.push({ type: 'Required', field: 'spec.template' });
    return errs;
  }
  const labels = template.metadata?.labels;
  if (selector && !isEmptySelector(selector) && !matchesSelector(selector, labels)) {
    errs.push({
      type: 'Invalid',
      field: 'spec.template.metadata.labels',
      value: labels ?? {},
      detail: '`selector` does not match template `labels`',
    });
  }
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  if (template.spec && template.spec.restartPolicy !== 'Always') {
    errs.push({
      type: 'NotSupported',
      field: 'spec.template.spec.restartPolicy',
      value: template.spec.restartPolicy,
      supported: ['Always'],
    });
  }
  return errs;
}

function validateReplicas(replicas: unknown): FieldError[] {
  if (typeof replicas === 'number' && replicas < 0) {
    return [
      {
        type: 'Invalid',
        field: 'spec.replicas',
        value: replicas,
        detail: 'must be greater than or equal to 0',
      },
    ];
  }
  return [];
}

export function validateDeployment(d: Deployment): FieldError[] {
  const errs = validateReplicas(d.spec.replicas);
  errs.push(...validateTemplate(d.spec.selector, d.spec.template, 'deployment'));
  const strategy = d.spec.strategy;
  if (strategy.type !== 'RollingUpdate' && strategy.type !== 'Recreate') {
    errs.push({
      type: 'NotSupported',
      field: 'spec.strategy.type',
      value: strategy.type,
      supported: ['Recreate', 'RollingUpdate'],
    });
  }
  if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
    errs.push({
      type: 'Forbidden',
      field: 'spec.strategy.rollingUpdate',
      detail: "may not be specified when strategy `type` is 'Recreate'",
    });
  }
  const rolling = strategy.rollingUpdate;
  if (strategy.type === 'RollingUpdate' && rolling) {
    const isZero = (v: number | string | undefined) => v === 0 || v === '0%';
    if (isZero(rolling.maxUnavailable) && isZero(rolling.maxSurge)) {
      errs.push({
        type: 'Invalid',
        field: 'spec.strategy.rollingUpdate.maxUnavailable',
        value: rolling.maxUnavailable,
        detail: 'may not be 0 when `maxSurge` is 0',
      });
    }
  }
  if (d.spec.revisionHistoryLimit < 0) {
    errs.push({
      type: 'Invalid',
      field: 'spec.revisionHistoryLimit',
      value: d.spec.revisionHistoryLimit,
      detail: 'must be greater than or equal to 0',
    });
  }
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [
    ...validateReplicas(rs.spec.replicas),
    ...validateTemplate(rs.spec.selector, rs.spec.template, 'replicaset'),
  ];
}

/** validateSelectorUnchanged enforces the immutable selector of apps/v1 workloads. */
export function validateSelectorUnchanged(
  oldSelector: LabelSelector,
  newSelector: LabelSelector,
): FieldError[] {
  if (JSON.stringify(oldSelector) === JSON.stringify(newSelector)) return [];
  return [
    {
      type: 'Invalid',
      field: 'spec.selector',
      value: new GoLiteral(goLabelSelector(newSelector)),
      detail: 'field is immutable',
    },
  ];
}

export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  return validateTemplate(ds.spec.selector, ds.spec.template, 'daemonset');
}

export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  const errs = validateReplicas(sts.spec.replicas);
  const policy = sts.spec.podManagementPolicy;
  if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push({
      type: 'Invalid',
      field: 'spec.podManagementPolicy',
      value: policy,
      detail: "must be 'OrderedReady' or 'Parallel'",
    });
  }
  errs.push(...validateTemplate(sts.spec.selector, sts.spec.template, 'statefulset'));
  return errs;
}

function nonNegative(value: number | undefined, field: string): FieldError[] {
  if (value === undefined || value >= 0) return [];
  return [{ type: 'Invalid', field, value, detail: 'must be greater than or equal to 0' }];
}

/** validateJobSpec is validateJobSpec (pkg/apis/batch/validation) at path (spec, or spec.jobTemplate.spec). */
export function validateJobSpec(
  spec: JobSpec,
  path: string,
  requireSelector: boolean,
): FieldError[] {
  const errs = [
    ...nonNegative(spec.parallelism, `${path}.parallelism`),
    ...nonNegative(spec.completions, `${path}.completions`),
    ...nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`),
    ...nonNegative(spec.backoffLimit, `${path}.backoffLimit`),
  ];
  if (requireSelector && !spec.selector) errs.push({ type: 'Required', field: `${path}.selector` });
  const template = spec.template;
  if (!template) {
    errs.push({ type: 'Required', field: `${path}.template` });
    return errs;
  }
  if (spec.selector && !matchesSelector(spec.selector, template.metadata?.labels)) {
    errs.push({
      type: 'Invalid',
      field: `${path}.template.metadata.labels`,
      value: template.metadata?.labels ?? {},
      detail: '`selector` does not match template `labels`',
    });
  }
  errs.push(...validatePodSpec(template.spec, `${path}.template.spec`));
  const policy = template.spec?.restartPolicy;
  if (template.spec && policy !== 'OnFailure' && policy !== 'Never') {
    errs.push({
      type: 'NotSupported',
      field: `${path}.template.spec.restartPolicy`,
      value: policy,
      supported: ['OnFailure', 'Never'],
    });
  }
  return errs;
}

export function validateJob(job: Job): FieldError[] {
  return validateJobSpec(job.spec, 'spec', true);
}

/** validateCronJob checks the name (52 chars leave room for the Job suffix) and the schedule. */
export function validateCronJob(
  cj: CronJob,
  scheduleError: (s: string) => string | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  if (cj.metadata.name && cj.metadata.name.length > 52) {
    errs.push({
      type: 'Invalid',
      field: 'metadata.name',
      value: cj.metadata.name,
      detail: 'must be no more than 52 characters',
    });
  }
  if (!cj.spec.schedule) {
    errs.push({ type: 'Required', field: 'spec.schedule' });
  } else {
    const problem = scheduleError(cj.spec.schedule);
    if (problem)
      errs.push({
        type: 'Invalid',
        field: 'spec.schedule',
        value: cj.spec.schedule,
        detail: problem,
      });
  }
  const policies = ['Allow', 'Forbid', 'Replace'];
  if (!policies.includes(cj.spec.concurrencyPolicy)) {
    errs.push({
      type: 'NotSupported',
      field: 'spec.concurrencyPolicy',
      value: cj.spec.concurrencyPolicy,
      supported: policies,
    });
  }
  if (!cj.spec.jobTemplate?.spec) {
    errs.push({ type: 'Required', field: 'spec.jobTemplate.spec' });
  } else {
    errs.push(...validateJobSpec(cj.spec.jobTemplate.spec, 'spec.jobTemplate.spec', false));
  }
  return errs;
}

/** validatePodDisruptionBudget: minAvailable and maxUnavailable exclude each other (policy validation). */
export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const errs: FieldError[] = [];
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  if (minAvailable !== undefined && maxUnavailable !== undefined) {
    errs.push({
      type: 'Invalid',
      field: 'spec',
      value: new GoLiteral(
        `policy.PodDisruptionBudgetSpec{MinAvailable:${minAvailable}, MaxUnavailable:${maxUnavailable}}`,
      ),
      detail: 'minAvailable and maxUnavailable cannot be both set',
    });
  }
  for (const [field, value] of [
    ['minAvailable', minAvailable],
    ['maxUnavailable', maxUnavailable],
  ] as const) {
    if (typeof value === 'number' && value < 0) {
      errs.push({
        type: 'Invalid',
        field: `spec.${field}`,
        value,
        detail: 'must be greater than or equal to 0',
      });
    }
    if (typeof value === 'string' && !/^\d+%$/.test(value)) {
      errs.push({
        type: 'Invalid',
        field: `spec.${field}`,
        value,
        detail:
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      });
    }
  }
  return errs;
}

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** isDNS1035Label returns the problems with a Service name (empty when valid). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(value)) errs.push(DNS1035_MESSAGE);
  return errs;
}

const PORT_RANGE_MESSAGE = 'must be between 1 and 65535, inclusive';

/** isValidPortName is IsValidPortName: an IANA_SVC_NAME such as `http`. */
function isValidPortName(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

function validatePortNumOrName(value: number | string, field: string): FieldError[] {
  if (typeof value === 'number') {
    return value >= 1 && value <= 65535
      ? []
      : [{ type: 'Invalid', field, value, detail: PORT_RANGE_MESSAGE }];
  }
  return isValidPortName(value).map((detail) => ({ type: 'Invalid', field, value, detail }));
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** validateService is the part of ValidateService (pkg/apis/core/validation) the engine needs. */
export function validateService(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec;
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (!SERVICE_TYPES.includes(spec.type)) {
    errs.push({
      type: 'NotSupported',
      field: 'spec.type',
      value: spec.type,
      supported: SERVICE_TYPES,
    });
  }
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') {
    errs.push({ type: 'Required', field: 'spec.ports' });
  }
  if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs ?? []).length > 0 || spec.clusterIP) {
      errs.push({
        type: 'Forbidden',
        field: 'spec.clusterIPs',
        detail: 'may not be set for ExternalName services',
      });
    }
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname === '') errs.push({ type: 'Required', field: 'spec.externalName' });
    else
      for (const detail of isDNS1123Subdomain(cname))
        errs.push({ type: 'Invalid', field: 'spec.externalName', value: cname, detail });
  }
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name) {
      errs.push({ type: 'Required', field: `${at}.name` });
    } else if (port.name) {
      for (const detail of isDNS1123Label(port.name))
        errs.push({ type: 'Invalid', field: `${at}.name`, value: port.name, detail });
      if (names.has(port.name))
        errs.push({ type: 'Duplicate', field: `${at}.name`, value: port.name });
      names.add(port.name);
    }
    if (!(port.port >= 1 && port.port <= 65535)) {
      errs.push({
        type: 'Invalid',
        field: `${at}.port`,
        value: port.port,
        detail: PORT_RANGE_MESSAGE,
      });
    }
    if (!PROTOCOLS.includes(port.protocol)) {
      errs.push({
        type: 'NotSupported',
        field: `${at}.protocol`,
        value: port.protocol,
        supported: PROTOCOLS,
      });
    }
    errs.push(...validatePortNumOrName(port.targetPort, `${at}.targetPort`));
    if (spec.type === 'ClusterIP' && port.nodePort) {
      errs.push({
        type: 'Forbidden',
        field: `${at}.nodePort`,
        detail: "may not be used when `type` is 'ClusterIP'",
      });
    }
  });
  const sessionAffinities = ['ClientIP', 'None'];
  if (!sessionAffinities.includes(spec.sessionAffinity)) {
    errs.push({
      type: 'NotSupported',
      field: 'spec.sessionAffinity',
      value: spec.sessionAffinity,
      supported: sessionAffinities,
    });
  }
  return errs;
}

/**
 * validateHorizontalPodAutoscaler (pkg/apis/autoscaling/validation): replica bounds, the target
 * reference, and positive utilisation targets, with the real messages.
 */
export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): FieldError[] {
  const errs: FieldError[] = [];
  const { minReplicas, maxReplicas, scaleTargetRef, metrics } = hpa.spec ?? {};
  if (minReplicas !== undefined && minReplicas < 1) {
    errs.push({
      type: 'Invalid',
      field: 'spec.minReplicas',
      value: minReplicas,
      detail: 'must be greater than or equal to 1',
    });
  }
  if (typeof maxReplicas !== 'number' || maxReplicas < 1) {
    errs.push({
      type: 'Invalid',
      field: 'spec.maxReplicas',
      value: maxReplicas ?? 0,
      detail: 'must be greater than 0',
    });
  }
  if (minReplicas !== undefined && (maxReplicas ?? 0) < minReplicas) {
    errs.push({
      type: 'Invalid',
      field: 'spec.maxReplicas',
      value: maxReplicas ?? 0,
      detail: 'must be greater than or equal to `minReplicas`',
    });
  }
  if (!scaleTargetRef?.kind) errs.push({ type: 'Required', field: 'spec.scaleTargetRef.kind' });
  if (!scaleTargetRef?.name) errs.push({ type: 'Required', field: 'spec.scaleTargetRef.name' });
  (metrics ?? []).forEach((m, i) => {
    const utilization = m.resource?.target.averageUtilization;
    if (utilization !== undefined && utilization <= 0) {
      errs.push({
        type: 'Invalid',
        field: `spec.metrics[${i}].resource.target.averageUtilization`,
        value: utilization,
        detail: 'must be greater than 0',
      });
    }
  });
  return errs;
}

/** The highest value a user-defined PriorityClass may have (HighestUserDefinablePriority). */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

/** The system classes every API server creates; only these may use the system- prefix. */
export const SYSTEM_PRIORITY_CLASSES: readonly {
  name: string;
  value: number;
  description: string;
}[] = [
  {
    name: 'system-node-critical',
    value: 2_000_001_000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: 2_000_000_000,
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

/** validatePriorityClass is ValidatePriorityClass: reserved names, the user value ceiling, the policy. */
export function validatePriorityClass(pc: PriorityClass): FieldError[] {
  const errs: FieldError[] = [];
  if (pc.metadata.name.startsWith('system-')) {
    const known = SYSTEM_PRIORITY_CLASSES.find((s) => s.name === pc.metadata.name);
    const why = !known
      ? `${pc.metadata.name} is not a known system priority class`
      : known.value !== pc.value
        ? `value of ${pc.metadata.name} PriorityClass must be ${known.value}`
        : pc.globalDefault
          ? `globalDefault of ${pc.metadata.name} PriorityClass must be false`
          : undefined;
    if (why)
      errs.push({
        type: 'Forbidden',
        field: 'metadata.name',
        detail: `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`,
      });
  } else if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push({
      type: 'Forbidden',
      field: 'value',
      detail: `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`,
    });
  }
  if (pc.preemptionPolicy !== 'PreemptLowerPriority' && pc.preemptionPolicy !== 'Never')
    errs.push({
      type: 'NotSupported',
      field: 'preemptionPolicy',
      value: pc.preemptionPolicy,
      supported: ['Never', 'PreemptLowerPriority'],
    });
  return errs;
}
