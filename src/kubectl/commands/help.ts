import { HELP } from './help-data';

/** GROUPS are the commands that only hold subcommands (cobra prints their help when run bare). */
export const GROUPS: Readonly<Record<string, readonly string[]>> = {
  auth: ['can-i', 'reconcile', 'whoami'],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
  config: [
    'current-context',
    'delete-cluster',
    'delete-context',
    'delete-user',
    'get-clusters',
    'get-contexts',
    'get-users',
    'rename-context',
    'set',
    'set-cluster',
    'set-context',
    'set-credentials',
    'unset',
    'use-context',
    'view',
  ],
};

/** wantsHelp is whether -h or --help comes before `--` (cobra answers it before anything else). */
export function wantsHelp(words: readonly string[]): boolean {
  for (const w of words) {
    if (w === '--') return false;
    if (w === '--help' || w === '-h' || w === '--help=true') return true;
  }
  return false;
}

/**
 * commandPath is the cobra command that positional args (flags already taken out) reach: the
 * longest path with a help text (`create deployment`, `rollout status`), following the aliases
 * each help lists (`create deploy` is `create deployment`).
 */
export function commandPath(name: string, args: readonly string[]): string {
  let path = name;
  for (const word of args.slice(0, 2)) {
    const child = CHILD_BY_ALIAS.get(`${path} ${word}`);
    if (child === undefined) break;
    path = child;
  }
  return path;
}

/** CHILD_BY_ALIAS maps `parent word` to the subcommand path it names, by name or alias. */
const CHILD_BY_ALIAS = new Map<string, string>(
  Object.entries(HELP).flatMap(([path, text]) => {
    const space = path.lastIndexOf(' ');
    if (space < 0) return [];
    const aliases = /\nAliases:\n(.*)\n/.exec(text)?.[1]?.split(', ') ?? [path.slice(space + 1)];
    return aliases.map((alias) => [`${path.slice(0, space)} ${alias}`, path] as const);
  }),
);

/**
 * helpText is the real kubectl's --help for a command (`get`, `rollout status`), falling back
 * to its parent's (`create priorityclass` → `create`) as cobra falls back to the nearest command it has.
 */
export function helpText(name: string, args: readonly string[]): string | undefined {
  return HELP[commandPath(name, args)];
}

/** topLevelHelp is `kubectl --help`, also what a bare `kubectl` prints. */
export const topLevelHelp = (): string => HELP['']!;
