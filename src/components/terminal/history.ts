/** The localStorage key of the terminal's command history. */
export const HISTORY_KEY = 'kubeloop.terminal.history.v1';
/** HISTORY_LIMIT is how many commands are kept. */
export const HISTORY_LIMIT = 200;

/**
 * History is bash-like recall: ↑ walks back from the newest entry, ↓ forward, and past the newest
 * returns the line being typed before recall began. Pure apart from the entries it holds.
 */
export class History {
  private entries: string[];
  /** position while recalling: entries.length means "not recalling" */
  private index: number;
  private draft = '';

  constructor(entries: readonly string[] = []) {
    this.entries = entries.slice(-HISTORY_LIMIT);
    this.index = this.entries.length;
  }

  get all(): readonly string[] {
    return this.entries;
  }

  /** push records a run line (not blanks, not a repeat of the last) and ends recall. */
  push(line: string): void {
    const trimmed = line.trim();
    if (trimmed && this.entries.at(-1) !== line) {
      this.entries = [...this.entries, line].slice(-HISTORY_LIMIT);
    }
    this.index = this.entries.length;
    this.draft = '';
  }

  /** up returns the previous entry, or undefined at the oldest. current is the line being edited. */
  up(current: string): string | undefined {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    this.index--;
    return this.entries[this.index];
  }

  /** down returns the next entry, the draft past the newest, or undefined when not recalling. */
  down(): string | undefined {
    if (this.index >= this.entries.length) return undefined;
    this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }
}

/** loadHistory reads saved entries; storage may be missing or hold junk. */
export function loadHistory(storage: Pick<Storage, 'getItem'> | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

/** saveHistory writes the last HISTORY_LIMIT entries. */
export function saveHistory(
  storage: Pick<Storage, 'setItem'> | undefined,
  entries: readonly string[],
): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(entries.slice(-HISTORY_LIMIT)));
  } catch {
    // quota or privacy mode: history just is not kept
  }
}
