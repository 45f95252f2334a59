import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { runKubectl } from '../index';
import { HELP } from './help-data';

/**
 * Each fixture in ../testdata is what the real kubectl v1.32 printed for the same command line
 * (captured with /usr/bin/kubectl, no cluster needed for --dry-run=client); greeting.txt held
 * "hello\n".
 */
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'testdata', name), 'utf8');
const input = { readFile: (path: string) => (path === 'greeting.txt' ? 'hello\n' : undefined) };

describe('kubectl create generators match the real kubectl v1.32 byte for byte', () => {
  it.each([
    [
      'kubectl create configmap app --from-literal=color=blue --from-literal=mode=fast --dry-run=client -o yaml',
      'create-configmap-literals.yaml',
    ],
    [
      'kubectl create configmap app --from-file=greeting.txt --from-file=g2=greeting.txt --dry-run=client -o yaml',
      'create-configmap-files.yaml',
    ],
    [
      'kubectl create configmap app --from-literal=color=blue --dry-run=client -o json',
      'create-configmap-literal.json',
    ],
    [
      'kubectl create secret generic db --from-literal=password=s3cret --dry-run=client -o yaml',
      'create-secret-generic.yaml',
    ],
    [
      'kubectl create secret generic tls --from-literal=a=1 --type=kubernetes.io/tls --dry-run=client -o yaml',
      'create-secret-generic-type.yaml',
    ],
    ['kubectl create namespace shop --dry-run=client -o yaml', 'create-namespace.yaml'],
    ['kubectl create namespace shop --dry-run=client -o json', 'create-namespace.json'],
    ['kubectl create serviceaccount bot --dry-run=client -o yaml', 'create-serviceaccount.yaml'],
    [
      'kubectl create role pod-reader --verb=get,list --resource=pods --dry-run=client -o yaml',
      'create-role.yaml',
    ],
    [
      'kubectl create rolebinding rb --role=pod-reader --user=jane --serviceaccount=default:bot --dry-run=client -o yaml',
      'create-rolebinding.yaml',
    ],
    [
      'kubectl create clusterrolebinding crb --clusterrole=cr --group=devs --dry-run=client -o yaml',
      'create-clusterrolebinding.yaml',
    ],
    ['kubectl create job pi --image=perl --dry-run=client -o yaml', 'create-job.yaml'],
    [
      `kubectl create job pi --image=perl --dry-run=client -o yaml -- perl -wle 'print 42'`,
      'create-job-command.yaml',
    ],
    [
      `kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml -- echo hi`,
      'create-cronjob.yaml',
    ],
    [
      'kubectl create ingress web --rule=shop.example.com/=web:80 --dry-run=client -o yaml',
      'create-ingress.yaml',
    ],
    [
      'kubectl create ingress web --class=nginx --rule=foo.com/bar*=svc:http,tls=my-cert --rule=/=svc2:8080 --dry-run=client -o yaml',
      'create-ingress-tls.yaml',
    ],
    [
      'kubectl create deployment web --image=nginx --dry-run=client -o json',
      'create-deployment-web.json',
    ],
    ['kubectl run nginx --image=nginx --dry-run=client -o json', 'run-nginx.json'],
    ['kubectl create job pi --image=perl --dry-run=client -o json', 'create-job.json'],
  ])('%s', (line, file) => {
    const got = runKubectl(createCluster({ seed: 1 }), line, input);
    expect(got).toEqual({ stdout: fixture(file), stderr: '', exitCode: 0 });
  });
});

describe('kubectl create generators refuse bad input as kubectl does', () => {
  it.each([
    ['kubectl create job pi', 'error: either --image or --from must be specified'],
    [
      'kubectl create rolebinding rb --user=a',
      'error: exactly one of clusterrole or role must be specified',
    ],
    ['kubectl create role r --verb=get', 'error: at least one resource must be specified'],
    [
      'kubectl create configmap app --from-literal=a',
      'error: invalid literal source a, expected key=value',
    ],
    [
      'kubectl create configmap app --from-literal=a=1 --from-literal=a=2',
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "app"',
    ],
    [
      'kubectl create configmap x --from-file=nofile',
      'error: error reading nofile: no such file or directory',
    ],
    [
      'kubectl create rolebinding rb --role=r --serviceaccount=bot',
      'error: serviceaccount must be <namespace>:<name>',
    ],
    [
      'kubectl create ingress x --rule=foo',
      'error: rule foo is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]',
    ],
    [
      'kubectl create secret foo',
      'error: unknown command "foo"\nSee \'kubectl create secret -h\' for help and examples',
    ],
    ['kubectl create secret', HELP['create secret']!.replace(/\n$/, '')],
    [
      'kubectl create namespace',
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples",
    ],
    [
      "kubectl create configmap x --from-literal='a b=c'",
      `error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ],
  ])('%s', (line, stderr) => {
    const cluster = createCluster({ seed: 1 });
    expect(runKubectl(cluster, line, input)).toEqual({
      stdout: '',
      stderr: `${stderr}\n`,
      exitCode: 1,
    });
  });

  it('warns about a non-standard verb and still builds the role', () => {
    const got = runKubectl(
      createCluster({ seed: 1 }),
      'kubectl create role r --verb=gett --resource=pods --dry-run=client -o name',
    );
    expect(got).toEqual({
      stdout: 'role.rbac.authorization.k8s.io/r\n',
      stderr: "Warning: 'gett' is not a standard resource verb\n",
      exitCode: 0,
    });
  });
});
