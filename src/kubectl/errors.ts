import { formatCause, type StatusError } from '../engine';

/** KubectlError is a client-side failure printed verbatim (already starting with `error: `). */
export class KubectlError extends Error {}

/** ErrorSource is AddSourceToErr's context: `error when creating "x.yaml": ...`. */
export interface ErrorSource {
  verb: string;
  file: string;
}

/**
 * formatStatusError prints an API error as kubectl's CheckErr does (cmd/util/helpers.go):
 * Invalid errors from their causes (one on the line, several as `* ` bullets after a trailing
 * space), everything else as `Error from server (<Reason>): <message>`.
 */
export function formatStatusError(error: StatusError, source?: ErrorSource): string {
  const status = error.status;
  const details = status.details;
  if (
    status.reason === 'Invalid' &&
    details &&
    (details.kind || details.name) &&
    (details.causes ?? []).length > 0
  ) {
    const head = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid: `;
    const causes = [...new Set((details.causes ?? []).map(formatCause))];
    return causes.length === 1
      ? head + causes[0]
      : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  // Without a kind or name (a patch that failed to decode) CheckErr says "The request is invalid".
  if (status.reason === 'Invalid' && details && (details.causes ?? []).length > 0) {
    const causes = (details.causes ?? []).map(formatCause);
    const head = 'The request is invalid: ';
    return causes.length === 1
      ? head + causes[0]
      : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const message = source
    ? `error when ${source.verb} "${source.file}": ${status.message}`
    : status.message;
  return status.reason
    ? `Error from server (${status.reason}): ${message}`
    : `Error from server: ${message}`;
}
