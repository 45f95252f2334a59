import { adminUser, impersonatedUser, type ApiResponse, type Cluster } from '../engine';
import { COMMANDS, KUBECTL_COMMANDS, REQUIRED_FLAGS } from './commands';
import { commandPath, helpText, topLevelHelp, wantsHelp } from './commands/help';
import type { Context, KubectlInput, Task } from './context';
import { KubectlError } from './errors';
import { defaultNamespace } from './kubeconfig';
import { FlagError, Flags, GLOBAL_FLAGS, parseFlags, positionalArgs } from './flags';
import { klogError } from './klog';
import { tokenize } from './tokenize';

export type { Editor, EditorFile, EditorOutcome, KubectlInput } from './context';
export { summarizePod, type PodSummary } from './printers/pod-status';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlExecution {
  readonly done: boolean;
  /** the command waits for its editor (kubectl edit): driving the cluster will not finish it */
  readonly editing: boolean;
  readonly result?: KubectlResult;
  onDone(cb: (r: KubectlResult) => void): void;
}

class Execution implements KubectlExecution {
  done = false;
  editing = false;
  result?: KubectlResult;
  private readonly callbacks: ((r: KubectlResult) => void)[] = [];

  onDone(cb: (r: KubectlResult) => void): void {
    if (this.result) cb(this.result);
    else this.callbacks.push(cb);
  }

  finish(result: KubectlResult): void {
    this.done = true;
    this.result = result;
    for (const cb of this.callbacks.splice(0)) cb(result);
  }
}

/** levenshtein is cobra's ld() (case-insensitive edit distance) used for command suggestions. */
export function levenshtein(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[a.length]![b.length]!;
}

function unknownCommand(word: string): string {
  const suggestions = KUBECTL_COMMANDS.filter(
    (c) => levenshtein(word, c) <= 2 || c.startsWith(word.toLowerCase()),
  );
  const head = `Error: unknown command "${word}" for "kubectl"`;
  if (suggestions.length === 0) return `${head}\n`;
  return `${head}\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n`;
}

/** splitCommand finds the command word, skipping global flags (-n ns) written before it. */
function splitCommand(words: string[]): { name?: string; rest: string[] } {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-')) return { name: w, rest: [...words.slice(0, i), ...words.slice(i + 1)] };
    const takesValue = GLOBAL_FLAGS.some((f) => w === `--${f.name}` || w === `-${f.short}`);
    if (takesValue) i++;
  }
  return { rest: words };
}

const done = (stdout: string, stderr: string, exitCode: number): KubectlResult => ({
  stdout,
  stderr,
  exitCode,
});

/** startKubectl starts a command; its API requests are hops that complete as the cluster runs. */
export function startKubectl(
  cluster: Cluster,
  commandLine: string,
  input: KubectlInput = {},
): KubectlExecution {
  const execution = new Execution();
  const fail = (stderr: string) => {
    execution.finish(done('', stderr, 1));
    return execution;
  };
  let words: string[];
  try {
    words = tokenize(commandLine);
  } catch (error) {
    return fail(`error: ${(error as Error).message}\n`);
  }
  if (words[0] !== 'kubectl' && words[0] !== 'k') {
    execution.finish(done('', `${words[0] ?? ''}: command not found\n`, 127));
    return execution;
  }
  const { name, rest } = splitCommand(words.slice(1));
  // A bare `kubectl` prints its help, as does -h anywhere (cobra checks it before the flags).
  if (name === undefined) {
    execution.finish(done(topLevelHelp(), '', 0));
    return execution;
  }
  const command = COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
  const positional = positionalArgs(rest, command?.flags ?? []);
  const help = wantsHelp(rest) ? helpText(command?.name ?? name, positional) : undefined;
  if (help !== undefined) {
    execution.finish(done(help, '', 0));
    return execution;
  }
  if (!command) {
    if (KUBECTL_COMMANDS.includes(name))
      return fail(`error: "kubectl ${name}" is not available in Kubeloop yet\n`);
    return fail(unknownCommand(name));
  }
  const path = commandPath(command.name, positional);
  let flags: Flags;
  try {
    flags = new Flags(parseFlags(rest, command.flags));
  } catch (error) {
    if (error instanceof FlagError)
      return fail(`Error: ${error.message}\nSee 'kubectl ${path} --help' for usage.\n`);
    throw error;
  }
  // cobra returns this error from Execute, and kubectl's main logs it through klog (run.go).
  const missing = (REQUIRED_FLAGS[path] ?? []).filter((f) => !flags.has(f)).sort();
  if (missing.length > 0) {
    const err = `required flag(s) ${missing.map((f) => `"${f}"`).join(', ')} not set`;
    return fail(`${klogError(cluster.clock.now, 'run.go:72', 'command failed', err)}\n`);
  }
  const ctx: Context = {
    cluster,
    input,
    flags,
    namespace: flags.string('namespace') || defaultNamespace(cluster),
    namespaceSet: flags.has('namespace'),
    out: [],
    err: [],
    exitCode: 0,
  };

  const client = cluster.client('kubectl');
  const user = flags.has('as')
    ? impersonatedUser(flags.string('as', ''), flags.strings('as-group'))
    : adminUser(cluster.preset);
  const finish = () => {
    const stderr = ctx.err.map((line) => `${line}\n`).join('');
    execution.finish(done(ctx.out.join(''), stderr, ctx.exitCode));
  };
  const step = (value: ApiResponse | undefined): void => {
    let next: IteratorResult<import('./context').Op, void>;
    try {
      next = task.next(value);
    } catch (error) {
      if (!(error instanceof KubectlError)) throw error;
      ctx.err.push(error.message);
      ctx.exitCode = 1;
      return finish();
    }
    if (next.done) return finish();
    const op = next.value;
    if (op.kind === 'request')
      client.request({ ...op.request, user }, (response) => step(response));
    else if (op.kind === 'sleep') cluster.clock.schedule(op.ms, () => step(undefined));
    else if (!input.editor) {
      // kubectl falls back to vi, which a browser (or this headless CLI) does not have.
      op.outcome = { ok: false, error: 'unable to launch the editor "vi"' };
      step(undefined);
    } else {
      execution.editing = true;
      let answered = false;
      input.editor(op.file, (outcome) => {
        if (answered) return;
        answered = true;
        execution.editing = false;
        op.outcome = outcome;
        step(undefined);
      });
    }
  };
  const task: Task = command.run(ctx);
  step(undefined);
  return execution;
}

/** runKubectl runs a command to completion by driving the cluster — for the CLI, tests, lessons. */
export function runKubectl(
  cluster: Cluster,
  commandLine: string,
  input?: KubectlInput,
): KubectlResult {
  const execution = startKubectl(cluster, commandLine, input);
  cluster.runWhile(() => !execution.done);
  return (
    execution.result ??
    done('', 'error: the command did not finish (the cluster ran out of work)\n', 1)
  );
}
