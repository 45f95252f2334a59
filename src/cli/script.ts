import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createCluster, type Cluster, type Hop, type HostOrigin, type PresetName } from '../engine';
import { runKubectl } from '../kubectl';
import { parseDuration } from '../kubectl/duration';
import { tokenize } from '../kubectl/tokenize';
import { scriptEditor } from './script-editor';

/** A ScriptStep is one command of a script, with the line it starts on. */
export type ScriptStep =
  | {
      kind: 'kubectl';
      line: number;
      text: string;
      stdin?: string;
      /** `NAME=value` words before kubectl (KUBE_EDITOR for `kubectl edit`) */
      env?: Record<string, string>;
      /** the kubectl command itself, when env words come before it in text */
      command?: string;
    }
  | { kind: 'sleep'; line: number; text: string; ms: number }
  | { kind: 'fault'; line: number; text: string; fault: Fault }
  /** a command on a node (`ssh NODE curl ...`) or on a machine outside the cluster (`curl ...`) */
  | { kind: 'host'; line: number; text: string; origin: HostOrigin; argv: string[] };

/** A Fault is something a script does to the cluster that no kubectl command can: a lost node, a killed process. */
export type Fault =
  | { type: 'node-down' | 'node-up' | 'node-add'; node: string }
  | { type: 'kill'; namespace: string; pod: string; container?: string }
  | { type: 'load'; namespace: string; deployment: string; percent: number };

/** ENV_PREFIX matches the `NAME=value ` assignments a shell line may start with. */
const ENV_PREFIX = /^(?:[A-Za-z_][A-Za-z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'])*\s+)+/;

/** splitEnv separates leading assignments (`KUBE_EDITOR="sed -i ..." kubectl edit ...`). */
function splitEnv(text: string): { env?: Record<string, string>; command: string } {
  const prefix = ENV_PREFIX.exec(text)?.[0];
  if (!prefix) return { command: text };
  const env: Record<string, string> = {};
  for (const word of tokenize(prefix)) {
    const eq = word.indexOf('=');
    env[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return { env, command: text.slice(prefix.length) };
}

/** ScriptError is a malformed script: the CLI prints it and exits 2. */
export class ScriptError extends Error {}

/**
 * parseScript reads a script: blank lines and # comments skipped; `kubectl ...`/`k ...` lines,
 * optionally with a heredoc (`<<EOF`, `<<'EOF'`, `<<-EOF`) feeding stdin; `sleep DURATION`;
 * faults: `node down NODE`, `node up NODE`, `node add NODE`, `kill [-n NS] POD [CONTAINER]`,
 * `load [-n NS] DEPLOYMENT PERCENT`; from outside the cluster `curl URL`, on a node
 * `ssh NODE curl URL` or `ssh NODE iptables-save -t nat`.
 */
export function parseScript(text: string, name: string): ScriptStep[] {
  const lines = text.split('\n');
  const steps: ScriptStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    const lineNo = i + 1;
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const bad = (msg: string) => new ScriptError(`error: ${name}:${lineNo}: ${msg}`);
    let env: Record<string, string> | undefined;
    let command: string;
    try {
      ({ env, command } = splitEnv(trimmed));
    } catch (e) {
      throw bad((e as Error).message);
    }
    const withEnv = env ? { env, command } : {};
    const first = command.split(/\s+/)[0]!;
    // Assignments only make sense before kubectl: its edit reads KUBE_EDITOR.
    if (env && first !== 'kubectl' && first !== 'k') throw bad(`unknown command "${trimmed}"`);
    if (first === 'sleep') {
      const arg = trimmed.split(/\s+/)[1];
      if (!arg) throw bad('sleep needs a duration');
      let ms: number;
      try {
        ms = parseDuration(/^\d+(\.\d+)?$/.test(arg) ? `${arg}s` : arg);
      } catch (e) {
        throw bad((e as Error).message);
      }
      steps.push({ kind: 'sleep', line: lineNo, text: trimmed, ms });
      continue;
    }
    if (first === 'node' || first === 'kill' || first === 'load') {
      steps.push({
        kind: 'fault',
        line: lineNo,
        text: trimmed,
        fault: parseFault(trimmed.split(/\s+/), bad),
      });
      continue;
    }
    if (first === 'curl' || first === 'ssh') {
      let argv: string[];
      try {
        argv = tokenize(trimmed);
      } catch (e) {
        throw bad((e as Error).message);
      }
      if (first === 'ssh' && argv.length < 3) throw bad('usage: ssh NODE COMMAND...');
      const origin: HostOrigin =
        first === 'ssh' ? { kind: 'node', node: argv[1]! } : { kind: 'external' };
      steps.push({
        kind: 'host',
        line: lineNo,
        text: trimmed,
        origin,
        argv: first === 'ssh' ? argv.slice(2) : argv,
      });
      continue;
    }
    if (first !== 'kubectl' && first !== 'k') throw bad(`unknown command "${trimmed}"`);
    const heredoc = command.match(/<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2\s*$/);
    if (!heredoc) {
      try {
        tokenize(trimmed);
      } catch (e) {
        throw bad((e as Error).message);
      }
      steps.push({ kind: 'kubectl', line: lineNo, text: trimmed, ...withEnv });
      continue;
    }
    const [, dash, , tag] = heredoc;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = dash ? lines[j]!.replace(/^\t+/, '') : lines[j]!;
      if (l === tag) break;
      body.push(l);
    }
    if (j >= lines.length) throw bad(`unterminated heredoc (missing "${tag}")`);
    steps.push({
      kind: 'kubectl',
      line: lineNo,
      text: trimmed.slice(0, trimmed.length - command.length + heredoc.index!).trim(),
      stdin: body.map((l) => `${l}\n`).join(''),
      ...(env ? { env, command: command.slice(0, heredoc.index!).trim() } : {}),
    });
    i = j;
  }
  return steps;
}

/** parseFault reads `node down|up|add NAME`, `kill [-n NS] POD [CONTAINER]`, `load [-n NS] DEPLOYMENT PERCENT`. */
function parseFault(words: string[], bad: (msg: string) => ScriptError): Fault {
  if (words[0] === 'node') {
    const [, action, node, extra] = words;
    if ((action !== 'down' && action !== 'up' && action !== 'add') || !node || extra)
      throw bad('usage: node down|up|add NODE');
    return { type: `node-${action}`, node };
  }
  const rest = words.slice(1);
  let namespace = 'default';
  const ns = rest.indexOf('-n');
  if (ns >= 0) {
    namespace = rest[ns + 1] ?? '';
    rest.splice(ns, 2);
  }
  if (words[0] === 'load') {
    const [deployment, percent, extra] = rest;
    if (!deployment || !namespace || !percent || !/^\d+$/.test(percent) || extra)
      throw bad('usage: load [-n NAMESPACE] DEPLOYMENT PERCENT');
    return { type: 'load', namespace, deployment, percent: Number(percent) };
  }
  const [pod, container, extra] = rest;
  if (!pod || !namespace || extra) throw bad('usage: kill [-n NAMESPACE] POD [CONTAINER]');
  return { type: 'kill', namespace, pod, container };
}

/** applyFault does it, or says in one line why it could not. */
function applyFault(cluster: Cluster, fault: Fault): string {
  switch (fault.type) {
    case 'node-down':
      return cluster.stopNode(fault.node) ? '' : `kubeloop: node "${fault.node}" is not running\n`;
    case 'node-up':
      return cluster.startNode(fault.node) ? '' : `kubeloop: node "${fault.node}" is not stopped\n`;
    case 'node-add':
      return cluster.addNode(fault.node)
        ? ''
        : `kubeloop: cannot add node "${fault.node}": the name is taken or not a valid node name\n`;
    case 'kill':
      return cluster.killContainer(fault.namespace, fault.pod, fault.container)
        ? ''
        : `kubeloop: no running container to kill in pod "${fault.pod}"\n`;
    case 'load':
      cluster.setLoad(fault.namespace, fault.deployment, fault.percent);
      return '';
  }
}

/** runOnHost runs a node's or an outside machine's command; an unknown node is said so. */
function runOnHost(cluster: Cluster, origin: HostOrigin, argv: string[]): string {
  if (origin.kind === 'node') {
    const kubelet = cluster.kubelets.get(origin.node);
    if (!kubelet)
      return `ssh: Could not resolve hostname ${origin.node}: Name or service not known\n`;
    if (!kubelet.isUp) return `ssh: connect to host ${origin.node} port 22: No route to host\n`;
  }
  const run = cluster.network.hostCommand(origin, argv);
  return run.lines.map((l) => `${l}\n`).join('');
}

export interface RunOptions {
  seed?: number;
  preset?: PresetName;
  hops?: boolean;
  /** where `-f PATH` files are read from (the script's folder) */
  baseDir: string;
  readFile?: (path: string) => string | undefined;
}

/** formatHop prints a hop for --hops: `~ 0.002s kubectl -> kube-apiserver: create deployment/web`. */
export function formatHop(hop: Hop, start: number): string {
  const what =
    hop.object.name === ''
      ? hop.object.kind
      : `${hop.object.kind.toLowerCase()}/${hop.object.name}`;
  return `~ ${((hop.time - start) / 1000).toFixed(3)}s ${hop.from} -> ${hop.to}: ${hop.verb} ${what}`;
}

/** runScript replays steps on a fresh cluster and returns the transcript. */
export function runScript(steps: ScriptStep[], options: RunOptions): string {
  const cluster = createCluster({
    seed: options.seed ?? 1,
    preset: options.preset ?? 'kubeadm',
    keepHops: false,
  });
  let out = '';
  const stop = options.hops
    ? cluster.onHop((hop) => (out += `${formatHop(hop, cluster.startTime)}\n`))
    : undefined;
  const readFile =
    options.readFile ??
    ((path: string) => {
      try {
        return readFileSync(resolve(options.baseDir, path), 'utf8');
      } catch {
        return undefined;
      }
    });
  for (const step of steps) {
    out += `$ ${step.text}\n`;
    if (step.kind === 'sleep') {
      cluster.runFor(step.ms);
      continue;
    }
    if (step.kind === 'fault') {
      out += applyFault(cluster, step.fault);
      continue;
    }
    if (step.kind === 'host') {
      out += runOnHost(cluster, step.origin, step.argv);
      continue;
    }
    const result = runKubectl(cluster, step.command ?? step.text, {
      stdin: step.stdin,
      readFile,
      editor: scriptEditor(step.env ?? {}),
    });
    out += result.stdout + result.stderr;
  }
  stop?.();
  return out;
}

/** main is the CLI: `kubeloop run SCRIPT [--seed N] [--preset P] [--hops]`; returns the exit code. */
export function main(
  argv: string[],
  write: (s: string) => void,
  writeErr: (s: string) => void,
): number {
  const [verb, ...rest] = argv;
  const usage = 'usage: kubeloop run SCRIPT [--seed N] [--preset kubeadm|minikube] [--hops]\n';
  if (verb !== 'run') {
    writeErr(usage);
    return 2;
  }
  let script: string | undefined;
  let seed = 1;
  let preset: PresetName = 'kubeadm';
  let hops = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--hops') hops = true;
    else if (a === '--seed' || a.startsWith('--seed='))
      seed = Number(a.includes('=') ? a.split('=')[1] : rest[++i]);
    else if (a === '--preset' || a.startsWith('--preset='))
      preset = (a.includes('=') ? a.split('=')[1] : rest[++i]) as PresetName;
    else if (script === undefined) script = a;
    else {
      writeErr(usage);
      return 2;
    }
  }
  if (
    script === undefined ||
    !Number.isFinite(seed) ||
    (preset !== 'kubeadm' && preset !== 'minikube')
  ) {
    writeErr(usage);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(script, 'utf8');
  } catch {
    writeErr(`error: cannot read ${script}\n`);
    return 2;
  }
  try {
    const steps = parseScript(text, script);
    write(runScript(steps, { seed, preset, hops, baseDir: dirname(resolve(script)) }));
    return 0;
  } catch (e) {
    if (e instanceof ScriptError) {
      writeErr(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
