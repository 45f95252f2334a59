import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { runKubectl } from './index';

describe('the kubeconfig', () => {
  it('lists minikube files instead of embedded certificates', () => {
    const cluster = createCluster({ seed: 1, preset: 'minikube' });
    expect(runKubectl(cluster, 'kubectl config view').stdout).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    certificate-authority: /home/vagrant/.minikube/ca.crt',
        '    server: https://192.168.49.2:8443',
        '  name: minikube',
        'contexts:',
        '- context:',
        '    cluster: minikube',
        '    namespace: default',
        '    user: minikube',
        '  name: minikube',
        'current-context: minikube',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: minikube',
        '  user:',
        '    client-certificate: /home/vagrant/.minikube/profiles/minikube/client.crt',
        '    client-key: /home/vagrant/.minikube/profiles/minikube/client.key',
        '',
      ].join('\n'),
    );
  });

  it('keeps the namespace for later commands of the same cluster only', () => {
    const first = createCluster({ seed: 1, preset: 'kubeadm' });
    const second = createCluster({ seed: 1, preset: 'kubeadm' });
    runKubectl(first, 'kubectl config set-context --current --namespace=kube-system');
    expect(runKubectl(first, 'kubectl get deploy').stdout).toContain('coredns');
    expect(runKubectl(first, 'kubectl get deploy -n default').stderr).toBe(
      'No resources found in default namespace.\n',
    );
    expect(runKubectl(second, 'kubectl get deploy').stderr).toBe(
      'No resources found in default namespace.\n',
    );
  });

  it.each([
    ['kubectl config use-context nope', 'error: no context exists with the name: "nope"\n'],
    [
      'kubectl config set-context',
      'error: you must specify a non-empty context name or --current\n',
    ],
    [
      'kubectl config set-context other --current',
      'error: you cannot specify both a context name and --current\n',
    ],
  ])('%s fails', (line, stderr) => {
    const result = runKubectl(createCluster({ seed: 1, preset: 'kubeadm' }), line);
    expect(result).toMatchObject({ exitCode: 1, stderr });
  });
});
