import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster, StatusError, type Pod } from '../engine';
import { formatStatusError } from './errors';
import { runKubectl } from './index';
import { humanDuration } from './printers/age';
import { summarizePod } from './printers/pod-status';
import { printTable } from './printers/table';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it.each([
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    [
      "k run x --image=nginx -- sh -c 'echo hi; sleep 1'",
      ['k', 'run', 'x', '--image=nginx', '--', 'sh', '-c', 'echo hi; sleep 1'],
    ],
    ['a "b c" d\\ e', ['a', 'b c', 'd e']],
    ['a "x\\"y" \'\'', ['a', 'x"y', '']],
    ['  spaced   out  ', ['spaced', 'out']],
  ])('%s', (line, want) => expect(tokenize(line)).toEqual(want));
  it('rejects an unterminated quote', () => expect(() => tokenize("a 'b")).toThrow('unterminated'));
});

describe('humanDuration (k8s-facts §1.4)', () => {
  const s = 1000;
  it.each([
    [-3 * s, '<invalid>'],
    [-0.5 * s, '0s'],
    [0, '0s'],
    [119 * s, '119s'],
    [130 * s, '2m10s'],
    [300 * s, '5m'],
    [179 * 60 * s, '179m'],
    [3 * 3600 * s, '3h'],
    [(7 * 3600 + 59 * 60) * s, '7h59m'],
    [47 * 3600 * s, '47h'],
    [(2 * 24 + 3) * 3600 * s, '2d3h'],
    [400 * 24 * 3600 * s, '400d'],
    [(3 * 365 + 10) * 24 * 3600 * s, '3y10d'],
    [9 * 365 * 24 * 3600 * s, '9y'],
  ])('%d ms → %s', (ms, want) => expect(humanDuration(ms)).toBe(want));
});

describe('printTable', () => {
  it('pads columns to max(6, widest + 3) and leaves the last column unpadded', () => {
    const got = printTable({
      headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      rows: [['nginx', '1/1', 'Running', '0', '10s']],
    });
    expect(got).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10s\n',
    );
  });
  it('uses the minimum width 6 for short columns', () => {
    expect(printTable({ headers: ['A', 'B'], rows: [['x', 'y']] })).toBe('A     B\nx     y\n');
  });
});

function pod(status: Partial<Pod['status']>, extra: { deleting?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T09:00:00Z',
      ...(extra.deleting ? { deletionTimestamp: '2026-01-05T09:01:00Z' } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }] } as Pod['spec'],
    status: { phase: 'Pending', ...status } as Pod['status'],
  };
}
const cs = (state: object, ready = false, restartCount = 0) => ({
  name: 'c',
  image: 'nginx',
  imageID: '',
  ready,
  started: ready,
  restartCount,
  state,
  lastState: {},
});

describe('summarizePod (k8s-facts §3)', () => {
  const now = Date.parse('2026-01-05T09:05:00Z');
  it.each([
    ['unscheduled', pod({}), '0/1', 'Pending'],
    [
      'creating',
      pod({ containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }),
      '0/1',
      'ContainerCreating',
    ],
    [
      'running',
      pod({ phase: 'Running', containerStatuses: [cs({ running: { startedAt: 'x' } }, true)] }),
      '1/1',
      'Running',
    ],
    [
      'completed',
      pod({
        phase: 'Succeeded',
        containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })],
      }),
      '0/1',
      'Completed',
    ],
    [
      'exit code',
      pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 3 } })] }),
      '0/1',
      'ExitCode:3',
    ],
    [
      'crashloop',
      pod({
        phase: 'Running',
        containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, false, 4)],
      }),
      '0/1',
      'CrashLoopBackOff',
    ],
    ['evicted', pod({ phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted'],
    [
      'terminating',
      pod(
        { phase: 'Running', containerStatuses: [cs({ running: { startedAt: 'x' } }, true)] },
        { deleting: true },
      ),
      '1/1',
      'Terminating',
    ],
  ])('%s', (_name, p, ready, status) => {
    const got = summarizePod(p, now);
    expect([got.ready, got.status]).toEqual([ready, status]);
  });
});

describe('formatStatusError (k8s-facts §1.7)', () => {
  const err = (status: object) =>
    new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', ...status } as never);
  it.each([
    [
      'not found',
      err({ reason: 'NotFound', code: 404, message: 'pods "x" not found' }),
      undefined,
      'Error from server (NotFound): pods "x" not found',
    ],
    [
      'file source',
      err({ reason: 'AlreadyExists', code: 409, message: 'pods "nginx" already exists' }),
      { verb: 'creating', file: 'pod.yaml' },
      'Error from server (AlreadyExists): error when creating "pod.yaml": pods "nginx" already exists',
    ],
    [
      'one cause',
      err({
        reason: 'Invalid',
        code: 422,
        message: '',
        details: {
          kind: 'Deployment',
          name: 'web',
          causes: [
            {
              type: 'Invalid',
              field: 'spec.replicas',
              value: -1,
              detail: 'must be greater than or equal to 0',
            },
          ],
        },
      }),
      undefined,
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'several causes',
      err({
        reason: 'Invalid',
        code: 422,
        message: '',
        details: {
          kind: 'Deployment',
          name: 'nginx',
          causes: [
            { type: 'Required', field: 'spec.selector' },
            { type: 'Required', field: 'spec.template.spec.containers[0].image' },
          ],
        },
      }),
      undefined,
      'The Deployment "nginx" is invalid: \n* spec.selector: Required value\n* spec.template.spec.containers[0].image: Required value',
    ],
  ])('%s', (_n, e, source, want) => expect(formatStatusError(e, source)).toBe(want));
});

describe('generated objects match the real kubectl v1.32 byte for byte', () => {
  const golden = (name: string) => readFileSync(join(__dirname, 'testdata', name), 'utf8');
  it.each([
    [
      'kubectl create deployment web --image=nginx --dry-run=client -o yaml',
      'create-deployment-web.yaml',
    ],
    [
      'kubectl create deployment web --image=nginx:1.25 --replicas=3 --port=80 --dry-run=client -o yaml',
      'create-deployment-web-replicas-port.yaml',
    ],
    ['kubectl run nginx --image=nginx --dry-run=client -o yaml', 'run-nginx.yaml'],
    [
      'kubectl run nginx --image=nginx --port=80 --labels=app=x,tier=z --restart=Never --dry-run=client -o yaml -- sleep 3600',
      'run-nginx-never-args.yaml',
    ],
  ])('%s', (line, file) => {
    const got = runKubectl(createCluster({ seed: 1 }), line);
    expect(got).toEqual({ stdout: golden(file), stderr: '', exitCode: 0 });
  });
});

describe('kubectl commands against the engine', () => {
  const manifest =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';
  it.each([
    [
      'kubectl foo',
      '',
      'Error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n\n',
    ],
    ['kubectl xyzzy', '', 'Error: unknown command "xyzzy" for "kubectl"\n'],
    [
      'kubectl get pods --foo',
      '',
      "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    ],
    [
      'kubectl get pods -x',
      '',
      "Error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n",
    ],
    ['kubectl get foo', '', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl get pods', '', 'No resources found in default namespace.\n'],
    ['kubectl get po x', '', 'Error from server (NotFound): pods "x" not found\n'],
  ])('%s', (line, stdout, stderr) => {
    const got = runKubectl(createCluster({ seed: 1 }), line);
    expect({ stdout: got.stdout, stderr: got.stderr }).toEqual({ stdout, stderr });
  });

  it('apply creates, then reports unchanged, then configured; delete waits for the pod to go', () => {
    const c = createCluster({ seed: 1 });
    expect(runKubectl(c, 'kubectl apply -f -', { stdin: manifest }).stdout).toBe(
      'pod/nginx created\n',
    );
    expect(runKubectl(c, 'kubectl apply -f -', { stdin: manifest }).stdout).toBe(
      'pod/nginx unchanged\n',
    );
    const changed = runKubectl(c, 'kubectl apply -f -', {
      stdin: manifest.replace('image: nginx', 'image: nginx:1.27'),
    });
    expect(changed.stdout).toBe('pod/nginx configured\n');
    c.runFor(10_000);
    expect(runKubectl(c, 'kubectl get pods').stdout).toMatch(
      /^NAME {4}READY {3}STATUS {4}RESTARTS {3}AGE\nnginx {3}1\/1 {5}Running {3}/,
    );
    expect(runKubectl(c, 'kubectl delete pod nginx')).toEqual({
      stdout: 'pod "nginx" deleted\n',
      stderr: '',
      exitCode: 0,
    });
    expect(runKubectl(c, 'kubectl get pod nginx').exitCode).toBe(1);
  });

  it('apply reports unknown kinds and YAML errors as kubectl does', () => {
    const c = createCluster({ seed: 1 });
    const files: Record<string, string> = {
      'd.yaml': 'apiVersion: apps/v1beta2\nkind: Deployment\nmetadata:\n  name: nginx\n',
      'bad.yaml': 'a: b\n c: d\n',
    };
    const readFile = (p: string) => files[p];
    expect(runKubectl(c, 'kubectl apply -f d.yaml', { readFile }).stderr).toBe(
      'error: resource mapping not found for name: "nginx" namespace: "" from "d.yaml": no matches for kind "Deployment" in version "apps/v1beta2"\nensure CRDs are installed first\n',
    );
    expect(runKubectl(c, 'kubectl apply -f bad.yaml', { readFile }).stderr).toMatch(
      /^error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 2: /,
    );
  });

  it('create deployment twice fails as kubectl does', () => {
    const c = createCluster({ seed: 1 });
    expect(runKubectl(c, 'kubectl create deployment web --image=nginx').stdout).toBe(
      'deployment.apps/web created\n',
    );
    expect(runKubectl(c, 'kubectl create deployment web --image=nginx')).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      exitCode: 1,
    });
  });
});

describe('expose and create service generate what the real kubectl v1.32 does', () => {
  const golden = (name: string) => readFileSync(join(__dirname, 'testdata', name), 'utf8');
  const cluster = () => {
    const c = createCluster({ seed: 1 });
    runKubectl(c, 'kubectl create deployment web --image=sysnet4admin/chk-hn');
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bare', labels: { run: 'bare' } },
        spec: {
          containers: [
            {
              name: 'c',
              image: 'nginx',
              ports: [{ containerPort: 80 }, { containerPort: 443, name: 'https' }],
            },
          ],
        },
      },
    });
    return c;
  };
  it.each([
    [
      'kubectl expose deployment web --type=NodePort --port=80',
      'expose-deployment-web-nodeport.yaml',
    ],
    [
      'kubectl expose deploy/web --port=80 --target-port=8080 --name=foo --protocol=UDP --type=LoadBalancer',
      'expose-deployment-web-flags.yaml',
    ],
    ['kubectl expose pod bare', 'expose-pod-introspected-ports.yaml'],
    ['kubectl create service clusterip web --tcp=80:8080', 'create-service-clusterip.yaml'],
    [
      'kubectl create service nodeport web --tcp=80 --node-port=30080',
      'create-service-nodeport.yaml',
    ],
    ['kubectl create service loadbalancer web --tcp=80:80,443', 'create-service-loadbalancer.yaml'],
    [
      'kubectl create service externalname ext --external-name=example.com',
      'create-service-externalname.yaml',
    ],
    ['kubectl create svc clusterip h --clusterip=None', 'create-service-headless.yaml'],
  ])('%s', (line, file) => {
    const got = runKubectl(cluster(), `${line} --dry-run=client -o yaml`);
    expect(got).toEqual({ stdout: golden(file), stderr: '', exitCode: 0 });
  });

  it.each([
    [
      'kubectl expose deployment web',
      "error: couldn't find port via --port flag or introspection\n",
    ],
    ['kubectl expose', 'error: You must provide one or more resources by argument or filename.\n'],
    ['kubectl expose deployment', 'error: resource(s) were provided, but no name was specified\n'],
    [
      'kubectl create service clusterip web',
      'error: at least one tcp port specifier must be provided\n',
    ],
    ['kubectl expose node w1-k8s --port=80', 'error: cannot expose a Node\n'],
  ])('%s fails as kubectl does', (line, stderr) => {
    const got = runKubectl(cluster(), line);
    expect(got.exitCode).toBe(1);
    expect(got.stderr.startsWith(stderr.trimEnd())).toBe(true);
  });

  it('refuses to expose a pod without labels', () => {
    const c = createCluster({ seed: 1 });
    runKubectl(c, 'kubectl run bare --image=nginx --labels=x=y');
    runKubectl(c, 'kubectl label pod bare x-');
    expect(runKubectl(c, 'kubectl expose pod bare --port=80').stderr).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
    );
  });
});
