import { normalizeImage } from './images';

/**
 * What a container's main process does, as far as Kubernetes can see: it writes log lines,
 * waits, serves forever, or exits with a code. Built from the image's default command or the
 * pod's command/args, through a tiny shell for the scripts learners write
 * (`sh -c "echo hi; sleep 5; exit 1"`, `while true; do ...; done`).
 */
export type ProcessStep =
  | { type: 'log'; line: string }
  | { type: 'sleep'; ms: number }
  | { type: 'exit'; code: number }
  | { type: 'serve' }
  /** the process now uses this much memory (bytes): past the container's limit it is OOM-killed */
  | { type: 'memory'; bytes: number };

/**
 * ShellContext is what a process sees of its container: the clock (for `date`) and a tiny file
 * system, enough for the liveness-probe classic `touch /tmp/healthy; sleep 30; rm /tmp/healthy`.
 */
export interface ShellContext {
  now(): string;
  files: Map<string, string>;
}

/** A StartFailure is a container that cannot even start (exec of a missing binary). */
export interface StartFailure {
  startError: string;
}

/** A loop body without any sleep still takes time: one iteration per 100ms keeps the clock moving. */
const BUSY_LOOP_MS = 100;
/** How many steps one script may produce before it is treated as running forever. */
const MAX_STEPS = 100_000;

/** The image's ENTRYPOINT and CMD, as its Dockerfile declares them. */
interface ImageDefaults {
  entrypoint: string[];
  cmd: string[];
}

const SHELL_IMAGES = [
  'docker.io/library/busybox',
  'docker.io/library/alpine',
  'docker.io/library/ubuntu',
];
const NGINX_ENTRYPOINT = '/docker-entrypoint.sh';

function defaultsFor(image: string): ImageDefaults {
  const { repository } = normalizeImage(image);
  if (SHELL_IMAGES.includes(repository))
    return { entrypoint: [], cmd: [repository.endsWith('ubuntu') ? '/bin/bash' : 'sh'] };
  if (repository === 'docker.io/library/nginx')
    return { entrypoint: [NGINX_ENTRYPOINT], cmd: ['nginx', '-g', 'daemon off;'] };
  return { entrypoint: [], cmd: ['serve'] };
}

/** BINARIES the shell and images know; anything else is "executable file not found". */
const BINARIES = new Set([
  'sh',
  '/bin/sh',
  'bash',
  '/bin/bash',
  'sleep',
  'echo',
  'true',
  'false',
  'date',
  'nginx',
  'serve',
  'cat',
  'touch',
  'rm',
  'mkdir',
  'test',
  'stress',
  NGINX_ENTRYPOINT,
]);

/**
 * planProcess returns the steps of a container's process, or a start failure. As in
 * Kubernetes, `command` replaces the image's ENTRYPOINT and `args` replace its CMD.
 */
export function planProcess(
  image: string,
  command: string[] | undefined,
  args: string[] | undefined,
  sh: ShellContext,
): { steps: Iterable<ProcessStep>; handlesSigterm: boolean } | StartFailure {
  const defaults = defaultsFor(image);
  const argv = [...(command ?? defaults.entrypoint), ...(args ?? (command ? [] : defaults.cmd))];
  const binary = argv[0] ?? '';
  if (!BINARIES.has(binary)) {
    return {
      startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown`,
    };
  }
  // Servers install a SIGTERM handler; a shell or sleep running as PID 1 has none and ignores it.
  const handlesSigterm = ['nginx', 'serve', NGINX_ENTRYPOINT].includes(binary);
  return { steps: limit(runCommand(argv, sh)), handlesSigterm };
}

function* limit(steps: Iterable<ProcessStep>): Iterable<ProcessStep> {
  let count = 0;
  for (const step of steps) {
    if (++count > MAX_STEPS) {
      yield { type: 'serve' };
      return;
    }
    yield step;
  }
}

/** runCommand runs one argv; it ends the process with the command's exit code. */
function* runCommand(argv: string[], sh: ShellContext): Iterable<ProcessStep> {
  const [binary, ...rest] = argv;
  if (binary === NGINX_ENTRYPOINT) {
    yield {
      type: 'log',
      line: `${NGINX_ENTRYPOINT}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    };
    yield { type: 'log', line: `${NGINX_ENTRYPOINT}: Configuration complete; ready for start up` };
    yield* runCommand(rest, sh);
    return;
  }
  if (binary === 'nginx' || binary === 'serve') {
    yield { type: 'serve' };
    return;
  }
  if (
    (binary === 'sh' || binary === '/bin/sh' || binary === 'bash' || binary === '/bin/bash') &&
    rest[0] === '-c'
  ) {
    const code = yield* runScript(rest[1] ?? '', sh);
    yield { type: 'exit', code };
    return;
  }
  if (binary === 'sh' || binary === '/bin/sh' || binary === 'bash' || binary === '/bin/bash') {
    // A shell with no script and no terminal reads an empty stdin and exits at once.
    yield { type: 'exit', code: 0 };
    return;
  }
  const code = yield* runSimple(argv, sh);
  yield { type: 'exit', code };
}

class ShellExit {
  constructor(readonly code: number) {}
}

/** runScript interprets `;`, `&&`, `||`, newlines and `while true; do ...; done`. Returns the exit code. */
function* runScript(script: string, sh: ShellContext): Generator<ProcessStep, number> {
  const tokens = tokenizeScript(script);
  try {
    return yield* runList(tokens, sh);
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  }
}

type Token = { word: string } | { op: ';' | '&&' | '||' };

function tokenizeScript(script: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let quote: string | undefined;
  let hasWord = false;
  const flush = () => {
    if (hasWord) tokens.push({ word });
    word = '';
    hasWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      hasWord = true;
    } else if (ch === ';' || ch === '\n') {
      flush();
      tokens.push({ op: ';' });
    } else if (script.startsWith('&&', i) || script.startsWith('||', i)) {
      flush();
      tokens.push({ op: script.slice(i, i + 2) as '&&' | '||' });
      i++;
    } else if (ch === ' ' || ch === '\t') {
      flush();
    } else {
      word += ch;
      hasWord = true;
    }
  }
  flush();
  return tokens;
}

function* runList(tokens: Token[], sh: ShellContext): Generator<ProcessStep, number> {
  let status = 0;
  let skip = false;
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if ('word' in first && first.word === 'while') {
      const doAt = tokens.findIndex((t, j) => j > i && 'word' in t && t.word === 'do');
      const doneAt = findDone(tokens, doAt);
      const condition = tokens.slice(i + 1, doAt).filter((t) => 'word' in t);
      const body = tokens.slice(doAt + 1, doneAt);
      if (!skip) {
        for (;;) {
          const ok = (yield* runList(condition, sh)) === 0;
          if (!ok) break;
          let slept = false;
          const iteration = runList(body, sh);
          for (let r = iteration.next(); !r.done; r = iteration.next()) {
            if (r.value.type === 'sleep') slept = true;
            yield r.value;
          }
          if (!slept) yield { type: 'sleep', ms: BUSY_LOOP_MS };
        }
      }
      i = doneAt + 1;
      continue;
    }
    const words: string[] = [];
    while (i < tokens.length && 'word' in tokens[i]!)
      words.push((tokens[i++] as { word: string }).word);
    if (!skip && words.length > 0) status = yield* runSimple(words, sh);
    const op = tokens[i] as { op?: string } | undefined;
    i++;
    skip = (op?.op === '&&' && status !== 0) || (op?.op === '||' && status === 0);
  }
  return status;
}

function findDone(tokens: Token[], from: number): number {
  let depth = 0;
  for (let j = from + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (!('word' in t)) continue;
    if (t.word === 'do') depth++;
    if (t.word === 'done') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return tokens.length;
}

function* runSimple(words: string[], sh: ShellContext): Generator<ProcessStep, number> {
  const [binary, ...args] = words;
  switch (binary) {
    case 'echo': {
      const redirect = args.findIndex((a) => a === '>' || a === '>>');
      if (redirect >= 0 && args[redirect + 1]) {
        const path = args[redirect + 1]!;
        const text = `${args.slice(0, redirect).join(' ')}\n`;
        sh.files.set(path, args[redirect] === '>>' ? (sh.files.get(path) ?? '') + text : text);
        return 0;
      }
      yield { type: 'log', line: args.join(' ') };
      return 0;
    }
    case 'touch':
      for (const path of args) if (!sh.files.has(path)) sh.files.set(path, '');
      return 0;
    case 'rm':
      for (const path of args.filter((a) => !a.startsWith('-'))) sh.files.delete(path);
      return 0;
    case 'mkdir':
      return 0;
    case 'cat': {
      let status = 0;
      for (const path of args) {
        const content = sh.files.get(path);
        if (content === undefined) {
          yield { type: 'log', line: `cat: can't open '${path}': No such file or directory` };
          status = 1;
        } else {
          for (const line of content.replace(/\n$/, '').split('\n')) yield { type: 'log', line };
        }
      }
      return status;
    }
    case 'test':
    case '[': {
      const [flag, path] = args;
      return (flag === '-f' || flag === '-e') && path && sh.files.has(path) ? 0 : 1;
    }
    case 'date':
      yield { type: 'log', line: sh.now() };
      return 0;
    case 'sleep': {
      const arg = args[0] ?? '';
      if (arg === 'infinity') {
        yield { type: 'serve' };
        return 0;
      }
      const seconds = Number(arg.replace(/s$/, ''));
      if (!Number.isFinite(seconds)) {
        yield { type: 'log', line: `sleep: invalid number '${arg}'` };
        return 1;
      }
      yield { type: 'sleep', ms: seconds * 1000 };
      return 0;
    }
    case 'stress':
      return yield* runStress(args);
    case 'true':
      return 0;
    case 'false':
      return 1;
    case 'exit':
      throw new ShellExit(Number(args[0] ?? 0) || 0);
    default:
      yield { type: 'log', line: `sh: ${binary}: not found` };
      return 127;
  }
}

/**
 * execOnce runs a command to completion at once, as `kubectl exec` or an exec probe does:
 * sleeps take no time, output is what it logged. A process that would serve forever counts as
 * success (the probe's timeout is not modelled).
 */
export function execOnce(argv: string[], sh: ShellContext): { exitCode: number; output: string[] } {
  const binary = argv[0] ?? '';
  if (!BINARIES.has(binary)) {
    return {
      exitCode: 126,
      output: [
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown`,
      ],
    };
  }
  const output: string[] = [];
  for (const step of limit(runCommand(argv, sh))) {
    if (step.type === 'log') output.push(step.line);
    if (step.type === 'exit') return { exitCode: step.code, output };
    if (step.type === 'serve') break;
  }
  return { exitCode: 0, output };
}

/** SIZE_SUFFIX is stress's --vm-bytes units (B, K, M, G: powers of 1024). */
const SIZE_SUFFIX: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/**
 * runStress models the stress tool the Kubernetes docs use to exceed memory limits:
 * `stress --vm 1 --vm-bytes 250M --vm-hang 1` allocates 250 MiB and holds it.
 */
function* runStress(args: string[]): Generator<ProcessStep, number> {
  const at = args.indexOf('--vm-bytes');
  const size = at >= 0 ? /^(\d+)([BKMG]?)$/i.exec(args[at + 1] ?? '') : null;
  const workers = Number(args[args.indexOf('--vm') + 1] ?? 1) || 1;
  const bytes = size ? Number(size[1]) * SIZE_SUFFIX[size[2]!.toUpperCase()]! : 256 * 1024 ** 2;
  yield {
    type: 'log',
    line: `stress: info: [1] dispatching hogs: 0 cpu, 0 io, ${args.includes('--vm') ? workers : 0} vm, 0 hdd`,
  };
  yield { type: 'memory', bytes: bytes * (args.includes('--vm') ? workers : 0) };
  yield { type: 'serve' };
  return 0;
}
