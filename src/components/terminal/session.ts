import type { Cluster } from '../../engine';
import type { KubectlResult } from '../../kubectl';
import { tokenize } from '../../kubectl/tokenize';
import { complete } from './completion';
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

  constructor(
    private readonly screen: Screen,
    private readonly shell: Shell,
    readonly history: History,
  ) {}

  start(): void {
    this.screen.write(PROMPT);
  }

  dispose(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  private redraw(): void {
    this.screen.write(renderLine(PROMPT, this.line));
  }

  /** input handles what xterm's onData delivers: one key or a paste. */
  input(data: string): void {
    for (const key of decodeKeys(data)) {
      if (key.kind === 'interrupt') {
        this.interrupt();
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
        const entry = this.history.up(this.line.text);
        if (entry !== undefined) {
          this.line = lineOf(entry);
          this.redraw();
        }
        return;
      }
      case 'down': {
        const entry = this.history.down();
        if (entry !== undefined) {
          this.line = lineOf(entry);
          this.redraw();
        }
        return;
      }
      case 'tab':
        this.tab();
        return;
      case 'clear':
        this.screen.clear();
        this.redraw();
        return;
      case 'enter':
        this.enter();
        return;
      case 'interrupt':
        return;
    }
  }

  private tab(): void {
    const cluster = this.shell.cluster();
    const before = this.line.text.slice(0, this.line.cursor);
    const { insert, candidates } = complete(before, {
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
    this.queue = [];
    if (this.stopWatch) {
      this.stopWatch();
      this.stopWatch = undefined;
    }
    if (this.busy) this.generation++;
    this.busy = false;
    this.line = EMPTY_LINE;
    this.screen.write(`^C\r\n${PROMPT}`);
  }

  private enter(): void {
    const text = this.line.text;
    this.line = EMPTY_LINE;
    this.screen.write('\r\n');
    this.history.push(text);
    this.shell.saveHistory(this.history.all);
    void this.run(text);
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
    if (program !== 'kubectl' && program !== 'k') {
      this.screen.write(`bash: ${program}: command not found\r\n`);
      return this.done();
    }
    this.busy = true;
    const generation = this.generation;
    const result = await this.shell.runKubectl(text);
    if (generation !== this.generation) return; // abandoned with Ctrl-C
    this.screen.write(crlf(result.stdout) + crlf(result.stderr));
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
    this.screen.write(PROMPT);
    const queued = this.queue.join('');
    this.queue = [];
    if (queued) this.input(queued);
  }
}
