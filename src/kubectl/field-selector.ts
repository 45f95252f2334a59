import type { KubeObject, ResourceInfo } from '../engine';

/** FieldRequirement is one `field=value` / `field!=value` term of --field-selector. */
export interface FieldRequirement {
  field: string;
  value: string;
  equal: boolean;
}

/** A Reader takes a field's value from an object, as the field set of its conversion does. */
type Reader = (obj: KubeObject) => string;

/** at reads a dotted path; fallback stands for Go's zero value (false, 0) of an unset field. */
function at(path: string, fallback = ''): Reader {
  return (obj) => {
    let value: unknown = obj;
    for (const key of path.split('.'))
      value = (value as Record<string, unknown> | undefined)?.[key];
    return value === undefined || value === null ? fallback : String(value);
  };
}

/**
 * FIELD_LABELS are the fields the API server can select each resource on beyond
 * metadata.name/metadata.namespace (the AddFieldLabelConversionFunc tables of v1.32),
 * each with how to read it from an object.
 */
const FIELD_LABELS: Record<string, Record<string, Reader>> = {
  pods: {
    'spec.nodeName': at('spec.nodeName'),
    'spec.restartPolicy': at('spec.restartPolicy'),
    'spec.schedulerName': at('spec.schedulerName'),
    'spec.serviceAccountName': at('spec.serviceAccountName'),
    'spec.hostNetwork': at('spec.hostNetwork', 'false'),
    'status.phase': at('status.phase'),
    'status.podIP': at('status.podIP'),
    'status.podIPs': at('status.podIP'),
    'status.nominatedNodeName': at('status.nominatedNodeName'),
  },
  events: {
    'involvedObject.kind': at('involvedObject.kind'),
    'involvedObject.namespace': at('involvedObject.namespace'),
    'involvedObject.name': at('involvedObject.name'),
    'involvedObject.uid': at('involvedObject.uid'),
    'involvedObject.apiVersion': at('involvedObject.apiVersion'),
    'involvedObject.resourceVersion': at('involvedObject.resourceVersion'),
    'involvedObject.fieldPath': at('involvedObject.fieldPath'),
    reason: at('reason'),
    reportingComponent: at('reportingComponent'),
    source: at('source.component'),
    type: at('type'),
  },
  namespaces: { 'status.phase': at('status.phase') },
  secrets: { type: at('type') },
  services: { 'spec.clusterIP': at('spec.clusterIP'), 'spec.type': at('spec.type') },
  replicasets: { 'status.replicas': at('status.replicas', '0') },
  replicationcontrollers: { 'status.replicas': at('status.replicas', '0') },
  jobs: { 'status.successful': at('status.succeeded', '0') },
  certificatesigningrequests: { 'spec.signerName': at('spec.signerName') },
};

/** Nodes are selected by name and spec.unschedulable only: they have no namespace field. */
const NODE_LABELS: Record<string, Reader> = {
  'metadata.name': at('metadata.name'),
  'spec.unschedulable': at('spec.unschedulable', 'false'),
};

const META_LABELS: Record<string, Reader> = {
  'metadata.name': at('metadata.name'),
  'metadata.namespace': at('metadata.namespace', ''),
};

/** FieldSelectorError is the API server's 400 for a selector it cannot parse or serve. */
export class FieldSelectorError extends Error {}

/** parseFieldSelector reads `a=b,c!=d` as fields.ParseSelector does ("!=" before "==" before "="). */
export function parseFieldSelector(text: string): FieldRequirement[] {
  if (text === '') return [];
  return text.split(',').map((term) => {
    for (const [op, equal] of [
      ['!=', false],
      ['==', true],
      ['=', true],
    ] as const) {
      const at = term.indexOf(op);
      if (at >= 0) return { field: term.slice(0, at), value: term.slice(at + op.length), equal };
    }
    throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
  });
}

function readersFor(info: ResourceInfo): Record<string, Reader> {
  if (info.resource === 'nodes') return NODE_LABELS;
  return { ...META_LABELS, ...FIELD_LABELS[info.resource] };
}

/**
 * fieldMatcher checks the requirements against the resource's field labels the way the API
 * server's conversion functions do, and returns the filter for its list.
 */
export function fieldMatcher(
  info: ResourceInfo,
  requirements: FieldRequirement[],
): (obj: KubeObject) => boolean {
  const readers = readersFor(info);
  for (const { field } of requirements) {
    if (readers[field]) continue;
    // Resources with their own conversion table say so tersely; the rest use the generic one.
    throw new FieldSelectorError(
      FIELD_LABELS[info.resource] || info.resource === 'nodes'
        ? `field label not supported: ${field}`
        : `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
    );
  }
  return (obj) =>
    requirements.every(({ field, value, equal }) => {
      return (readers[field]!(obj) === value) === equal;
    });
}

/**
 * fieldFilter reads --field-selector for one resource's list: its filter, or the API server's
 * 400 as kubectl prints it (the builder names the resource and both selectors).
 */
export function fieldFilter(
  info: ResourceInfo,
  labelSelector: string,
  fieldSelector: string,
): { matches: (obj: KubeObject) => boolean } | { error: string } {
  try {
    return { matches: fieldMatcher(info, parseFieldSelector(fieldSelector)) };
  } catch (error) {
    if (!(error instanceof FieldSelectorError)) throw error;
    const gvr = `${info.group}/${info.version}, Resource=${info.resource}`;
    return {
      error: `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${error.message}`,
    };
  }
}
