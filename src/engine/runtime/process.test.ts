import { describe, expect, it } from 'vitest';
import { imageTools } from './images';
import { execOnce, planProcess, type ProcessStep } from './process';

function steps(image: string, command?: string[], args?: string[], max = 8): string[] | string {
  const plan = planProcess(image, command, args, {
    now: () => 'Mon, 05 Jan 2026 09:00:00 GMT',
    files: new Map(),
  });
  if ('startError' in plan) return plan.startError;
  const out: string[] = [];
  for (const step of plan.steps as Iterable<ProcessStep>) {
    out.push(
      step.type === 'log'
        ? `log ${step.line}`
        : step.type === 'sleep'
          ? `sleep ${step.ms}`
          : step.type === 'exit'
            ? `exit ${step.code}`
            : 'serve',
    );
    if (out.length >= max) break;
  }
  return out;
}

describe('what a container does', () => {
  it.each([
    {
      name: 'nginx serves after its entrypoint',
      image: 'nginx',
      want: [
        'log /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        'log /docker-entrypoint.sh: Configuration complete; ready for start up',
        'serve',
      ],
    },
    { name: 'busybox with no command exits at once', image: 'busybox', want: ['exit 0'] },
    {
      name: 'args replace CMD',
      image: 'busybox',
      args: ['sleep', '10'],
      want: ['sleep 10000', 'exit 0'],
    },
    {
      name: 'command replaces ENTRYPOINT',
      image: 'nginx',
      command: ['sleep', '5'],
      want: ['sleep 5000', 'exit 0'],
    },
    {
      name: 'sh -c with ; and exit',
      image: 'busybox',
      command: ['sh', '-c', 'echo hi; sleep 2; exit 3'],
      want: ['log hi', 'sleep 2000', 'exit 3'],
    },
    {
      name: '&& and ||',
      image: 'busybox',
      command: ['sh', '-c', 'false && echo no || echo yes'],
      want: ['log yes', 'exit 0'],
    },
    {
      name: 'a while loop runs forever',
      image: 'busybox',
      command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'],
      want: ['log tick', 'sleep 1000', 'log tick', 'sleep 1000'],
    },
    {
      name: 'a busy loop still takes time',
      image: 'busybox',
      command: ['sh', '-c', 'while true; do echo x; done'],
      want: ['log x', 'sleep 100', 'log x', 'sleep 100'],
    },
    { name: 'sleep infinity', image: 'busybox', command: ['sleep', 'infinity'], want: ['serve'] },
    {
      name: 'an unknown shell command',
      image: 'busybox',
      command: ['sh', '-c', 'curl x'],
      want: ['log sh: curl: not found', 'exit 127'],
    },
  ])('$name', ({ image, command, args, want }) => {
    expect(steps(image, command, args, want.length)).toEqual(want);
  });

  it('cannot start a binary the image does not have', () => {
    expect(steps('nginx', ['foo'])).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    );
  });
});

describe('the shell inside an image', () => {
  const exec = (image: string, argv: string[], files = new Map<string, string>()) =>
    execOnce(argv, {
      now: () => 'Mon, 05 Jan 2026 09:00:00 GMT',
      files,
      env: () => ['PATH=/bin', 'HOSTNAME=box', 'GREETING=hi'],
      tools: imageTools(image),
    });

  it.each([
    [
      'busybox',
      '/bin/bash',
      'exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown',
    ],
    ['busybox', 'bash', 'exec: "bash": executable file not found in $PATH: unknown'],
    [
      'alpine:3.20',
      '/bin/bash',
      'exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown',
    ],
    ['nginx:alpine', 'bash', 'exec: "bash": executable file not found in $PATH: unknown'],
    ['nginx', '/bin/bash', undefined],
    ['httpd', 'bash', undefined],
    ['busybox', '/bin/sh', undefined],
  ])('%s has %s: error %s', (image, binary, error) => {
    const result = exec(image, [binary, '-c', 'true']);
    expect(result.startError?.replace(/^.*unable to start container process: /, '')).toBe(error);
  });

  it.each([
    [['date'], ['Mon Jan  5 09:00:00 UTC 2026']],
    [['date', '+%Y-%m-%d %H:%M:%S %Z %s'], ['2026-01-05 09:00:00 UTC 1767603600']],
    [
      ['printenv', 'GREETING', 'HOSTNAME'],
      ['hi', 'box'],
    ],
    [['printenv'], ['PATH=/bin', 'HOSTNAME=box', 'GREETING=hi']],
  ])('%j prints %j', (argv, output) => {
    expect(exec('busybox', argv)).toEqual({ exitCode: 0, output });
  });

  it('fails printenv for an unset variable', () => {
    expect(exec('busybox', ['printenv', 'NOPE'])).toEqual({ exitCode: 1, output: [] });
  });

  it('redirects any command with > and >>', () => {
    const files = new Map<string, string>();
    exec(
      'busybox',
      ['sh', '-c', 'echo a > /tmp/f; date >> /tmp/f; printenv GREETING >>/tmp/f'],
      files,
    );
    expect(files.get('/tmp/f')).toBe('a\nMon Jan  5 09:00:00 UTC 2026\nhi\n');
    exec('busybox', ['sh', '-c', 'echo b > /tmp/f'], files);
    expect(files.get('/tmp/f')).toBe('b\n');
  });

  it.each([
    ['busybox', ['ls', '/'], 0, 'bin dev etc home lib lib64 proc root sys tmp usr var'],
    ['busybox', ['ls', '/tmp'], 0, 'note'],
    ['busybox', ['ls', '-a', '/tmp'], 0, '. .. note'],
    ['busybox', ['ls', '/nope'], 1, 'ls: /nope: No such file or directory'],
    ['nginx', ['ls', '/nope'], 2, "ls: cannot access '/nope': No such file or directory"],
    [
      'busybox',
      ['ls', '-l', '/tmp'],
      0,
      'total 4 -rw-r--r--    1 root     root             5 Jan  5 09:00 note',
    ],
    ['nginx', ['ls', '-l', '/tmp/note'], 0, '-rw-r--r-- 1 root root 5 Jan  5 09:00 /tmp/note'],
  ])('%s: %j', (image, argv, code, output) => {
    const result = exec(image, argv, new Map([['/tmp/note', 'hello']]));
    expect(result.exitCode).toBe(code);
    expect(result.output.join(' ')).toBe(output);
  });
});

describe('ash', () => {
  it.each([
    ['busybox', 0, ['hi']],
    ['alpine:3.20', 0, ['hi']],
  ])('runs scripts in %s', (image, exitCode, output) => {
    const sh = { now: () => '', files: new Map<string, string>(), tools: imageTools(image) };
    expect(execOnce(['/bin/ash', '-c', 'echo hi'], sh)).toEqual({ exitCode, output });
  });

  it('is not in Debian images', () => {
    const sh = { now: () => '', files: new Map<string, string>(), tools: imageTools('nginx') };
    expect(execOnce(['ash'], sh).startError).toContain('exec: "ash": executable file not found');
  });
});

describe('shell variables, loops and substitutions', () => {
  const sh = (script: string, max = 12) => steps('busybox', ['sh', '-c', script], undefined, max);

  it('runs the Kubernetes docs counter: assignment, $((...)) and $(date) each turn', () => {
    expect(sh('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done', 4)).toEqual([
      'log 0: Mon Jan  5 09:00:00 UTC 2026',
      'sleep 1000',
      'log 1: Mon Jan  5 09:00:00 UTC 2026',
      'sleep 1000',
    ]);
  });

  it.each([
    { script: 'for n in a b c; do echo n$n; done', want: ['log na', 'log nb', 'log nc'] },
    { script: 'X="a b"; for w in $X; do echo $w; done', want: ['log a', 'log b'] },
    { script: 'X="a b"; for w in "$X"; do echo $w; done', want: ['log a b'] },
    { script: 'i=4; echo \'$i\' "$i" $((i * 3 - (1 + 1) % 2))', want: ['log $i 4 12'] },
    { script: 'echo $((7 / 2)) $((-3 + 10 % 4))', want: ['log 3 -1'] },
    { script: 'A=1 B=$A; echo $B$B', want: ['log 11'] },
    { script: 'echo "today: $(date +%Y)"', want: ['log today: 2026'] },
  ])('$script', ({ script, want }) => {
    const out = sh(script) as string[];
    expect(out.filter((s) => s.startsWith('log'))).toEqual(want);
  });
});
