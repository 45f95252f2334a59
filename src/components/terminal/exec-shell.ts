import type { Pod } from '../../engine';

/** An InteractiveExec is `kubectl exec -it POD -- sh`: a shell the terminal keeps open. */
export interface InteractiveExec {
  pod: string;
  namespace?: string;
  container?: string;
  /** the shell as typed: sh, /bin/sh, bash, /bin/bash, ash */
  shell: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash']);

/** VALUE_FLAGS are exec's flags that take the next word as their value. */
const VALUE_FLAGS: Record<string, 'container' | 'namespace'> = {
  '-c': 'container',
  '--container': 'container',
  '-n': 'namespace',
  '--namespace': 'namespace',
};

/**
 * parseInteractiveExec recognises an exec that asks for a terminal (-i and -t) and runs a bare
 * shell. Anything else (a one-off command, no -t) runs as an ordinary kubectl command.
 */
export function parseInteractiveExec(words: string[]): InteractiveExec | undefined {
  if (!['kubectl', 'k'].includes(words[0] ?? '') || words[1] !== 'exec') return undefined;
  const dash = words.indexOf('--');
  if (dash < 0) return undefined;
  const command = words.slice(dash + 1);
  if (command.length !== 1 || !SHELLS.has(command[0]!.split('/').pop()!)) return undefined;
  let stdin = false;
  let tty = false;
  const found: Partial<InteractiveExec> = {};
  const args = words.slice(2, dash);
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const [flag, inline] = word.includes('=') ? word.split(/=(.*)/s) : [word, undefined];
    if (VALUE_FLAGS[flag!]) {
      found[VALUE_FLAGS[flag!]!] = inline ?? args[++i];
    } else if (flag === '--stdin') stdin = inline !== 'false';
    else if (flag === '--tty') tty = inline !== 'false';
    else if (/^-[it]+$/.test(word)) {
      stdin ||= word.includes('i');
      tty ||= word.includes('t');
    } else if (!word.startsWith('-') && found.pod === undefined) {
      found.pod = word.replace(/^pods?\//, '');
    }
  }
  if (!stdin || !tty || !found.pod) return undefined;
  return {
    pod: found.pod,
    namespace: found.namespace,
    container: found.container,
    shell: command[0]!,
  };
}

/** quote wraps a word in single quotes for the kubectl tokenizer ('\'' for a quote inside). */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** execLine is the one-off exec that runs a typed line in the container's shell. */
export function execLine(exec: InteractiveExec, line: string): string {
  return [...target(exec), '--', exec.shell, '-c', quote(line)].join(' ');
}

/** probeLine starts the shell once with no input, as the real exec does, to surface start errors. */
export function probeLine(exec: InteractiveExec): string {
  return [...target(exec), '--', exec.shell].join(' ');
}

function target(exec: InteractiveExec): string[] {
  const words = ['kubectl', 'exec', quote(exec.pod)];
  if (exec.namespace) words.push('-n', quote(exec.namespace));
  if (exec.container) words.push('-c', quote(exec.container));
  return words;
}

/** BUSYBOX_IMAGES are images whose /bin/sh is BusyBox ash, which prompts `/ # `. */
const BUSYBOX_IMAGES = /(^|\/)(busybox|alpine)(:|@|$)|-alpine|alpine\d/;

/**
 * shellPrompt is what the image's shell shows as root in `/`: BusyBox ash `/ # `, Debian's bash
 * `root@HOSTNAME:/# ` and Debian's dash `# `.
 */
export function shellPrompt(pod: Pod | undefined, exec: InteractiveExec): string {
  const containers = pod?.spec.containers ?? [];
  const container = containers.find((c) => c.name === exec.container) ?? containers[0];
  const image = container?.image ?? '';
  if (BUSYBOX_IMAGES.test(image)) return '/ # ';
  if (exec.shell.endsWith('bash')) {
    const hostname = pod?.spec.hostname ?? pod?.metadata.name ?? exec.pod;
    return `root@${hostname}:/# `;
  }
  return '# ';
}

const EXIT = /^exit(?:\s+(\d+))?$/;

/** exitCode is the code of an `exit [N]` line, or undefined when the line is something else. */
export function exitCode(line: string): number | undefined {
  const m = EXIT.exec(line.trim());
  if (!m) return undefined;
  return m[1] === undefined ? 0 : Number(m[1]) % 256;
}

const TERMINATED = /^command terminated with exit code \d+$/;

/** shellOutput is a line's output as the shell shows it: kubectl's exit-code notice dropped. */
export function shellOutput(stdout: string, stderr: string): string {
  const err = stderr
    .split('\n')
    .filter((l) => l !== '' && !TERMINATED.test(l))
    .map((l) => `${l}\n`)
    .join('');
  return stdout + err;
}
