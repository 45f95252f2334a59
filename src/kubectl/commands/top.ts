import { bytes, matchesSelector, milliCores, type Node } from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { KubectlError } from '../errors';
import { printTable } from '../printers/table';
import { HELP } from './help-data';
import { selectorFlag } from './get';

const MI = 1024 * 1024;

/** cpuCell and memoryCell print usage as kubectl top does: `250m`, `12Mi` (whole MiB). */
const cpuCell = (cpu: string) => `${milliCores(cpu)}m`;
const memoryCell = (memory: string) => `${Math.floor(bytes(memory) / MI)}Mi`;

/** topPod prints `kubectl top pod` from metrics.k8s.io PodMetrics. */
function* topPod(ctx: Context, args: string[]): Task {
  const all = ctx.flags.bool('all-namespaces');
  const namespace = all ? undefined : ctx.namespace;
  const selector = selectorFlag(ctx);
  let metrics = ctx.cluster
    .podMetrics(namespace)
    .filter((m) => !selector || matchesSelector(selector, m.metadata.labels));
  if (args.length > 0) {
    metrics = metrics.filter((m) => m.metadata.name === args[0]);
    if (metrics.length === 0) {
      throw new KubectlError(
        `Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${args[0]}" not found`,
      );
    }
  }
  if (metrics.length === 0) {
    // verifyEmptyMetrics: pods exist, so their metrics are not ready yet.
    const res = yield* request({ verb: 'list', resource: 'pods', namespace });
    if (res.ok && (res.result.items ?? []).length > 0) {
      throw new KubectlError('error: metrics not available yet');
    }
    ctx.err.push(all ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`);
    return;
  }
  const containers = ctx.flags.bool('containers');
  const headers = [
    ...(all ? ['NAMESPACE'] : []),
    ...(containers ? ['POD', 'NAME'] : ['NAME']),
    'CPU(cores)',
    'MEMORY(bytes)',
  ];
  const rows: string[][] = [];
  for (const m of metrics) {
    const ns = all ? [m.metadata.namespace] : [];
    if (containers) {
      for (const c of m.containers)
        rows.push([
          ...ns,
          m.metadata.name,
          c.name,
          cpuCell(c.usage.cpu),
          memoryCell(c.usage.memory),
        ]);
      continue;
    }
    const cpu = m.containers.reduce((s, c) => s + milliCores(c.usage.cpu), 0);
    const memory = m.containers.reduce((s, c) => s + bytes(c.usage.memory), 0);
    rows.push([...ns, m.metadata.name, `${cpu}m`, `${Math.floor(memory / MI)}Mi`]);
  }
  ctx.out.push(printTable({ headers, rows }, ctx.flags.bool('no-headers')));
}

/** topNode prints `kubectl top node`: usage and its share of each node's allocatable. */
function* topNode(ctx: Context, args: string[]): Task {
  const metrics = ctx.cluster.nodeMetrics();
  if (metrics.length === 0) throw new KubectlError('error: metrics not available yet');
  const res = yield* request({ verb: 'list', resource: 'nodes' });
  let nodes = res.ok ? ((res.result.items ?? []) as Node[]) : [];
  if (args.length > 0) {
    nodes = nodes.filter((n) => n.metadata.name === args[0]);
    if (!metrics.some((m) => m.metadata.name === args[0])) {
      throw new KubectlError(
        `Error from server (NotFound): nodemetrics.metrics.k8s.io "${args[0]}" not found`,
      );
    }
  }
  const rows: string[][] = [];
  const missing: string[][] = [];
  for (const node of nodes) {
    const m = metrics.find((x) => x.metadata.name === node.metadata.name);
    if (!m) {
      missing.push([node.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
      continue;
    }
    const cpu = milliCores(m.usage.cpu);
    const memory = bytes(m.usage.memory);
    const allocatable = node.status?.allocatable ?? {};
    const cpuPct = Math.trunc((cpu / milliCores(allocatable.cpu)) * 100);
    const memPct = Math.trunc((memory / bytes(allocatable.memory)) * 100);
    rows.push([
      node.metadata.name,
      `${cpu}m`,
      `${cpuPct}%`,
      `${Math.floor(memory / MI)}Mi`,
      `${memPct}%`,
    ]);
  }
  ctx.out.push(
    printTable(
      {
        headers: ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'],
        rows: [...rows, ...missing],
      },
      ctx.flags.bool('no-headers'),
    ),
  );
}

function* topCommand(ctx: Context): Task {
  const [what, ...rest] = ctx.flags.args;
  if (what === 'pod' || what === 'pods' || what === 'po') return yield* topPod(ctx, rest);
  if (what === 'node' || what === 'nodes' || what === 'no') return yield* topNode(ctx, rest);
  throw new KubectlError(HELP.top!.trimEnd());
}

/** top shows metrics-server's last sample: `kubectl top pods`, `kubectl top nodes`. */
export const top: Command = {
  name: 'top',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'containers', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'no-headers', type: 'bool' },
  ],
  run: topCommand,
};
