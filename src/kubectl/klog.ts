/**
 * KUBECTL_PID is the process id klog prints for Kubeloop's kubectl. A real one changes with every
 * run; a fixed one keeps transcripts byte for byte the same.
 */
export const KUBECTL_PID = 4242;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * goQuote is strconv.Quote, which klog uses for a string value: Go escapes for quotes,
 * backslashes and control characters, printable text kept as it is.
 */
export function goQuote(text: string): string {
  const named: Record<string, string> = {
    '"': '\\"',
    '\\': '\\\\',
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
  };
  const escaped = [...text].map((ch) => {
    if (named[ch] !== undefined) return named[ch];
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
    return ch;
  });
  return `"${escaped.join('')}"`;
}

/**
 * klogHeader starts a klog line, stamped with simulated time (UTC) instead of the wall clock:
 * severity, month and day, time to the microsecond, pid and source, `E1123 14:29:27.112911
 *    4242 run.go:72]`.
 */
function klogHeader(severity: 'E' | 'W', nowMs: number, source: string): string {
  const micros = Math.round(nowMs * 1000);
  const t = new Date(Math.floor(micros / 1000));
  return (
    `${severity}${pad(t.getUTCMonth() + 1, 2)}${pad(t.getUTCDate(), 2)} ` +
    `${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}.` +
    `${pad(micros % 1_000_000, 6)} ${String(KUBECTL_PID).padStart(7)} ${source}]`
  );
}

/** klogError is the line klog.ErrorS writes: `E... run.go:72] "command failed" err="..."`. */
export function klogError(nowMs: number, source: string, message: string, err: string): string {
  return `${klogHeader('E', nowMs, source)} ${goQuote(message)} err=${goQuote(err)}`;
}

/** klogWarning is the line klog.Warning writes: the text as it is, after the header. */
export function klogWarning(nowMs: number, source: string, text: string): string {
  return `${klogHeader('W', nowMs, source)} ${text}`;
}
