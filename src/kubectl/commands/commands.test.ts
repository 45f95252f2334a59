import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type Deployment, type Node } from '../../engine';
import { runKubectl } from '../index';
import { HELP } from './help-data';
import { parseTaints, reorganizeTaints } from './taint';

/** run runs lines in order on one cluster and returns the last result. */
function run(c: Cluster, ...lines: string[]) {
  let last = { stdout: '', stderr: '', exitCode: 0 };
  for (const line of lines) last = runKubectl(c, line);
  return last;
}

function withWeb(): Cluster {
  const c = createCluster({ seed: 1 });
  run(
    c,
    'kubectl create deployment web --image=nginx --replicas=3',
    'kubectl run nginx --image=nginx',
  );
  c.runFor(30_000);
  return c;
}

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

describe('kubectl commands that change objects (k8s-facts §1.6)', () => {
  it.each([
    [['kubectl scale deployment/web --replicas=5'], ok('deployment.apps/web scaled\n')],
    [['kubectl scale deploy web --replicas=1'], ok('deployment.apps/web scaled\n')],
    [
      ['kubectl scale deploy web'],
      fail(
        'E0105 09:00:30.006000    4242 run.go:72] "command failed" err="required flag(s) \\"replicas\\" not set"\n',
      ),
    ],
    [
      ['kubectl scale deploy nope --replicas=1'],
      fail('Error from server (NotFound): deployments.apps "nope" not found\n'),
    ],
    [
      ['kubectl set image deployment/web nginx=nginx:1.27'],
      ok('deployment.apps/web image updated\n'),
    ],
    [['kubectl set image pod/nginx nginx=nginx:1.27'], ok('pod/nginx image updated\n')],
    [['kubectl set image deployment/web nginx=nginx'], ok('')],
    [['kubectl set image deploy/web x=nginx'], fail('error: unable to find container named "x"\n')],
    [
      ['kubectl set foo'],
      fail('error: unknown command "foo"\nSee \'kubectl set -h\' for help and examples\n'),
    ],
    [['kubectl label pod nginx tier=db'], ok('pod/nginx labeled\n')],
    [
      ['kubectl label pod nginx run=web'],
      fail("error: 'run' already has a value (nginx), and --overwrite is false\n"),
    ],
    [['kubectl label pod nginx run=web --overwrite'], ok('pod/nginx labeled\n')],
    [['kubectl label pods nginx run-'], ok('pod/nginx unlabeled\n')],
    [['kubectl label pod/nginx nope-'], ok('label "nope" not found.\npod/nginx not labeled\n')],
    [['kubectl label pod nginx'], fail('error: at least one label update is required\n')],
    [['kubectl annotate pod nginx note=hi'], ok('pod/nginx annotated\n')],
    [
      ['kubectl annotate pod nginx note=hi', 'kubectl annotate pod nginx note=bye'],
      fail(
        "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
      ),
    ],
    [['kubectl cordon w1-k8s'], ok('node/w1-k8s cordoned\n')],
    [['kubectl cordon w1-k8s', 'kubectl cordon w1-k8s'], ok('node/w1-k8s already cordoned\n')],
    [['kubectl cordon w1-k8s', 'kubectl uncordon w1-k8s'], ok('node/w1-k8s uncordoned\n')],
    [['kubectl uncordon w1-k8s'], ok('node/w1-k8s already uncordoned\n')],
    [['kubectl cordon nope'], fail('Error from server (NotFound): nodes "nope" not found\n')],
    [['kubectl taint nodes w1-k8s key=value:NoSchedule'], ok('node/w1-k8s tainted\n')],
    [
      [
        'kubectl taint nodes w1-k8s key=value:NoSchedule',
        'kubectl taint node w1-k8s key:NoSchedule-',
      ],
      ok('node/w1-k8s untainted\n'),
    ],
    [
      [
        'kubectl taint nodes w1-k8s key=value:NoSchedule',
        'kubectl taint nodes w1-k8s key=v:NoSchedule',
      ],
      fail(
        'error: node w1-k8s already has key taint(s) with same effect(s) and --overwrite is false\n',
      ),
    ],
    [
      [
        'kubectl taint nodes w1-k8s k=v:NoSchedule',
        'kubectl taint nodes w1-k8s k=w:NoSchedule --overwrite',
      ],
      ok('node/w1-k8s modified\n'),
    ],
    [['kubectl taint nodes w1-k8s k:NoSchedule-'], fail('error: taint "k:NoSchedule" not found\n')],
    [
      ['kubectl taint nodes w1-k8s a=b:Foo'],
      fail(
        "error: invalid taint effect: Foo, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
      ),
    ],
    [
      ['kubectl taint pods x a:NoSchedule'],
      fail('error: invalid resource type pods, only node types are supported\n'),
    ],
    [['kubectl rollout restart deployment/web'], ok('deployment.apps/web restarted\n')],
    [
      ['kubectl rollout status pod/nginx'],
      fail('error: no status viewer has been implemented for Pod\n'),
    ],
  ])('%j', (lines, want) => expect(run(withWeb(), ...lines)).toEqual(want));

  it('rollout restart stamps the template with the simulated time', () => {
    const c = withWeb();
    run(c, 'kubectl rollout restart deploy web');
    const d = c.api.list('deployments', 'default')[0] as Deployment;
    expect(d.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
  });

  it('rollout status waits, printing each new state, until the rollout is done', () => {
    const c = withWeb();
    run(c, 'kubectl set image deployment/web nginx=nginx:1.27');
    const got = run(c, 'kubectl rollout status deployment/web');
    const lines = got.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    expect(lines.slice(0, -1).every((l) => l.startsWith('Waiting for deployment'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    expect(run(c, 'kubectl rollout status deploy/web')).toEqual(
      ok('deployment "web" successfully rolled out\n'),
    );
  });

  it('cordon and taint change the node objects', () => {
    const c = withWeb();
    run(c, 'kubectl cordon w2-k8s', 'kubectl taint nodes w2-k8s gpu=yes:NoExecute');
    const node = c.api.list('nodes').find((n) => n.metadata.name === 'w2-k8s') as Node;
    expect(node.spec?.unschedulable).toBe(true);
    expect(node.spec?.taints?.[0]).toMatchObject({ key: 'gpu', value: 'yes', effect: 'NoExecute' });
    expect(node.spec?.taints?.[0]?.timeAdded).toBeDefined();
  });
});

describe('taint specs (taint/utils.go)', () => {
  it('parses adds and removes', () => {
    expect(parseTaints(['a=b:NoSchedule', 'c:NoExecute', 'd-', 'e:NoSchedule-'])).toEqual({
      add: [
        { key: 'a', value: 'b', effect: 'NoSchedule' },
        { key: 'c', effect: 'NoExecute' },
      ],
      remove: [{ key: 'd' }, { key: 'e', effect: 'NoSchedule' }],
    });
  });
  it.each([
    ['add', [], [{ key: 'a', effect: 'NoSchedule' as const }], [], 'tainted'],
    ['remove', [{ key: 'a', effect: 'NoSchedule' as const }], [], [{ key: 'a' }], 'untainted'],
    [
      'both',
      [{ key: 'a', effect: 'NoSchedule' as const }],
      [{ key: 'b', effect: 'NoSchedule' as const }],
      [{ key: 'a' }],
      'modified',
    ],
  ])('%s → %s', (_n, old, add, remove, word) =>
    expect(reorganizeTaints(old, false, add, remove).word).toBe(word),
  );
});

describe('read-only commands', () => {
  it.each([
    [
      'kubectl version',
      'Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n',
    ],
    ['kubectl version --client', 'Client Version: v1.32.4\nKustomize Version: v5.5.0\n'],
    [
      'kubectl cluster-info',
      "Kubernetes control plane is running at https://192.168.1.10:6443\nCoreDNS is running at https://192.168.1.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    ],
    ['kubectl config current-context', 'kubernetes-admin@kubernetes\n'],
    [
      'kubectl config get-contexts',
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    ],
  ])('%s', (line, stdout) => expect(run(createCluster({ seed: 1 }), line)).toEqual(ok(stdout)));

  it('minikube has its own context and server', () => {
    const c = createCluster({ seed: 1, preset: 'minikube' });
    expect(run(c, 'kubectl config current-context').stdout).toBe('minikube\n');
    expect(run(c, 'kubectl cluster-info').stdout).toMatch(
      /^Kubernetes control plane is running at https:\/\/192\.168\.49\.2:8443\n/,
    );
  });

  it('api-resources lists every kind the engine serves, core group first', () => {
    const out = run(createCluster({ seed: 1 }), 'kubectl api-resources').stdout.split('\n');
    expect(out[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(out).toContainEqual(expect.stringMatching(/^pods +po +v1 +true +Pod$/));
    expect(out).toContainEqual(
      expect.stringMatching(/^deployments +deploy +apps\/v1 +true +Deployment$/),
    );
    expect(out.findIndex((l) => l.startsWith('pods'))).toBeLessThan(
      out.findIndex((l) => l.startsWith('deployments')),
    );
  });
});

describe('--help is the real kubectl v1.32 help', () => {
  const c = createCluster({ seed: 1 });
  it.each([
    ['kubectl --help', ''],
    ['kubectl', ''],
    ['kubectl get -h', 'get'],
    ['kubectl get pods --help', 'get'],
    ['kubectl rollout status --help', 'rollout status'],
    ['k create deployment -h', 'create deployment'],
  ])('%s', (line, path) => expect(run(c, line)).toEqual(ok(HELP[path]!)));

  it('a bare command group prints its help on stderr and fails, as cobra does', () =>
    expect(run(c, 'kubectl rollout')).toEqual(fail(HELP['rollout']!)));

  // The data file is generated from the real binary; check it still matches where one is installed.
  it.runIf(existsSync('/usr/bin/kubectl'))(
    'matches /usr/bin/kubectl',
    () => {
      for (const [path, text] of Object.entries(HELP)) {
        const args = path === '' ? ['--help'] : [...path.split(' '), '--help'];
        expect(execFileSync('/usr/bin/kubectl', args, { encoding: 'utf8' })).toBe(text);
      }
    },
    // One kubectl process per help text: seconds on a busy machine.
    60_000,
  );
});
