import type { Container, Probe } from '../api/types';
import type { Containerd, RuntimeContainer } from '../runtime/containerd';
import { findImage } from '../runtime/images';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeResult {
  ok: boolean;
  /** why it failed, worded as the kubelet's prober words it */
  message: string;
}

/** resolvePort turns a named port (`http`) into the container's number for it. */
function resolvePort(container: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** HTTP paths a stock web server answers with 200; anything else is a 404. */
const SERVED_PATHS = new Set(['/', '/index.html']);

/**
 * runProbe checks a running container once (pkg/kubelet/prober): an exec probe runs a command
 * in it, an HTTP probe GETs a path on the pod IP, a TCP probe opens a connection.
 */
export function runProbe(
  runtime: Containerd,
  instance: RuntimeContainer,
  spec: Container,
  probe: Probe,
  podIP: string,
): ProbeResult {
  if (probe.exec) {
    const result = runtime.exec(instance.id, probe.exec.command);
    if (!result) return { ok: false, message: 'container is not running' };
    return { ok: result.exitCode === 0, message: result.output.join('\n') };
  }
  const target = probe.httpGet ?? probe.tcpSocket;
  if (!target) return { ok: true, message: '' };
  const port = resolvePort(spec, target.port);
  const refused = `dial tcp ${podIP}:${port ?? target.port}: connect: connection refused`;
  if (probe.tcpSocket) {
    return port !== undefined && runtime.listening(instance.id, port)
      ? { ok: true, message: '' }
      : { ok: false, message: refused };
  }
  const path = probe.httpGet!.path ?? '/';
  const url = `${(probe.httpGet!.scheme ?? 'HTTP').toLowerCase()}://${podIP}:${port ?? target.port}${path}`;
  if (port === undefined || !runtime.listening(instance.id, port)) {
    return { ok: false, message: `Get "${url}": ${refused}` };
  }
  return SERVED_PATHS.has(path) || findImage(instance.image)?.healthPaths?.includes(path)
    ? { ok: true, message: '' }
    : { ok: false, message: 'HTTP probe failed with statuscode: 404' };
}

/** PROBE_TITLE is how events name each probe: "Liveness probe failed: ...". */
export const PROBE_TITLE: Record<ProbeKind, string> = {
  liveness: 'Liveness',
  readiness: 'Readiness',
  startup: 'Startup',
};
