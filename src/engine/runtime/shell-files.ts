import type { ProcessStep, ShellContext } from './process';
import { formatDate } from './shell-date';

/**
 * The directories at the root of the images learners exec into. Only what a path listing needs:
 * the files themselves are the container's layer, its mounts and the network files.
 */
const BUSYBOX_ROOT = [
  'bin',
  'dev',
  'etc',
  'home',
  'lib',
  'lib64',
  'proc',
  'root',
  'sys',
  'tmp',
  'usr',
  'var',
];
const ALPINE_ROOT = [
  'bin',
  'dev',
  'etc',
  'home',
  'lib',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];
const DEBIAN_ROOT = [...ALPINE_ROOT, 'boot', 'lib64'];

/** isBusybox: busybox and alpine images run busybox's ls; Debian-based ones run coreutils'. */
const isBusybox = (sh: ShellContext) => (sh.tools ?? []).includes('busybox');

function rootEntries(sh: ShellContext): string[] {
  const tools = sh.tools ?? [];
  if (tools.includes('apk')) return ALPINE_ROOT;
  if (isBusybox(sh)) return BUSYBOX_ROOT;
  // An image's own files at the root (nginx's /docker-entrypoint.sh and its .d directory).
  const own = tools.filter((t) => /^\/[^/]+$/.test(t)).map((t) => t.slice(1));
  return [...DEBIAN_ROOT, ...own, ...own.map((name) => name.replace(/\.sh$/, '.d'))];
}

/** A DirEntry is what ls knows of a path: a directory and its names, or a file and its size. */
type DirEntry = { dir: true; names: string[] } | { dir: false; size: number };

/**
 * listDirectory resolves a path against the container's file system: the image's root
 * directories, files written in its layer, and its mounts (volumes and the service account).
 */
export function listDirectory(sh: ShellContext, path: string): DirEntry | undefined {
  const clean = path === '/' ? '/' : path.replace(/\/+$/, '');
  const content = sh.files.get(clean) ?? sh.network?.file(clean);
  if (content !== undefined) return { dir: false, size: new TextEncoder().encode(content).length };
  const prefix = clean === '/' ? '/' : `${clean}/`;
  const names = new Set<string>(clean === '/' ? rootEntries(sh) : []);
  for (const key of sh.files.keys()) {
    if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0]!);
  }
  const mounted = sh.files.list?.(clean);
  for (const name of mounted ?? []) names.add(name);
  const known = clean === '/' || rootEntries(sh).includes(clean.slice(1)) || mounted !== undefined;
  if (names.size === 0 && !known) return undefined;
  return { dir: true, names: [...names] };
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * lsCommand is `ls [-1aAl] [PATH...]` without a terminal: one name per line in byte order,
 * `-a` adding . and .., `-l` the long form (owner root, modification time now: the simulated
 * file system keeps no times). Errors are worded as busybox or coreutils word them.
 */
export function* lsCommand(
  args: string[],
  sh: ShellContext,
  list: (path: string) => DirEntry | undefined,
): Generator<ProcessStep, number> {
  const flags = new Set(
    args.filter((a) => a.startsWith('-') && a !== '-').flatMap((a) => [...a.slice(1)]),
  );
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  const busybox = isBusybox(sh);
  const long = flags.has('l');
  const when = formatDate(Date.parse(sh.now()), '%b %e %H:%M');
  // Each row's cells; coreutils pads its columns to the widest cell of the listing, busybox
  // prints fixed widths.
  const row = (name: string, entry: DirEntry) =>
    entry.dir ? ['drwxr-xr-x', '2', '4096', name] : ['-rw-r--r--', '1', String(entry.size), name];
  const render = (rows: string[][]) => {
    if (!long) return rows.map((r) => r[3]!);
    if (busybox)
      return rows.map(
        ([mode, links, size, name]) =>
          `${mode} ${links!.padStart(4)} root     root     ${size!.padStart(9)} ${when} ${name}`,
      );
    const linkWidth = Math.max(...rows.map((r) => r[1]!.length));
    const sizeWidth = Math.max(...rows.map((r) => r[2]!.length));
    return rows.map(
      ([mode, links, size, name]) =>
        `${mode} ${links!.padStart(linkWidth)} root root ${size!.padStart(sizeWidth)} ${when} ${name}`,
    );
  };
  let status = 0;
  const targets = paths.length === 0 ? ['.'] : paths;
  const blocks: string[][] = [];
  for (const target of targets) {
    const entry = list(target === '.' ? '/' : target);
    if (!entry) {
      yield {
        type: 'log',
        line: busybox
          ? `ls: ${target}: No such file or directory`
          : `ls: cannot access '${target}': No such file or directory`,
      };
      status = busybox ? 1 : 2;
      continue;
    }
    if (!entry.dir) {
      blocks.push(render([row(target, entry)]));
      continue;
    }
    const base = target === '.' ? '/' : target.replace(/\/+$/, '');
    const shown = entry.names
      .filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'))
      .sort(byteOrder);
    const names = flags.has('a') ? ['.', '..', ...shown] : shown;
    const lines = render(
      names.map((n) => {
        const child =
          n === '.' || n === '..' ? undefined : list(`${base === '/' ? '' : base}/${n}`);
        return row(n, child ?? { dir: true, names: [] });
      }),
    );
    if (long) lines.unshift(`total ${names.length * 4}`);
    if (targets.length > 1) lines.unshift(`${target}:`);
    blocks.push(lines);
  }
  for (const [i, block] of blocks.entries()) {
    if (i > 0 && targets.length > 1) yield { type: 'log', line: '' };
    for (const text of block) yield { type: 'log', line: text };
  }
  return status;
}
