/** JsYamlError is the part of a js-yaml YAMLException this module reads. */
interface JsYamlError {
  mark?: { line: number };
  reason?: string;
  message: string;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** previousContentLine returns the nearest non-blank line above lineIndex (0-based). */
function previousContentLine(lines: string[], lineIndex: number): string | undefined {
  return lines
    .slice(0, lineIndex)
    .reverse()
    .find((line) => line.trim() !== '');
}

function hasUnclosedQuote(line: string): boolean {
  const count = (quote: string) => line.split(quote).length - 1;
  return count('"') % 2 === 1 || count("'") % 2 === 1;
}

/**
 * closingQuote finds where the first unclosed quoted scalar ends: the next quote of its kind
 * (not escaped: \" in double quotes, '' in single quotes) on a later line, and the text after it.
 */
function closingQuote(lines: string[]): { lineIndex: number; rest: string } | undefined {
  const open = lines.findIndex(hasUnclosedQuote);
  if (open < 0) return undefined;
  const line = lines[open]!;
  const quote = line.split('"').length % 2 === 0 ? '"' : "'";
  const closing = quote === '"' ? /(?<!\\)"/ : /'(?!')/;
  for (let i = open + 1; i < lines.length; i++) {
    const m = closing.exec(lines[i]!);
    if (m) return { lineIndex: i, rest: lines[i]!.slice(m.index + 1) };
  }
  return undefined;
}

/**
 * goYamlError rewrites a js-yaml parse error as go-yaml v2 (under sigs.k8s.io/yaml) words it,
 * "line N: message". go-yaml counts lines differently per error kind: scanner errors print the
 * 1-based line, parser errors print the 0-based line of the offending token, so they appear to
 * point at the line above. Errors with no verified go-yaml counterpart keep js-yaml's wording.
 */
export function goYamlError(text: string, error: unknown): string {
  const e = error as JsYamlError;
  const reason = e.reason ?? e.message;
  const lineIndex = e.mark?.line ?? 0;
  const lines = text.split('\n');
  const scannerError = (message: string) => `line ${lineIndex + 1}: ${message}`;
  const parserError = (message: string) => `line ${lineIndex}: ${message}`;

  if (reason === 'tab characters must not be used in indentation') {
    return scannerError('found character that cannot start any token');
  }
  const unclosedQuote =
    /quoted scalar/.test(reason) ||
    (reason === 'deficient indentation' && hasUnclosedQuote(lines[lineIndex - 1] ?? ''));
  if (unclosedQuote) {
    // go-yaml's quoted scalar runs over line breaks to the next quote of its kind. Without one
    // the scanner reaches the end of the stream; with one, what follows it is not a key.
    const close = closingQuote(lines);
    if (close === undefined) return `line ${lines.length}: found unexpected end of stream`;
    const after = close.rest.trim();
    if (after !== '' && !after.startsWith('#')) {
      return `line ${close.lineIndex}: did not find expected key`;
    }
  }
  const line = lines[lineIndex] ?? '';
  const previous = previousContentLine(lines, lineIndex);
  if (
    reason === 'bad indentation of a sequence entry' &&
    previous?.trimStart().startsWith('-') &&
    indentOf(line) > indentOf(previous) &&
    line.includes(':')
  ) {
    // Indented under `- x`, the line continues the plain scalar x, where ':' may not appear.
    return scannerError('mapping values are not allowed in this context');
  }
  if (reason === 'bad indentation of a mapping entry') {
    if (line.trimStart().startsWith('-')) return parserError('did not find expected key');
    if (previous !== undefined && previous.trimStart().startsWith('-')) {
      if (indentOf(previous) === indentOf(line)) {
        return parserError("did not find expected '-' indicator");
      }
    }
    // A key indented past its mapping continues the plain scalar above, where ':' may not appear.
    if (previous !== undefined && indentOf(line) > indentOf(previous)) {
      return scannerError('mapping values are not allowed in this context');
    }
    return parserError('did not find expected key');
  }
  return scannerError(reason);
}
