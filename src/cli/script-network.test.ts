import { describe, expect, it } from 'vitest';
import { parseScript, runScript, ScriptError } from './script';

describe('network script verbs', () => {
  it.each([
    [
      'curl http://192.168.1.101:30080',
      { kind: 'external' },
      ['curl', 'http://192.168.1.101:30080'],
    ],
    [
      'ssh w1-k8s curl -s 10.96.0.1:443',
      { kind: 'node', node: 'w1-k8s' },
      ['curl', '-s', '10.96.0.1:443'],
    ],
    [
      'ssh w2-k8s iptables-save -t nat',
      { kind: 'node', node: 'w2-k8s' },
      ['iptables-save', '-t', 'nat'],
    ],
  ])('parses %s', (line, origin, argv) => {
    expect(parseScript(line, 's')).toEqual([{ kind: 'host', line: 1, text: line, origin, argv }]);
  });

  it('refuses ssh without a command', () => {
    expect(() => parseScript('ssh w1-k8s', 's')).toThrow(ScriptError);
  });

  it.each([
    [
      'ssh w9-k8s iptables-save',
      'ssh: Could not resolve hostname w9-k8s: Name or service not known\n',
    ],
    ['ssh w1-k8s ip route', 'bash: ip: command not found\n'],
    [
      'ssh w1-k8s curl -s http://10.96.0.1:443',
      'Client sent an HTTP request to an HTTPS server.\n',
    ],
    [
      'curl 10.96.0.1:443',
      "curl: (28) Failed to connect to 10.96.0.1 port 443 after 130000 ms: Couldn't connect to server\n",
    ],
    [
      'ssh w1-k8s iptables-save -t raw',
      'iptables-save v1.8.7 (nf_tables): Cannot initialize: Table does not exist (do you need to insmod?)\n',
    ],
  ])('runs %s', (line, output) => {
    expect(runScript(parseScript(`sleep 2s\n${line}`, 's'), { baseDir: '.' })).toBe(
      `$ sleep 2s\n$ ${line}\n${output}`,
    );
  });
});
