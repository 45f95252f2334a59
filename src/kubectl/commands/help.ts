import { HELP } from './help-data';

/** GROUPS are the commands that only hold subcommands (cobra prints their help when run bare). */
export const GROUPS: Readonly<Record<string, readonly string[]>> = {
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
 * helpText is the real kubectl's --help for a command (`get`, `rollout status`), falling back
 * to its parent's (`create secret` → `create`) as cobra falls back to the nearest command it has.
 */
export function helpText(name: string, args: readonly string[]): string | undefined {
  const [sub, subsub] = args.filter((a) => !a.startsWith('-'));
  if (subsub !== undefined && HELP[`${name} ${sub} ${subsub}`] !== undefined)
    return HELP[`${name} ${sub} ${subsub}`];
  if (sub !== undefined && HELP[`${name} ${sub}`] !== undefined) return HELP[`${name} ${sub}`];
  return HELP[name];
}

/** topLevelHelp is `kubectl --help`, also what a bare `kubectl` prints. */
export const topLevelHelp = (): string => HELP['']!;
