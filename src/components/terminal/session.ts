import type { Cluster, Pod } from '../../engine';
import type { KubectlResult } from '../../kubectl';
import { defaultNamespace } from '../../kubectl/kubeconfig';
import { tokenize } from '../../kubectl/tokenize';
import { complete } from './completion';
import {
  execLine,
  exitCode,
  parseInteractiveExec,
  probeLine,
  shellOutput,
  shellPrompt,
  type InteractiveExec,
} from './exec-shell';
import { History } from './history';
import {
  decodeKeys,
  EMPTY_LINE,
  editLine,
  insertText,
  lineOf,
  renderLine,
  type Line,
} from './line-editor';
import { parseWatch, Watcher } from './watch';

export const PROMPT = '$ ';

/** NO_TTY is what kubectl exec -t says when its stdin is not a terminal. */
const NO_TTY = 'Unable to use a TTY - input is not a terminal or the right kind of file';

/** Screen is the part of xterm the session writes to. */
export interface Screen {
  write(text: string): void;
  clear(): void;
}

/** Shell is what the session needs from the app: run kubectl, see the cluster, hear of changes. */
export interface Shell {
  runKubectl(line: string): Promise<KubectlResult>;
  cluster(): Cluster;
  /** onChange calls back after engine state changed; returns its unsubscribe */
  onChange(listener: () => void): () => void;
  saveHistory(entries: readonly string[]): void;
  /** cancelEdit closes the file a running `kubectl edit` waits on, unsaved; false if none */
  cancelEdit?(): boolean;
}

/** crlf turns program output into terminal output (xterm needs \r\n to return to column 0). */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/**
 * TerminalSession is a tiny bash for kubectl: it reads keys, edits the line, runs commands one at
 * a time (typed-ahead and pasted lines wait their turn), and streams `get -w` until Ctrl-C.
 */
export class TerminalSession {
  private line: Line = EMPTY_LINE;
  private busy = false;
  private queue: string[] = [];
  private stopWatch: (() => void) | undefined;
  /** bumps when Ctrl-C abandons a running command, so its late result is not printed */
  private generation = 0;
  /** the container shell `kubectl exec -it` opened, while it is open */
  private execShell: { exec: InteractiveExec; prompt: string } | undefined;

  constructor(
    private readonly screen: Screen,
    private readonly shell: Shell,
    readonly history: History,
  ) {}

  start(): void {
    this.screen.write(PROMPT);
  }

  /** prompt is the container shell's while one is open, else kubectl's `$ `. */
  private get prompt(): string {
    return this.execShell?.prompt ?? PROMPT;
  }

  dispose(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  private redraw(): void {
    this.screen.write(renderLine(this.prompt, this.line));
  }

  /** input handles what xterm's onData delivers: one key or a paste. */
  input(data: string): void {
    for (const key of decodeKeys(data)) {
      if (key.kind === 'interrupt') {
        this.interrupt();
        continue;
      }
      if (key.kind === 'eof') {
        // Ctrl-D on an empty line ends the container shell, as it would end bash.
        if (!this.busy && this.execShell && this.line.text === '') {
          this.screen.write('exit\r\n');
          this.leaveShell(0);
        }
        continue;
      }
      if (this.busy) {
        // Typed ahead or pasted while a command runs: keep whole lines for later.
        if (key.kind === 'text') this.queue.push(key.text);
        else if (key.kind === 'enter') this.queue.push('\r');
        continue;
      }
      this.key(key);
    }
  }

  private key(key: ReturnType<typeof decodeKeys>[number]): void {
    switch (key.kind) {
      case 'text':
        this.line = insertText(this.line, key.text);
        this.redraw();
        return;
      case 'edit':
        this.line = editLine(this.line, key.key);
        this.redraw();
        return;
      case 'up': {
        if (this.execShell) return;
        const entry = this.history.up(this.line.text);
        if (entry !== undefined) {
          this.line = lineOf(entry);
          this.redraw();
        }
        return;
      }
      case 'down': {
        if (this.execShell) return;
        const entry = this.history.down();
        if (entry !== undefined) {
          this.line = lineOf(entry);
          this.redraw();
        }
        return;
      }
      case 'tab':
        if (!this.execShell) this.tab();
        return;
      case 'clear':
        this.screen.clear();
        this.redraw();
        return;
      case 'enter':
        this.enter();
        return;
      case 'interrupt':
      case 'eof':
        return;
    }
  }

  private tab(): void {
    const cluster = this.shell.cluster();
    const before = this.line.text.slice(0, this.line.cursor);
    const { insert, candidates } = complete(before, {
      namespace: defaultNamespace(cluster),
      names: (resource, namespace) => {
        try {
          return cluster.api
            .list(resource, namespace || undefined)
            .map((o) => o.metadata.name)
            .sort();
        } catch {
          return [];
        }
      },
    });
    if (insert) {
      this.line = insertText(this.line, insert);
      this.redraw();
    } else if (candidates.length > 1) {
      // Ambiguous: list the candidates under the line, as bash does on a second Tab.
      this.screen.write(`\r\n${candidates.join('  ')}\r\n`);
      this.redraw();
    }
  }

  private interrupt(): void {
    // Ctrl-C while kubectl edit waits gives up the file; kubectl then finishes and says so.
    if (this.busy && !this.stopWatch && this.shell.cancelEdit?.()) {
      this.screen.write('^C\r\n');
      return;
    }
    this.queue = [];
    if (this.stopWatch) {
      this.stopWatch();
      this.stopWatch = undefined;
    }
    if (this.busy) this.generation++;
    this.busy = false;
    this.line = EMPTY_LINE;
    this.screen.write(`^C\r\n${this.prompt}`);
  }

  private enter(): void {
    const text = this.line.text;
    this.line = EMPTY_LINE;
    this.screen.write('\r\n');
    if (this.execShell) {
      void this.runInShell(this.execShell.exec, text);
      return;
    }
    this.history.push(text);
    this.shell.saveHistory(this.history.all);
    void this.run(text);
  }

  /** runInShell runs one line typed at the container shell's prompt, through kubectl exec. */
  private async runInShell(exec: InteractiveExec, text: string): Promise<void> {
    const code = exitCode(text);
    if (code !== undefined) return this.leaveShell(code);
    if (text.trim() === '') return this.done();
    this.busy = true;
    const generation = this.generation;
    const result = await this.shell.runKubectl(execLine(exec, text));
    if (generation !== this.generation) return;
    this.screen.write(crlf(shellOutput(result.stdout, result.stderr)));
    // The pod went away (deleted, or the cluster reset): the session ends as kubectl's would.
    if (result.exitCode !== 0 && !/^command terminated with exit code/m.test(result.stderr))
      return this.leaveShell(undefined);
    this.done();
  }

  /** leaveShell closes the container shell; a non-zero exit is reported as kubectl reports it. */
  private leaveShell(code: number | undefined): void {
    this.execShell = undefined;
    if (code) this.screen.write(`command terminated with exit code ${code}\r\n`);
    this.done();
  }

  /** openShell starts `kubectl exec -it POD -- sh`: a start failure prints and returns. */
  private async openShell(exec: InteractiveExec): Promise<void> {
    this.busy = true;
    const generation = this.generation;
    const result = await this.shell.runKubectl(probeLine(exec));
    if (generation !== this.generation) return;
    if (result.exitCode !== 0) {
      this.screen.write(crlf(result.stdout) + crlf(result.stderr));
      return this.done();
    }
    // kubectl names the container it picked once, as the session opens; later lines name it.
    const defaulted = /^Defaulted container "([^"]+)".*$/m.exec(result.stderr);
    if (defaulted) {
      this.screen.write(`${defaulted[0]}\r\n`);
      exec = { ...exec, container: defaulted[1] };
    }
    const cluster = this.shell.cluster();
    const pod = cluster.api
      .list('pods', exec.namespace ?? defaultNamespace(cluster))
      .find((p) => p.metadata.name === exec.pod) as Pod | undefined;
    this.execShell = { exec, prompt: shellPrompt(pod, exec) };
    this.done();
  }

  private async run(text: string): Promise<void> {
    let words: string[];
    try {
      words = tokenize(text);
    } catch {
      words = text.trim().split(/\s+/);
    }
    const program = words[0];
    if (program === undefined) return this.done();
    if (program === 'clear') {
      this.screen.clear();
      this.screen.write('\x1b[H\x1b[2J');
      return this.done();
    }
    const interactive = parseInteractiveExec(words);
    if (interactive) return this.openShell(interactive);
    if (program !== 'kubectl' && program !== 'k') {
      this.screen.write(`bash: ${program}: command not found\r\n`);
      return this.done();
    }
    this.busy = true;
    const generation = this.generation;
    const result = await this.shell.runKubectl(text);
    if (generation !== this.generation) return; // abandoned with Ctrl-C
    // This terminal is a TTY, so kubectl's warning for `-t` without one does not apply here.
    const stderr = result.stderr.replace(`${NO_TTY}\n`, '');
    this.screen.write(crlf(result.stdout) + crlf(stderr));
    const spec = result.exitCode === 0 ? parseWatch(text) : undefined;
    if (spec) {
      const watcher = new Watcher(this.shell.cluster(), spec);
      const cluster = this.shell.cluster();
      const stop = this.shell.onChange(() => {
        // A reset replaces the cluster: the watch ends as if the connection dropped.
        if (this.shell.cluster() !== cluster) return;
        const rows = watcher.poll();
        if (rows) this.screen.write(crlf(rows));
      });
      this.stopWatch = stop;
      return; // busy until Ctrl-C
    }
    this.done();
  }

  /** done shows the prompt, then runs the next queued line, if any. */
  private done(): void {
    this.busy = false;
    this.screen.write(this.prompt);
    const queued = this.queue.join('');
    this.queue = [];
    if (queued) this.input(queued);
  }
}
