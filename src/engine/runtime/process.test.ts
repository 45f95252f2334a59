import { describe, expect, it } from 'vitest';
import { planProcess, type ProcessStep } from './process';

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
