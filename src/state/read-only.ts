import { tokenize } from '../kubectl/tokenize';

/** Commands that only read the cluster: running one in the past does not change the future. */
const READ_ONLY = new Set([
  'get',
  'describe',
  'logs',
  'top',
  'version',
  'cluster-info',
  'api-resources',
  'explain',
  'events',
  'config',
  'exec',
  'wait',
  'auth',
  'api-versions',
]);
const READ_ONLY_ROLLOUT = new Set(['status', 'history']);
/** Global flags that take a value (so the next word is not the command). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--cluster', '--user', '-s']);

/**
 * isReadOnlyCommand: the kubectl line only reads (get, describe, logs...), asks for help, or is a
 * client-side dry run, so it can run on a past cluster without forking its future. Anything it
 * cannot classify counts as a change.
 */
export function isReadOnlyCommand(line: string): boolean {
  let words: string[];
  try {
    words = tokenize(line);
  } catch {
    return true; // kubectl refuses it before touching the cluster
  }
  if (words[0] !== 'kubectl' && words[0] !== 'k') return true;
  const args = words.slice(1);
  if (args.some((w) => w === '-h' || w === '--help' || w.startsWith('--dry-run'))) return true;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (VALUE_FLAGS.has(w)) i++;
    else if (!w.startsWith('-')) rest.push(w);
  }
  const [verb, sub] = rest;
  if (verb === undefined) return true;
  if (verb === 'rollout') return sub !== undefined && READ_ONLY_ROLLOUT.has(sub);
  return READ_ONLY.has(verb);
}
