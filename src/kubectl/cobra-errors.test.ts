import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { parseFlags, parseGoInt, positionalArgs, type FlagSpec } from './flags';
import { runKubectl } from './index';
import { goQuote, klogError } from './klog';
import { tokenize } from './tokenize';

/**
 * Errors cobra raises before a command runs: flag parse errors (`Error: ...` and a usage hint)
 * and missing required flags, which kubectl v1.32 logs through klog from run.go; then commands'
 * own checks of their arguments, which need no server either.
 */
const LINES = [
  'kubectl get --bogus',
  'kubectl get pods -z',
  'kubectl get -o',
  'kubectl get pods --watch=abc',
  'kubectl get pods -w=abc',
  'kubectl scale deploy web',
  'kubectl scale',
  'kubectl scale deploy web --replicas=abc',
  'kubectl scale deploy web --replicas=1.5',
  'kubectl scale deploy web --bogus',
  'kubectl create deployment web',
  'kubectl create deployment',
  'kubectl create deploy web --port=80',
  'kubectl create -n team deployment web',
  'kubectl create deploy web --bogus',
  'kubectl create deployment web --replicas=abc',
  'kubectl create deploy web --image=nginx -rabc',
  'kubectl create deploy x --image=n --port=99999999999',
  'kubectl run x',
  'kubectl run',
  'kubectl run x --image',
  'kubectl run x --image= --dry-run=client',
  'kubectl autoscale deploy web',
  'kubectl autoscale deploy web --max=abc',
  'kubectl autoscale deploy web --max=3 --min=x',
  'kubectl create cronjob x',
  'kubectl create cj x --image=nginx',
  'kubectl create service externalname x',
  'kubectl create service externalname x --external-name=Bad_Name --dry-run=client',
  'kubectl create service nodeport x --tcp=80 --node-port=abc',
  'kubectl create clusterrolebinding x',
  'kubectl create rolebinding x',
  'kubectl create job x',
  'kubectl logs x --tail=abc',
  'kubectl delete pod x --grace-period=abc',
  'kubectl drain x --grace-period=abc',
  'kubectl drain x --timeout=abc',
  'kubectl rollout status deploy/web --timeout=5',
  'kubectl rollout status deploy/web --timeout=5x',
  'kubectl rollout status deploy/web --timeout=s',
  'kubectl rollout status deploy/web --timeout=1..5s',
  'kubectl rollout status deploy/web --timeout=',
  'kubectl rollout undo deploy/x --to-revision=abc',
  'kubectl rollout status deploy/web --bogus',
  // Argument checks that fail before any request.
  'kubectl version extra',
  'kubectl version extra more --output=bogus',
  'kubectl version --output=bogus',
  'kubectl auth can-i get',
  'kubectl auth can-i get pods extra',
  'kubectl auth',
  'kubectl auth bogus',
  'kubectl auth can-i --bogus',
  'kubectl create quota x --bogus',
  'kubectl create resourcequota x --bogus',
  'kubectl delete pods --all -l a=b',
  'kubectl delete pod x --all',
  'kubectl delete pod/x --all',
  // A bare --dry-run is client, with a klog warning; it takes no value after a space.
  'kubectl create deploy x --image=nginx --dry-run',
  'kubectl create cm x --dry-run -o name',
  'kubectl create deploy x --image=nginx --dry-run client',
];

/** withoutDiscovery drops the real kubectl's complaints that it found no API server to ask. */
const withoutDiscovery = (text: string) =>
  text.replace(/^E.* memcache\.go:\d+\] "Unhandled Error" .*\n/gm, '');

/** normalizeKlog blanks what differs between runs of a klog line: the time and the pid. */
const normalizeKlog = (text: string) =>
  text.replace(/^([EW])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$10000 00:00:00.000000 PID ');

describe('what kubectl prints before it needs a server', () => {
  it.runIf(existsSync('/usr/bin/kubectl'))(
    'match /usr/bin/kubectl',
    () => {
      for (const line of LINES) {
        const real = spawnSync('/usr/bin/kubectl', tokenize(line).slice(1), {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, KUBECONFIG: '/nonexistent' },
        });
        const ours = runKubectl(createCluster({ seed: 1 }), line);
        expect({
          line,
          stdout: ours.stdout,
          stderr: normalizeKlog(ours.stderr),
          exitCode: ours.exitCode,
        }).toEqual({
          line,
          stdout: real.stdout,
          stderr: normalizeKlog(withoutDiscovery(real.stderr)),
          exitCode: real.status,
        });
      }
    },
    // One kubectl process per line: seconds on a busy machine.
    60_000,
  );

  it('stamps the klog line with simulated time and a fixed pid', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.runFor(1_234.567);
    const { stderr } = runKubectl(cluster, 'kubectl create cronjob x');
    expect(stderr).toBe(
      'E0105 09:00:01.234567    4242 run.go:72] "command failed" err="required flag(s) \\"image\\", \\"schedule\\" not set"\n',
    );
  });
});

describe('klog', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\\b', '"a\\\\b"'],
    ['tab\there\n', '"tab\\there\\n"'],
    ['\x01\x7f', '"\\x01\\x7f"'],
    ['한글', '"한글"'],
  ])('goQuote(%j) is %s', (text, want) => {
    expect(goQuote(text)).toBe(want);
  });

  it('formats the month, day and microseconds of the time it is given', () => {
    expect(klogError(Date.UTC(2026, 10, 23, 14, 29, 27, 112) + 0.911, 'run.go:72', 'm', 'e')).toBe(
      'E1123 14:29:27.112911    4242 run.go:72] "m" err="e"',
    );
  });
});

describe('parseGoInt (strconv.ParseInt with base 0)', () => {
  it.each([
    ['42', 64, 42n],
    ['-7', 64, -7n],
    ['+7', 64, 7n],
    ['0x1F', 64, 31n],
    ['0o17', 64, 15n],
    ['017', 64, 15n],
    ['0b101', 64, 5n],
    ['1_000', 64, 1000n],
    ['0', 64, 0n],
    ['2147483647', 32, 2147483647n],
  ] as const)('parses %s (%d bits)', (text, bits, want) => {
    expect(parseGoInt(text, bits)).toBe(want);
  });

  it.each([
    ['abc', 64, 'invalid syntax'],
    ['1.5', 64, 'invalid syntax'],
    ['', 64, 'invalid syntax'],
    ['08', 64, 'invalid syntax'],
    ['1__0', 64, 'invalid syntax'],
    ['_1', 64, 'invalid syntax'],
    ['1_', 64, 'invalid syntax'],
    ['2147483648', 32, 'value out of range'],
    ['9223372036854775808', 64, 'value out of range'],
  ] as const)('rejects %j (%d bits): %s', (text, bits, reason) => {
    expect(() => parseGoInt(text, bits)).toThrow(`strconv.ParseInt: parsing "${text}": ${reason}`);
  });
});

describe('parseFlags (pflag)', () => {
  const specs: FlagSpec[] = [
    { name: 'cascade', type: 'string', noOptDefault: 'background' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'replicas', short: 'r', type: 'int', bits: 32 },
  ];
  it.each([
    [['pod', 'x', '--cascade'], { cascade: 'background' }, ['pod', 'x']],
    [['--cascade', 'orphan'], { cascade: 'background' }, ['orphan']],
    [['--cascade=orphan'], { cascade: 'orphan' }, []],
    [['-w=false'], { watch: false }, []],
    [['-wA'], { watch: true, 'all-namespaces': true }, []],
    [['-r', '0x10'], { replicas: '16' }, []],
    [['--replicas=+3'], { replicas: '3' }, []],
  ] as const)('%j', (words, values, args) => {
    const parsed = parseFlags([...words], specs);
    expect(Object.fromEntries(parsed.values)).toEqual(values);
    expect(parsed.args).toEqual(args);
  });

  it('skips flags and their values to find the subcommand', () => {
    expect(
      positionalArgs(
        ['-n', 'team', 'deployment', 'web', '--image', 'nginx'],
        [{ name: 'image', type: 'strings' }],
      ),
    ).toEqual(['deployment', 'web']);
  });
});
