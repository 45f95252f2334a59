import { findImage, imageTools, normalizeImage } from './images';
import { listDirectory, lsCommand } from './shell-files';
import { formatDate } from './shell-date';
import { curl, nslookup, wget, type ContainerNetwork, type ToolRun } from '../network/tools';

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
  files: ContainerFiles;
  /** the process's environment (NAME=value), for $NAME in scripts */
  env?: () => string[];
  /** the image's own tools beyond the builtins (curl in nginx, wget and nslookup in busybox) */
  tools?: readonly string[];
  /** the container's view of the cluster network; absent in a runtime used alone (tests) */
  network?: ContainerNetwork;
}

/**
 * ContainerFiles is a container's file system as its processes use it: a Map of path to content
 * will do; one with volumes mounted also lists what they hold and refuses writes to read-only ones.
 */
export interface ContainerFiles {
  get(path: string): string | undefined;
  set(path: string, content: string): unknown;
  has(path: string): boolean;
  delete(path: string): boolean;
  /** the paths written in the container's own layer */
  keys(): Iterable<string>;
  /** what the mounts put directly under dir (for `ls`), undefined when no mount is there */
  list?(dir: string): string[] | undefined;
  /** whether a path lies on a read-only mount (a ConfigMap or Secret volume) */
  readOnlyAt?(path: string): boolean;
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
  if (repository === 'docker.io/curlimages/curl') return { entrypoint: [], cmd: ['curl'] };
  if (repository === 'docker.io/library/nginx')
    return { entrypoint: [NGINX_ENTRYPOINT], cmd: ['nginx', '-g', 'daemon off;'] };
  const entrypoint = findImage(image)?.entrypoint;
  if (entrypoint) return { entrypoint, cmd: [] };
  return { entrypoint: [], cmd: ['serve'] };
}

/**
 * BINARIES every image with a shell has (busybox applets or coreutils); bash and the rest come
 * with the image (imageTools). Anything else is "executable file not found".
 */
const BINARIES = new Set([
  'sh',
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
  'ls',
  'printenv',
]);

/** SHELLS run a script given with -c: sh everywhere, bash in Debian images, ash in busybox. */
const SHELLS = new Set(['sh', 'bash', 'ash']);

/** BIN_DIRS are the PATH directories a command may also be named by (/bin/sh, /usr/bin/env). */
const BIN_DIRS = ['/bin/', '/usr/bin/', '/usr/local/bin/', '/sbin/', '/usr/sbin/'];

/** hasBinary: a command every shell image has, or one of the image's own binaries. */
function hasBinary(binary: string, tools: readonly string[]): boolean {
  const dir = BIN_DIRS.find((d) => binary.startsWith(d) && !binary.slice(d.length).includes('/'));
  const name = dir ? binary.slice(dir.length) : binary;
  if (binary.includes('/') && !dir) return tools.includes(binary);
  return BINARIES.has(name) || tools.includes(name);
}

/**
 * missingBinary is runc's error for a command the image lacks: a bare name is looked up in
 * $PATH, a path is stat'ed.
 */
function missingBinary(binary: string): string {
  return binary.includes('/')
    ? `exec: "${binary}": stat ${binary}: no such file or directory: unknown`
    : `exec: "${binary}": executable file not found in $PATH: unknown`;
}

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
  // An image's own server binary (MetalLB's /controller, etcd) serves whatever flags it is given.
  if (binary === findImage(image)?.entrypoint?.[0])
    return { steps: [{ type: 'serve' }], handlesSigterm: true };
  if (!hasBinary(binary, sh.tools ?? imageTools(image))) {
    return {
      startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${missingBinary(binary)}`,
    };
  }
  // Servers install a SIGTERM handler; a shell or sleep running as PID 1 has none and ignores it.
  const handlesSigterm = ['nginx', 'serve', NGINX_ENTRYPOINT].includes(binary);
  return { steps: serverSteps(argv) ?? limit(runCommand(argv, sh)), handlesSigterm };
}

/** What nginx's /docker-entrypoint.sh logs before it execs its command. */
const NGINX_ENTRYPOINT_LOGS: readonly ProcessStep[] = [
  {
    type: 'log',
    line: `${NGINX_ENTRYPOINT}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
  },
  { type: 'log', line: `${NGINX_ENTRYPOINT}: Configuration complete; ready for start up` },
];
const SERVE_STEPS: readonly ProcessStep[] = [{ type: 'serve' }];
const NGINX_STEPS: readonly ProcessStep[] = [...NGINX_ENTRYPOINT_LOGS, ...SERVE_STEPS];

/**
 * serverSteps is what runCommand would yield for a server started as itself or through nginx's
 * entrypoint, as one shared list: a thousand nginx pods need no suspended shell each.
 */
function serverSteps(argv: readonly string[]): readonly ProcessStep[] | undefined {
  const [binary, next] = argv;
  if (binary === 'nginx' || binary === 'serve') return SERVE_STEPS;
  if (binary === NGINX_ENTRYPOINT && (next === 'nginx' || next === 'serve')) return NGINX_STEPS;
  return undefined;
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
    yield* NGINX_ENTRYPOINT_LOGS;
    yield* runCommand(rest, sh);
    return;
  }
  if (binary === 'nginx' || binary === 'serve') {
    yield { type: 'serve' };
    return;
  }
  const shell = SHELLS.has(binary?.replace(/^\/(usr\/)?bin\//, '') ?? '');
  if (shell && rest[0] === '-c') {
    const code = yield* runScript(rest[1] ?? '', sh);
    yield { type: 'exit', code };
    return;
  }
  if (shell) {
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

/**
 * runScript interprets `;`, `&&`, `||`, newlines, `while ...; do ...; done`, `for x in ...; do
 * ...; done`, variable assignments, and `$NAME`, `${NAME}`, `$((arithmetic))` and `$(command)`
 * expanded as each command runs. Returns the exit code.
 */
function* runScript(script: string, sh: ShellContext): Generator<ProcessStep, number> {
  const shell: Shell = { sh, vars: new Map(), env: envLookup(sh) };
  try {
    return yield* runList(tokenizeScript(script), shell);
  } catch (e) {
    if (e instanceof ShellExit) return e.code;
    throw e;
  }
}

/** A word keeps its source text (quotes and all): it is expanded when its command runs. */
type Token = { word: string } | { op: ';' | '&&' | '||' };

/** Shell is one script's state: its container, and the variables it has assigned. */
interface Shell {
  sh: ShellContext;
  vars: Map<string, string>;
  env: (name: string) => string;
}

/**
 * readOnlyAt tells whether a path lies on a read-only mount (a ConfigMap or Secret volume), for
 * file systems that have mounts.
 */
function readOnlyAt(sh: ShellContext, path: string): boolean {
  return sh.files.readOnlyAt?.(path) ?? false;
}

/** envLookup reads a variable from the process's environment; unset ones expand to nothing. */
function envLookup(sh: ShellContext): (name: string) => string {
  let vars: Map<string, string> | undefined;
  return (name) => {
    vars ??= new Map(
      (sh.env?.() ?? []).map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      }),
    );
    return vars.get(name) ?? '';
  };
}

const VARIABLE = /^(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** tokenizeScript splits a script into words and operators; `$(...)` stays inside its word. */
function tokenizeScript(script: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let quote: string | undefined;
  let depth = 0;
  const flush = () => {
    if (word !== '') tokens.push({ word });
    word = '';
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      word += ch;
      continue;
    }
    if (ch === '$' && script[i + 1] === '(') {
      depth++;
      word += '$(';
      i++;
      continue;
    }
    if (depth > 0) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      word += ch;
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
    }
  }
  flush();
  return tokens;
}

/** closingParen finds the `)` that closes the `(` just before `from`. */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** arithmetic evaluates `$((...))` on integers: + - * / % and parentheses, names as variables. */
function arithmetic(expression: string, shell: Shell): number {
  const names = expression.replace(/\$?([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) =>
    String(Number.parseInt(lookup(shell, name), 10) || 0),
  );
  if (!/^[\d\s+\-*/%()]*$/.test(names)) return 0;
  const tokens = names.match(/\d+|[+\-*/%()]/g) ?? [];
  let at = 0;
  const primary = (): number => {
    const token = tokens[at++];
    if (token === '(') {
      const value = sum();
      at++;
      return value;
    }
    if (token === '-') return -primary();
    return Number(token ?? 0);
  };
  const product = (): number => {
    let value = primary();
    while (tokens[at] === '*' || tokens[at] === '/' || tokens[at] === '%') {
      const op = tokens[at++];
      const right = primary();
      value = op === '*' ? value * right : op === '/' ? Math.trunc(value / right) : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (tokens[at] === '+' || tokens[at] === '-') {
      const op = tokens[at++];
      const right = product();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  };
  return sum();
}

function lookup(shell: Shell, name: string): string {
  return shell.vars.get(name) ?? shell.env(name);
}

/**
 * expand turns a word's source into its value when its command runs: quotes removed, variables,
 * arithmetic and command output substituted (outside single quotes), as sh does.
 */
function* expand(raw: string, shell: Shell): Generator<ProcessStep, string> {
  let value = '';
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else value += ch;
      continue;
    }
    if (ch === quote) {
      quote = undefined;
      continue;
    }
    if (!quote && (ch === '"' || ch === "'")) {
      quote = ch;
      continue;
    }
    if (ch !== '$') {
      value += ch;
      continue;
    }
    if (raw.startsWith('$((', i)) {
      const end = closingParen(raw, i + 3);
      value += String(arithmetic(raw.slice(i + 3, end), shell));
      i = raw[end + 1] === ')' ? end + 1 : end;
      continue;
    }
    if (raw[i + 1] === '(') {
      const end = closingParen(raw, i + 2);
      value += yield* substitute(raw.slice(i + 2, end), shell);
      i = end;
      continue;
    }
    const variable = VARIABLE.exec(raw.slice(i + 1));
    if (variable) {
      value += lookup(shell, variable[1] ?? variable[2]!);
      i += variable[0].length;
    } else {
      value += ch;
    }
  }
  return value;
}

/** substitute runs `$(command)` and returns what it printed, without the last newline. */
function* substitute(script: string, shell: Shell): Generator<ProcessStep, string> {
  const lines: string[] = [];
  const run = runList(tokenizeScript(script), shell);
  for (let r = run.next(); !r.done; r = run.next()) {
    if (r.value.type === 'log') lines.push(r.value.line);
    else yield r.value;
  }
  return lines.join('\n');
}

const isWord = (t: Token | undefined, word: string) =>
  t !== undefined && 'word' in t && t.word === word;

function* runList(tokens: Token[], shell: Shell): Generator<ProcessStep, number> {
  let status = 0;
  let skip = false;
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    if (isWord(first, 'while') || isWord(first, 'for')) {
      const doAt = tokens.findIndex((t, j) => j > i && isWord(t, 'do'));
      const doneAt = findDone(tokens, doAt);
      const head = tokens.slice(i + 1, doAt).filter((t) => 'word' in t);
      const body = tokens.slice(doAt + 1, doneAt);
      if (!skip) {
        status = isWord(first, 'while')
          ? yield* runWhile(head, body, shell)
          : yield* runFor(head as { word: string }[], body, shell);
      }
      i = doneAt + 1;
      continue;
    }
    const words: string[] = [];
    while (i < tokens.length && 'word' in tokens[i]!)
      words.push((tokens[i++] as { word: string }).word);
    if (!skip && words.length > 0) status = yield* runWords(words, shell);
    const op = tokens[i] as { op?: string } | undefined;
    i++;
    skip = (op?.op === '&&' && status !== 0) || (op?.op === '||' && status === 0);
  }
  return status;
}

/** runBody runs one loop iteration; a body that never sleeps still takes BUSY_LOOP_MS. */
function* runBody(body: Token[], shell: Shell): Generator<ProcessStep, number> {
  let slept = false;
  const iteration = runList(body, shell);
  for (let r = iteration.next(); ; r = iteration.next()) {
    if (r.done) {
      if (!slept) yield { type: 'sleep', ms: BUSY_LOOP_MS };
      return r.value;
    }
    if (r.value.type === 'sleep') slept = true;
    yield r.value;
  }
}

function* runWhile(
  condition: Token[],
  body: Token[],
  shell: Shell,
): Generator<ProcessStep, number> {
  let status = 0;
  while ((yield* runList(condition, shell)) === 0) status = yield* runBody(body, shell);
  return status;
}

/** runFor runs `for NAME in WORDS`: unquoted expansions split on blanks, as sh does. */
function* runFor(
  head: { word: string }[],
  body: Token[],
  shell: Shell,
): Generator<ProcessStep, number> {
  const [name, keyword, ...list] = head.map((t) => t.word);
  if (!name || keyword !== 'in') return 0;
  const values: string[] = [];
  for (const raw of list) {
    const value = yield* expand(raw, shell);
    if (/^["']/.test(raw)) values.push(value);
    else values.push(...value.split(/\s+/).filter(Boolean));
  }
  let status = 0;
  for (const value of values) {
    shell.vars.set(name, value);
    status = yield* runBody(body, shell);
  }
  return status;
}

/** runWords expands a command's words; leading NAME=value words assign shell variables. */
function* runWords(raw: string[], shell: Shell): Generator<ProcessStep, number> {
  let at = 0;
  while (at < raw.length && ASSIGNMENT.test(raw[at]!)) {
    const [, name] = ASSIGNMENT.exec(raw[at]!)!;
    shell.vars.set(name!, yield* expand(raw[at]!.slice(name!.length + 1), shell));
    at++;
  }
  if (at === raw.length) return 0;
  const words: string[] = [];
  for (const word of raw.slice(at)) words.push(yield* expand(word, shell));
  return yield* runSimple(words, shell.sh);
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

/**
 * runSimple runs one command. `> file` and `>> file` send what it prints to the file instead
 * (truncating or appending), for any command.
 */
function* runSimple(words: string[], sh: ShellContext): Generator<ProcessStep, number> {
  const at = words.findIndex((w) => /^>>?/.test(w));
  if (at < 0) return yield* runBuiltin(words, sh);
  const append = words[at]!.startsWith('>>');
  const attached = words[at]!.slice(append ? 2 : 1);
  const path = attached || words[at + 1];
  const rest = [...words.slice(0, at), ...words.slice(attached ? at + 1 : at + 2)];
  if (!path) {
    yield { type: 'log', line: 'sh: syntax error: unexpected newline' };
    return 2;
  }
  if (readOnlyAt(sh, path)) {
    yield { type: 'log', line: `sh: can't create ${path}: Read-only file system` };
    return 1;
  }
  let text = append ? (sh.files.get(path) ?? '') : '';
  sh.files.set(path, text);
  const run = runBuiltin(rest, sh);
  for (let r = run.next(); ; r = run.next()) {
    if (r.done) {
      sh.files.set(path, text);
      return r.value;
    }
    if (r.value.type === 'log') text += `${r.value.line}\n`;
    else yield r.value;
  }
}

function* runBuiltin(words: string[], sh: ShellContext): Generator<ProcessStep, number> {
  const [binary, ...args] = words;
  switch (binary) {
    case 'echo':
      yield { type: 'log', line: args.join(' ') };
      return 0;
    case 'printenv': {
      const env = sh.env?.() ?? [];
      if (args.length === 0) {
        for (const line of env) yield { type: 'log', line };
        return 0;
      }
      let status = 0;
      for (const name of args) {
        const line = env.find((l) => l.startsWith(`${name}=`));
        if (line === undefined) status = 1;
        else yield { type: 'log', line: line.slice(name.length + 1) };
      }
      return status;
    }
    case 'ls':
      return yield* lsCommand(args, sh, (dir) => listDirectory(sh, dir));
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
        const content = sh.files.get(path) ?? sh.network?.file(path);
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
    case 'date': {
      const format = args.find((a) => a.startsWith('+'));
      yield { type: 'log', line: formatDate(Date.parse(sh.now()), format?.slice(1)) };
      return 0;
    }
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
    case 'curl':
    case 'wget':
    case 'nslookup':
    case 'hostname':
    case 'env':
      if (!sh.tools?.includes(binary) || !sh.network) break;
      return yield* runTool(binary, args, sh, sh.network);
    case 'true':
      return 0;
    case 'false':
      return 1;
    case 'exit':
      throw new ShellExit(Number(args[0] ?? 0) || 0);
  }
  yield { type: 'log', line: `sh: ${binary}: not found` };
  return 127;
}

/** runTool runs a network tool through the container's network and prints what it printed. */
function* runTool(
  tool: 'curl' | 'wget' | 'nslookup' | 'hostname' | 'env',
  args: string[],
  sh: ShellContext,
  network: ContainerNetwork,
): Generator<ProcessStep, number> {
  let run: ToolRun;
  if (tool === 'hostname') run = { lines: [network.hostname], code: 0 };
  else if (tool === 'env') run = { lines: network.env(), code: 0 };
  else run = (tool === 'curl' ? curl : tool === 'wget' ? wget : nslookup)(args, network);
  for (const [path, content] of run.writes ?? []) sh.files.set(path, content);
  for (const line of run.lines) yield { type: 'log', line };
  return run.code;
}

/**
 * execOnce runs a command to completion at once, as `kubectl exec` or an exec probe does:
 * sleeps take no time, output is what it logged. A process that would serve forever counts as
 * success (the probe's timeout is not modelled).
 */
export function execOnce(
  argv: string[],
  sh: ShellContext,
): { exitCode: number; output: string[]; startError?: string } {
  const binary = argv[0] ?? '';
  if (!hasBinary(binary, sh.tools ?? [])) {
    return {
      exitCode: 126,
      output: [],
      startError: `OCI runtime exec failed: exec failed: unable to start container process: ${missingBinary(binary)}`,
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
