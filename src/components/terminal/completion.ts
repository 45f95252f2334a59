import { RESOURCES } from '../../engine';
import { COMMANDS } from '../../kubectl/commands';
import { GROUPS } from '../../kubectl/commands/help';
import { GLOBAL_FLAGS } from '../../kubectl/flags';
import { findResource } from '../../kubectl/resources';

/** NameLookup gives completion the cluster's object names. */
export interface NameLookup {
  /** names of objects of a resource (plural), in a namespace when it is namespaced */
  names(resource: string, namespace: string): string[];
  /** the current context's namespace, where kubectl looks without -n */
  namespace: string;
}

export interface Completion {
  /** the text to insert at the cursor ('' when there is nothing unambiguous to add) */
  insert: string;
  /** every candidate, to list when the completion is ambiguous */
  candidates: string[];
}

const SHELL_WORDS = ['kubectl', 'k', 'clear'];
const OUTPUTS = ['json', 'yaml', 'wide', 'name'];
/** commands whose first argument is a node name, and those that take no resource argument */
const NODE_COMMANDS = ['cordon', 'uncordon'];
const NO_RESOURCE = ['version', 'cluster-info', 'api-resources', 'config', 'run'];
/** commands whose first argument is a pod name (kubectl completes pods there, not types) */
const POD_COMMANDS = ['exec', 'logs', 'attach', 'port-forward'];

/** CREATE_SUBCOMMANDS are `kubectl create`'s generators Kubeloop runs, and their own subcommands. */
const CREATE_SUBCOMMANDS: Record<string, readonly string[]> = {
  clusterrole: [],
  clusterrolebinding: [],
  configmap: [],
  cronjob: [],
  deployment: [],
  ingress: [],
  job: [],
  namespace: [],
  role: [],
  rolebinding: [],
  secret: ['generic'],
  service: ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
  serviceaccount: [],
};

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function resourceWords(): string[] {
  return [...new Set(RESOURCES.map((r) => r.resource))].sort();
}

/**
 * candidatesFor lists what may come in the word being typed, given the finished words before it
 * (words[0] is kubectl or k): commands, subcommands, flags, flag values, types and names.
 */
function candidatesFor(words: string[], partial: string, lookup: NameLookup): string[] {
  if (words.length === 0) return SHELL_WORDS;
  if (words[0] !== 'kubectl' && words[0] !== 'k') return [];
  const rest = words.slice(1);
  // Skip flags (and the values of those that take one) to find the command and its arguments.
  let namespace = lookup.namespace;
  const positional: string[] = [];
  const command = () => COMMANDS.find((c) => c.name === positional[0]);
  const takesValue = (flag: string) => {
    const spec = [...GLOBAL_FLAGS, ...(command()?.flags ?? [])].find(
      (f) => `--${f.name}` === flag || `-${f.short}` === flag,
    );
    return spec !== undefined && spec.type !== 'bool' && !flag.includes('=');
  };
  let pendingFlag: string | undefined;
  for (const w of rest) {
    if (pendingFlag) {
      if (pendingFlag === '-n' || pendingFlag === '--namespace') namespace = w;
      pendingFlag = undefined;
    } else if (w.startsWith('-')) {
      if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
      if (takesValue(w)) pendingFlag = w;
    } else {
      positional.push(w);
    }
  }
  if (pendingFlag === '-n' || pendingFlag === '--namespace') return lookup.names('namespaces', '');
  if (pendingFlag === '-o' || pendingFlag === '--output') return OUTPUTS;
  if (pendingFlag) return [];
  if (positional.length === 0) {
    if (partial.startsWith('-')) return GLOBAL_FLAGS.map((f) => `--${f.name}`);
    return COMMANDS.map((c) => c.name).sort();
  }
  const cmd = command();
  if (!cmd) return [];
  if (partial.startsWith('-')) {
    return [...cmd.flags, ...GLOBAL_FLAGS].map((f) => `--${f.name}`).sort();
  }
  let args = positional.slice(1);
  const group = GROUPS[cmd.name];
  if (group) {
    if (args.length === 0) return [...group];
    if (cmd.name === 'config') return [];
    args = args.slice(1);
  }
  if (cmd.name === 'create') {
    if (args.length === 0) return Object.keys(CREATE_SUBCOMMANDS);
    return args.length === 1 ? [...(CREATE_SUBCOMMANDS[args[0]!] ?? [])] : [];
  }
  if (NO_RESOURCE.includes(cmd.name)) return [];
  if (NODE_COMMANDS.includes(cmd.name)) return lookup.names('nodes', '');
  if (POD_COMMANDS.includes(cmd.name) && !partial.includes('/'))
    return args.length === 0 ? lookup.names('pods', namespace) : [];
  if (partial.includes('/')) {
    const type = partial.slice(0, partial.indexOf('/'));
    const info = findResource(type);
    if (!info) return [];
    return lookup.names(info.resource, info.namespaced ? namespace : '').map((n) => `${type}/${n}`);
  }
  if (args.length === 0) return cmd.name === 'taint' ? ['nodes'] : resourceWords();
  if (args[0]!.includes('/')) return [];
  const info = findResource(args[0]!.split(',')[0]!);
  return info ? lookup.names(info.resource, info.namespaced ? namespace : '') : [];
}

/**
 * complete finishes the word before the cursor as bash's programmable completion does: one
 * candidate completes with a space after it; several complete to their common prefix.
 */
export function complete(before: string, lookup: NameLookup): Completion {
  const parts = before.split(/\s+/);
  const partial = parts.pop() ?? '';
  const words = parts.filter((w) => w !== '');
  const candidates = candidatesFor(words, partial, lookup).filter((c) => c.startsWith(partial));
  if (candidates.length === 0) return { insert: '', candidates };
  if (candidates.length === 1)
    return { insert: `${candidates[0]!.slice(partial.length)} `, candidates };
  return { insert: commonPrefix(candidates).slice(partial.length), candidates };
}
