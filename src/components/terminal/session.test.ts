import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { runKubectl } from '../../kubectl';
import { History } from './history';
import { TerminalSession } from './session';

/** harness runs a session against a real cluster; runKubectl drives it like the store does. */
function harness() {
  const cluster = createCluster({ seed: 1 });
  let screen = '';
  const listeners = new Set<() => void>();
  const saved: string[][] = [];
  const session = new TerminalSession(
    { write: (t) => (screen += t), clear: () => (screen = '') },
    {
      runKubectl: (line) => Promise.resolve(runKubectl(cluster, line)),
      cluster: () => cluster,
      onChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      saveHistory: (e) => saved.push([...e]),
    },
    new History(),
  );
  session.start();
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** advance moves the cluster on in 100 ms frames, announcing each as the store does */
  const advance = (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      cluster.runFor(100);
      for (const l of listeners) l();
    }
  };
  /** text is the screen with the line editor's redraw sequences resolved to the final line */
  // eslint-disable-next-line no-control-regex -- stripping ESC sequences
  const escapes = /\x1b\[\d*[A-Za-z]/g;
  const text = () =>
    screen
      .split('\r\n')
      .map((l) => l.split('\r\x1b[K').at(-1)!.replace(escapes, ''))
      .join('\n');
  return { session, cluster, text, settle, advance, saved, listeners };
}

describe('TerminalSession', () => {
  it('runs kubectl and k, and answers other programs as bash does', async () => {
    const h = harness();
    h.session.input('kubectl run nginx --image=nginx\r');
    await h.settle();
    h.session.input('foo bar\r');
    h.session.input('k get po nope\r');
    await h.settle();
    expect(h.text()).toBe(
      '$ kubectl run nginx --image=nginx\npod/nginx created\n$ foo bar\nbash: foo: command not found\n$ k get po nope\nError from server (NotFound): pods "nope" not found\n$ ',
    );
    expect(h.saved.at(-1)).toEqual(['kubectl run nginx --image=nginx', 'foo bar', 'k get po nope']);
  });

  it('runs a multi-line paste line by line', async () => {
    const h = harness();
    h.session.input('k run a --image=nginx\nk run b --image=nginx\n');
    for (let i = 0; i < 4; i++) await h.settle();
    expect(h.text()).toContain('pod/a created\n$ k run b --image=nginx\npod/b created\n$ ');
  });

  it('recalls history with ↑ and completes with Tab', async () => {
    const h = harness();
    h.session.input('k version --client\r');
    await h.settle();
    h.session.input('\x1b[A');
    expect(h.text().split('\n').at(-1)).toBe('$ k version --client');
    h.session.input('\x03kubectl get dep\t');
    expect(h.text().split('\n').at(-1)).toBe('$ kubectl get deployments ');
  });

  it('streams get -w rows until Ctrl-C', async () => {
    const h = harness();
    h.session.input('kubectl run nginx --image=nginx\r');
    await h.settle();
    h.session.input('kubectl get pods -w\r');
    await h.settle();
    const before = h.text();
    expect(before).toMatch(
      /NAME {4}READY {3}STATUS {4}RESTARTS {3}AGE\nnginx {3}0\/1 {5}Pending {3}0 {10}0s\n$/,
    );
    h.advance(30_000);
    // Widths are remembered: STATUS grew for ContainerCreating and stays that wide.
    const rows = h.text().slice(before.length).trimEnd().split('\n');
    expect(rows.at(-2)).toMatch(/^nginx {3}0\/1 {5}ContainerCreating {3}0 {10}\d+s$/);
    expect(rows.at(-1)).toMatch(/^nginx {3}1\/1 {5}Running {13}0 {10}\d+s$/);
    h.session.input('\x03');
    expect(h.listeners.size).toBe(0);
    expect(h.text().endsWith('^C\n$ ')).toBe(true);
  });

  it('Ctrl-L and clear empty the screen', async () => {
    const h = harness();
    h.session.input('k version\r');
    await h.settle();
    h.session.input('clear\r');
    expect(h.text()).not.toContain('Client Version');
  });
});

describe('kubectl exec -it in the terminal', () => {
  it('opens the image shell, runs lines in the container, and exit returns to kubectl', async () => {
    const h = harness();
    runKubectl(h.cluster, 'kubectl run bb --image=busybox:1.36 -- sleep 3600');
    h.cluster.runFor(15_000);
    h.session.input('kubectl exec -it bb -- sh\r');
    await h.settle();
    expect(h.text().endsWith('/ # ')).toBe(true);
    h.session.input('hostname\r');
    await h.settle();
    h.session.input('exit 3\r');
    await h.settle();
    expect(h.text()).toBe(
      '$ kubectl exec -it bb -- sh\n/ # hostname\nbb\n/ # exit 3\ncommand terminated with exit code 3\n$ ',
    );
  });

  it('finds the pod in the current context namespace, for the prompt and for Tab', async () => {
    const h = harness();
    runKubectl(h.cluster, 'kubectl config set-context --current --namespace=kube-system');
    runKubectl(h.cluster, 'kubectl run shell-pod --image=busybox:1.36 -- sleep 3600');
    h.cluster.runFor(15_000);
    h.session.input('kubectl exec -it shell-p\t');
    expect(h.text().split('\n').at(-1)).toBe('$ kubectl exec -it shell-pod ');
    h.session.input('-- sh\r');
    await h.settle();
    // BusyBox's prompt: the shell knows the pod's image only if it found the pod.
    expect(h.text().endsWith('/ # ')).toBe(true);
  });

  it('shows bash as root@pod on Debian images; Ctrl-D leaves', async () => {
    const h = harness();
    runKubectl(h.cluster, 'kubectl run web --image=nginx:1.27');
    h.cluster.runFor(15_000);
    h.session.input('kubectl exec -it web -- /bin/bash\r');
    await h.settle();
    expect(h.text().endsWith('root@web:/# ')).toBe(true);
    h.session.input('\x04');
    await h.settle();
    expect(h.text().endsWith('root@web:/# exit\n$ ')).toBe(true);
  });

  it('prints kubectl errors for a pod that is not there and stays at the kubectl prompt', async () => {
    const h = harness();
    h.session.input('kubectl exec -it nope -- sh\r');
    await h.settle();
    expect(h.text()).toBe(
      '$ kubectl exec -it nope -- sh\nError from server (NotFound): pods "nope" not found\n$ ',
    );
  });
});

describe('kubectl exec in a terminal that is a TTY', () => {
  it('runs a one-off -it command without the no-TTY warning', async () => {
    const h = harness();
    runKubectl(h.cluster, 'kubectl run bb --image=busybox:1.36 -- sleep 3600');
    h.cluster.runFor(15_000);
    h.session.input('kubectl exec -it bb -- hostname\r');
    await h.settle();
    expect(h.text()).toBe('$ kubectl exec -it bb -- hostname\nbb\n$ ');
  });

  it('names the defaulted container once when the shell opens, then stays quiet', async () => {
    const h = harness();
    runKubectl(h.cluster, 'kubectl apply -f -', {
      stdin: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: duo}',
        'spec:',
        '  containers:',
        '  - {name: app, image: "busybox:1.36", command: [sleep, "3600"]}',
        '  - {name: side, image: "busybox:1.36", command: [sleep, "3600"]}',
      ].join('\n'),
    });
    h.cluster.runFor(15_000);
    h.session.input('kubectl exec -it duo -- sh\r');
    await h.settle();
    h.session.input('hostname\r');
    await h.settle();
    expect(h.text()).toBe(
      '$ kubectl exec -it duo -- sh\nDefaulted container "app" out of: app, side\n/ # hostname\nduo\n/ # ',
    );
  });
});
