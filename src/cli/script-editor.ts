import type { Editor } from '../kubectl';
import { tokenize } from '../kubectl/tokenize';

/**
 * A script's $KUBE_EDITOR (or $EDITOR), run on `kubectl edit`'s temporary file. The headless CLI
 * has no terminal editor, so of the programs an editor line can name it runs `sed -i` with `s`
 * commands — enough to script an edit — and anything else fails as a missing program does.
 */
export function scriptEditor(env: Readonly<Record<string, string>>): Editor {
  const line = env.KUBE_EDITOR || env.EDITOR || 'vi';
  const { args, shell } = editorArgs(line);
  const shown = args.join(' ');
  return (file, done) => {
    let argv: string[];
    try {
      argv = shell ? tokenize(line) : args;
    } catch {
      return done({ ok: false, error: `there was a problem with the editor "${shown}"` });
    }
    if (argv[0] !== 'sed') {
      // bash -c reports a missing program as exit 127, which kubectl calls "a problem".
      return done({
        ok: false,
        error: shell
          ? `there was a problem with the editor "${shown}"`
          : `unable to launch the editor "${shown}"`,
      });
    }
    const edited = runSed(argv.slice(1), file.content);
    if (edited === undefined) {
      return done({ ok: false, error: `there was a problem with the editor "${shown}"` });
    }
    done({ ok: true, content: edited });
  };
}

/**
 * editorArgs splits the editor line as kubectl's defaultEnvEditor does: one word is the program;
 * words without quotes or backslashes are split on spaces; anything else is handed to the shell.
 */
function editorArgs(line: string): { args: string[]; shell: boolean } {
  if (!line.includes(' ')) return { args: [line], shell: false };
  if (!/["'\\]/.test(line)) return { args: line.split(' '), shell: false };
  return { args: ['/bin/bash', '-c', line], shell: true };
}

/** A SedCommand is one `s/regexp/replacement/flags`. */
interface SedCommand {
  pattern: RegExp;
  replacement: string;
}

/**
 * runSed runs `sed [-i] [-e] SCRIPT` over text; undefined is sed failing (a bad option or
 * script). Without -i sed only prints, so the file is handed back as it was.
 */
export function runSed(args: readonly string[], text: string): string | undefined {
  let inPlace = false;
  const scripts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-i' || arg === '--in-place') inPlace = true;
    else if (arg === '-e' || arg === '--expression') {
      if (i + 1 >= args.length) return undefined;
      scripts.push(args[++i]!);
    } else if (arg.startsWith('-e')) scripts.push(arg.slice(2));
    else if (arg.startsWith('-')) return undefined;
    else if (scripts.length === 0) scripts.push(arg);
    // any further word is a file name: the editor's temporary file is the only one
  }
  if (scripts.length === 0) return undefined;
  const commands: SedCommand[] = [];
  for (const script of scripts) {
    // Commands are separated by ';' or new lines, with blanks around them.
    for (let at = 0; ;) {
      while (at < script.length && /[\s;]/.test(script[at]!)) at++;
      if (at >= script.length) break;
      const parsed = parseSubstitute(script, at);
      if (!parsed) return undefined;
      commands.push(parsed.command);
      at = parsed.end;
    }
  }
  if (!inPlace) return text;
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines
    .map((line, i) =>
      // The text after the last newline is no line of its own when it is empty.
      i === last && line === ''
        ? line
        : commands.reduce((l, c) => l.replace(c.pattern, c.replacement), line),
    )
    .join('\n');
}

/**
 * parseSubstitute reads `s<d>regexp<d>replacement<d>[g]` (any delimiter d) starting at start;
 * returns it and where it ends.
 */
function parseSubstitute(
  script: string,
  start: number,
): { command: SedCommand; end: number } | undefined {
  if (script[start] !== 's' || script.length < start + 2) return undefined;
  const delimiter = script[start + 1]!;
  const parts: string[] = [];
  let current = '';
  let i = start + 2;
  for (; i < script.length && parts.length < 2; i++) {
    const ch = script[i]!;
    if (ch === '\\' && i + 1 < script.length) {
      const next = script[++i]!;
      // An escaped delimiter is the character itself; other escapes are kept for the regexp.
      current += next === delimiter ? next : `\\${next}`;
    } else if (ch === delimiter) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (parts.length < 2) return undefined;
  const flags = /^g?/.exec(script.slice(i))![0];
  const end = i + flags.length;
  if (end < script.length && !/[\s;]/.test(script[end]!)) return undefined;
  try {
    const pattern = new RegExp(basicToJs(parts[0]!), flags);
    return { command: { pattern, replacement: replacementToJs(parts[1]!) }, end };
  } catch {
    return undefined;
  }
}

/**
 * basicToJs turns a POSIX basic regexp (with GNU's \+ \? \|) into a JavaScript one: in a BRE
 * the bare ( ) { } + ? | are literal and their backslashed forms are the operators.
 */
function basicToJs(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const ch = bre[i]!;
    if (ch === '\\' && i + 1 < bre.length) {
      const next = bre[++i]!;
      if ('(){}+?|'.includes(next)) out += next;
      else if (next === 'n') out += '\\n';
      else if (next === 't') out += '\\t';
      else out += `\\${next}`;
    } else if ('(){}+?|'.includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** replacementToJs: & is the match, \1..\9 the groups, \n a newline, \& a literal &. */
function replacementToJs(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i]!;
      if (/[1-9]/.test(next)) out += `$${next}`;
      else if (next === 'n') out += '\n';
      else if (next === 't') out += '\t';
      else out += next === '$' ? '$$' : next;
    } else if (ch === '&') out += '$&';
    else if (ch === '$') out += '$$';
    else out += ch;
  }
  return out;
}
