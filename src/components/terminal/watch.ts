import type { Cluster, KubeObject, ResourceInfo } from '../../engine';
import { get } from '../../kubectl/commands/get';
import { parseFlags } from '../../kubectl/flags';
import { buildTable, hasPrinter, type TableOptions } from '../../kubectl/printers/columns';
import { defaultNamespace } from '../../kubectl/kubeconfig';
import { findResource } from '../../kubectl/resources';
import { tokenize } from '../../kubectl/tokenize';
import { matchesSelector, parseSelector, type LabelSelector } from '../../engine';

/**
 * RowPrinter is kubectl get -w's table printer: cli-runtime's tabwriter with RememberWidths, so
 * a column never gets narrower than it has been; each flush is one row. Headers come once.
 */
export class RowPrinter {
  private widths: number[] = [];
  private headed = false;

  constructor(private readonly headers: string[]) {}

  /** print lays out rows (with the headers the first time), remembering widths. */
  print(rows: string[][]): string {
    const lines = this.headed ? rows : [this.headers, ...rows];
    this.headed = true;
    for (const cells of lines) {
      cells.forEach((cell, j) => {
        if (j < cells.length - 1)
          this.widths[j] = Math.max(this.widths[j] ?? 6, [...cell].length + 3);
      });
    }
    return lines
      .map((cells) =>
        cells
          .map((cell, j) => (j < cells.length - 1 ? cell.padEnd(this.widths[j]!) : cell))
          .join(''),
      )
      .map((l) => `${l}\n`)
      .join('');
  }
}

/** WatchSpec is what `kubectl get TYPE [NAME] -w` watches. */
export interface WatchSpec {
  info: ResourceInfo;
  /** -n as typed; without it the kubeconfig context's namespace (none with -A) */
  namespace?: string;
  names: string[];
  selector?: LabelSelector;
  options: TableOptions;
}

/** parseWatch reads a get line; undefined unless it is `get ... -w` on one printable type. */
export function parseWatch(line: string): WatchSpec | undefined {
  let words: string[];
  try {
    words = tokenize(line);
  } catch {
    return undefined;
  }
  const at = words.indexOf('get');
  if (at < 0 || (words[0] !== 'kubectl' && words[0] !== 'k')) return undefined;
  let parsed;
  try {
    parsed = parseFlags([...words.slice(1, at), ...words.slice(at + 1)], get.flags);
  } catch {
    return undefined;
  }
  const v = parsed.values;
  if (v.get('watch') !== true || parsed.args.length === 0) return undefined;
  const [first, ...more] = parsed.args;
  const [type, slashName] = first!.split('/', 2);
  const info = findResource(type!.split(',')[0]!);
  if (!info || !hasPrinter(info.kind)) return undefined;
  const names = slashName ? [slashName, ...more.map((a) => a.split('/')[1] ?? a)] : more;
  const all = v.get('all-namespaces') === true;
  let selector: LabelSelector | undefined;
  try {
    selector =
      typeof v.get('selector') === 'string'
        ? parseSelector(v.get('selector') as string)
        : undefined;
  } catch {
    return undefined;
  }
  return {
    info,
    namespace: info.namespaced && !all ? (v.get('namespace') as string | undefined) : undefined,
    names,
    selector,
    options: {
      wide: v.get('output') === 'wide',
      withNamespace: all && info.namespaced,
      showLabels: v.get('show-labels') === true,
    },
  };
}

/**
 * Watcher prints a row for every change to the watched objects after the first table, as the
 * watch events of `kubectl get -w` do; a deleted object prints its last state once more.
 */
export class Watcher {
  private seen = new Map<string, { rv: string; obj: KubeObject }>();
  private readonly printer: RowPrinter;

  constructor(
    private readonly cluster: Cluster,
    private readonly spec: WatchSpec,
  ) {
    const objects = this.list();
    const table = buildTable(spec.info.kind, objects, cluster.now, spec.options);
    this.printer = new RowPrinter(table.headers);
    // The first table was printed by get itself; only learn its widths here.
    if (objects.length > 0) this.printer.print(table.rows);
    for (const obj of objects)
      this.seen.set(obj.metadata.uid ?? obj.metadata.name, {
        rv: obj.metadata.resourceVersion ?? '',
        obj,
      });
  }

  private list(): KubeObject[] {
    const { info, names, selector, options } = this.spec;
    // Without -n the watch follows the kubeconfig context's namespace, as get itself does.
    const namespace =
      info.namespaced && !options.withNamespace
        ? this.spec.namespace || defaultNamespace(this.cluster)
        : undefined;
    return this.cluster.api
      .list(info.resource, namespace)
      .filter(
        (o) =>
          (names.length === 0 || names.includes(o.metadata.name)) &&
          (!selector || matchesSelector(selector, o.metadata.labels ?? {})),
      );
  }

  /** poll returns the rows for what changed since the last poll ('' when nothing did). */
  poll(): string {
    const changed: KubeObject[] = [];
    const now = new Map<string, { rv: string; obj: KubeObject }>();
    for (const obj of this.list()) {
      const key = obj.metadata.uid ?? obj.metadata.name;
      const rv = obj.metadata.resourceVersion ?? '';
      now.set(key, { rv, obj });
      if (this.seen.get(key)?.rv !== rv) changed.push(obj);
    }
    for (const [key, { obj }] of this.seen) if (!now.has(key)) changed.push(obj);
    this.seen = now;
    if (changed.length === 0) return '';
    const table = buildTable(this.spec.info.kind, changed, this.cluster.now, this.spec.options);
    return this.printer.print(table.rows);
  }
}
