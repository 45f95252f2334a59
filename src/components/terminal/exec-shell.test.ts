import { describe, expect, it } from 'vitest';
import { execLine, exitCode, parseInteractiveExec, shellOutput } from './exec-shell';

const words = (line: string) => line.split(' ');

describe('parseInteractiveExec', () => {
  it('takes -it, -ti, -i -t and --stdin --tty with a bare shell', () => {
    for (const line of [
      'kubectl exec -it web -- /bin/bash',
      'kubectl exec -ti web -- sh',
      'k exec web -i -t -- sh',
      'kubectl exec --stdin --tty pod/web -- /bin/sh',
    ])
      expect(parseInteractiveExec(words(line))?.pod, line).toBe('web');
  });

  it('reads -n and -c, inline or as the next word', () => {
    expect(parseInteractiveExec(words('kubectl exec -it -n shop web -c=app -- ash'))).toEqual({
      pod: 'web',
      namespace: 'shop',
      container: 'app',
      shell: 'ash',
    });
  });

  it('leaves one-off commands and exec without a terminal to kubectl', () => {
    expect(parseInteractiveExec(words('kubectl exec -it web -- ls'))).toBeUndefined();
    expect(parseInteractiveExec(words('kubectl exec -i web -- sh'))).toBeUndefined();
    expect(
      parseInteractiveExec(['kubectl', 'exec', '-it', 'web', '--', 'sh', '-c', 'ls']),
    ).toBeUndefined();
  });

  it('quotes the typed line so kubectl hands it to the shell whole', () => {
    const exec = { pod: 'web', shell: 'sh' };
    expect(execLine(exec, "echo 'hi' there")).toBe(
      `kubectl exec 'web' -- sh -c 'echo '\\''hi'\\'' there'`,
    );
    expect(exitCode('exit')).toBe(0);
    expect(exitCode(' exit 3 ')).toBe(3);
    expect(exitCode('exitx')).toBeUndefined();
    expect(shellOutput('a\n', 'sh: x: not found\ncommand terminated with exit code 127\n')).toBe(
      'a\nsh: x: not found\n',
    );
  });
});
