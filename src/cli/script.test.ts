import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../kubectl/duration';
import { main, parseScript, ScriptError } from './script';

const testdata = join(__dirname, 'testdata');

describe('parseDuration (Go time.ParseDuration)', () => {
  it.each([
    ['30s', 30_000],
    ['500ms', 500],
    ['1h2m3.5s', 3_723_500],
    ['1.5m', 90_000],
    ['0', 0],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '10', '5x', 's'])('rejects %j', (text) =>
    expect(() => parseDuration(text)).toThrow(),
  );
});

describe('parseScript', () => {
  it('reads heredocs, sleeps and comments', () => {
    const steps = parseScript(
      "# c\n\nkubectl apply -f - <<'EOF'\na: 1\nEOF\nsleep 2s\nk get pods\n",
      's',
    );
    expect(steps).toEqual([
      { kind: 'kubectl', line: 3, text: 'kubectl apply -f -', stdin: 'a: 1\n' },
      { kind: 'sleep', line: 6, text: 'sleep 2s', ms: 2000 },
      { kind: 'kubectl', line: 7, text: 'k get pods' },
    ]);
  });
  it.each([
    ['kubectl get pods\nhelm install x\n', 'error: s:2: unknown command "helm install x"'],
    ['kubectl apply -f - <<EOF\na: 1\n', 'error: s:1: unterminated heredoc (missing "EOF")'],
    ['sleep\n', 'error: s:1: sleep needs a duration'],
  ])('rejects %j', (text, message) => {
    expect(() => parseScript(text, 's')).toThrow(ScriptError);
    expect(() => parseScript(text, 's')).toThrow(message);
  });
});

describe('kubeloop run', () => {
  it('is deterministic with --hops', () => {
    const run = () => {
      let out = '';
      main(
        ['run', join(testdata, 'first-deployment.script'), '--hops', '--seed', '7'],
        (s) => (out += s),
        () => {},
      );
      return out;
    };
    const first = run();
    expect(first).toContain('~ 0.002s kubectl -> kube-apiserver: get deployment/web');
    expect(run()).toBe(first);
  });

  it('exits 2 on a malformed script, naming the line', () => {
    let err = '';
    const script = join(testdata, 'malformed.script');
    expect(
      main(
        ['run', script],
        () => {},
        (s) => (err += s),
      ),
    ).toBe(2);
    expect(err).toBe(`error: ${script}:3: unknown command "helm install x"\n`);
  });
});
