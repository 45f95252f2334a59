/**
 * The terminal's line editor, pure: a line and a cursor, changed by keys, and the escape
 * sequences that redraw it. xterm only shows what renderLine writes.
 */
export interface Line {
  text: string;
  /** cursor position, 0..text.length */
  cursor: number;
}

export const EMPTY_LINE: Line = { text: '', cursor: 0 };

export type EditKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete';

/** insertText types text at the cursor. */
export function insertText(line: Line, text: string): Line {
  return {
    text: line.text.slice(0, line.cursor) + text + line.text.slice(line.cursor),
    cursor: line.cursor + text.length,
  };
}

/** editLine applies one editing key. */
export function editLine(line: Line, key: EditKey): Line {
  const { text, cursor } = line;
  switch (key) {
    case 'left':
      return { text, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { text, cursor: Math.min(text.length, cursor + 1) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'backspace':
      if (cursor === 0) return line;
      return { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return { text: text.slice(0, cursor) + text.slice(cursor + 1), cursor };
  }
}

/** lineOf puts the cursor at the end of text (a recalled history entry). */
export const lineOf = (text: string): Line => ({ text, cursor: text.length });

/** renderLine redraws prompt and line in place: back to column 0, clear, write, cursor back. */
export function renderLine(prompt: string, line: Line): string {
  const back = line.text.length - line.cursor;
  return `\r\x1b[K${prompt}${line.text}${back > 0 ? `\x1b[${back}D` : ''}`;
}

/** A Key is one keystroke decoded from xterm's onData stream. */
export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'edit'; key: EditKey }
  | { kind: 'enter' | 'up' | 'down' | 'tab' | 'interrupt' | 'clear' | 'eof' };

const SEQUENCES: Record<string, Key> = {
  '\x1b[A': { kind: 'up' },
  '\x1b[B': { kind: 'down' },
  '\x1b[C': { kind: 'edit', key: 'right' },
  '\x1b[D': { kind: 'edit', key: 'left' },
  '\x1b[H': { kind: 'edit', key: 'home' },
  '\x1b[F': { kind: 'edit', key: 'end' },
  '\x1bOH': { kind: 'edit', key: 'home' },
  '\x1bOF': { kind: 'edit', key: 'end' },
  '\x1b[1~': { kind: 'edit', key: 'home' },
  '\x1b[4~': { kind: 'edit', key: 'end' },
  '\x1b[3~': { kind: 'edit', key: 'delete' },
};

const CONTROLS: Record<string, Key> = {
  '\r': { kind: 'enter' },
  '\n': { kind: 'enter' },
  '\x7f': { kind: 'edit', key: 'backspace' },
  '\b': { kind: 'edit', key: 'backspace' },
  '\t': { kind: 'tab' },
  '\x03': { kind: 'interrupt' },
  '\x04': { kind: 'eof' },
  '\x0c': { kind: 'clear' },
  '\x01': { kind: 'edit', key: 'home' },
  '\x05': { kind: 'edit', key: 'end' },
};

// eslint-disable-next-line no-control-regex -- matching the terminal's ESC byte is the point
const CSI = /^\x1b\[[0-9;]*[~A-Za-z]/;

/**
 * decodeKeys splits what xterm sends (one key, or a whole paste) into keys. Runs of printable
 * characters stay together; `\r\n` is one Enter; unknown escape sequences are dropped.
 */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      flush();
      const seq = Object.keys(SEQUENCES).find((s) => data.startsWith(s, i));
      if (seq) {
        keys.push(SEQUENCES[seq]!);
        i += seq.length - 1;
      } else {
        // Skip an unknown CSI sequence: ESC [ parameters final-byte.
        const m = CSI.exec(data.slice(i));
        if (m) i += m[0].length - 1;
      }
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') continue; // the \n is the Enter
    const control = CONTROLS[ch];
    if (control) {
      flush();
      keys.push(control);
    } else if (ch >= ' ') {
      text += ch;
    }
  }
  flush();
  return keys;
}
