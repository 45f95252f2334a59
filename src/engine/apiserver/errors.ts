/**
 * Status errors as the API server returns them (apimachinery/pkg/api/errors). The message text is
 * what kubectl prints after `Error from server (<Reason>): `.
 */

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'TooManyRequests'
  | 'InternalError';

export interface FieldError {
  type:
    | 'Required'
    | 'Invalid'
    | 'Forbidden'
    | 'NotSupported'
    | 'Duplicate'
    | 'TooLong'
    | 'NamespaceTerminating';
  field: string;
  /** the rejected value; printed with Go's %v/%q conventions */
  value?: unknown;
  detail?: string;
  /** for NotSupported: the allowed values */
  supported?: string[];
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Failure';
  message: string;
  reason: StatusReason;
  code: number;
  details?: { name?: string; group?: string; kind?: string; causes?: FieldError[] };
}

/** StatusError carries a Status through the engine; kubectl formats it. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

function fail(
  reason: StatusReason,
  code: number,
  message: string,
  details?: Status['details'],
): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message,
    reason,
    code,
    details,
  });
}

/** qualifiedResource prints `pods` or `deployments.apps` as error messages name resources. */
export function qualifiedResource(resource: string, group: string): string {
  return group === '' ? resource : `${resource}.${group}`;
}

export function notFound(resource: string, group: string, name: string): StatusError {
  return fail('NotFound', 404, `${qualifiedResource(resource, group)} "${name}" not found`, {
    name,
    group,
    kind: resource,
  });
}

export function alreadyExists(resource: string, group: string, name: string): StatusError {
  return fail(
    'AlreadyExists',
    409,
    `${qualifiedResource(resource, group)} "${name}" already exists`,
    {
      name,
      group,
      kind: resource,
    },
  );
}

export function conflict(resource: string, group: string, name: string, why: string): StatusError {
  return fail(
    'Conflict',
    409,
    `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`,
    { name, group, kind: resource },
  );
}

export const OBJECT_MODIFIED =
  'the object has been modified; please apply your changes to the latest version and try again';

export function badRequest(message: string): StatusError {
  return fail('BadRequest', 400, message);
}

export function forbidden(message: string): StatusError {
  return fail('Forbidden', 403, message);
}

/**
 * namespaceTerminating is the NamespaceLifecycle plugin's refusal. Its cause
 * (v1.NamespaceTerminatingCause) lets controllers tell it apart: they neither record nor retry it.
 */
export function namespaceTerminating(
  resource: string,
  name: string | undefined,
  namespace: string,
) {
  return fail(
    'Forbidden',
    403,
    `${resource}${name ? ` "${name}"` : ''} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    {
      causes: [
        {
          type: 'NamespaceTerminating',
          field: 'metadata.namespace',
          detail: `namespace ${namespace} is being terminated`,
        },
      ],
    },
  );
}

/** isNamespaceTerminating reports an error from namespaceTerminating. */
export function isNamespaceTerminating(error: StatusError): boolean {
  return error.status.details?.causes?.some((c) => c.type === 'NamespaceTerminating') ?? false;
}

export function internalError(message: string): StatusError {
  return fail('InternalError', 500, `Internal error occurred: ${message}`);
}

export function tooManyRequests(message: string): StatusError {
  return fail('TooManyRequests', 429, message);
}

/** GoLiteral is a value already printed in Go syntax; formatValue prints it verbatim. */
export class GoLiteral {
  constructor(readonly text: string) {}
}

/** formatValue prints a rejected value as Go's field.Invalid does: strings quoted, numbers bare. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (value instanceof GoLiteral) return value.text;
  if (typeof value === 'object') return goMapLiteral(value);
  return String(value);
}

function goMapLiteral(value: object): string {
  if (Array.isArray(value)) return `[]interface {}{${value.map(formatValue).join(', ')}}`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.every(([, v]) => typeof v === 'string')) {
    return `map[string]string{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}`;
  }
  return `map[string]interface {}{${entries.map(([k, v]) => `${JSON.stringify(k)}:${formatValue(v)}`).join(', ')}}`;
}

/** formatCause prints one field error as `<field>: <type>: <detail>` (field.Error.Error). */
export function formatCause(cause: FieldError): string {
  switch (cause.type) {
    case 'Required':
      return `${cause.field}: Required value${cause.detail ? `: ${cause.detail}` : ''}`;
    case 'Forbidden':
      return `${cause.field}: Forbidden${cause.detail ? `: ${cause.detail}` : ''}`;
    case 'Duplicate':
      return `${cause.field}: Duplicate value: ${formatValue(cause.value)}`;
    case 'TooLong':
      return `${cause.field}: Too long: ${cause.detail}`;
    case 'NotSupported':
      return `${cause.field}: Unsupported value: ${formatValue(cause.value)}: supported values: ${(cause.supported ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'Invalid':
      return `${cause.field}: Invalid value: ${formatValue(cause.value)}${cause.detail ? `: ${cause.detail}` : ''}`;
    case 'NamespaceTerminating':
      return cause.detail ?? '';
  }
}

/**
 * invalid builds the 422 error: `<Kind> "<name>" is invalid: <cause>` for one cause, or a
 * bulleted list (with a trailing space on the first line) for several, as kubectl shows it.
 */
export function invalid(
  kind: string,
  group: string,
  name: string,
  causes: FieldError[],
): StatusError {
  const unique = [...new Map(causes.map((c) => [formatCause(c), c])).values()];
  const lines = unique.map(formatCause);
  const message =
    lines.length === 1
      ? `${qualifiedResource(kind, group)} "${name}" is invalid: ${lines[0]}`
      : `${qualifiedResource(kind, group)} "${name}" is invalid: [${lines.join(', ')}]`;
  return fail('Invalid', 422, message, { name, group, kind, causes: unique });
}
