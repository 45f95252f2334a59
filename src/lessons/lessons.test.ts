import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../engine';
import { runKubectl } from '../kubectl';
import {
  LESSONS,
  parseSolutionLine,
  viewCluster,
  type Lesson,
  type LessonFault,
  type Localized,
} from '.';

const HANGUL = /[\uac00-\ud7a3]/;

/** performFault does what a fault button does in the panel. */
function performFault(cluster: Cluster, fault: LessonFault): void {
  if (fault.kind === 'setLoad') {
    cluster.setLoad('default', fault.deployment, fault.percent);
    return;
  }
  const performed =
    fault.kind === 'stopNode' ? cluster.stopNode(fault.node) : cluster.startNode(fault.node);
  expect(performed, `${fault.kind} ${fault.node}`).toBe(true);
}

/** everyText is every piece of learner-facing text in a lesson, with where it lives. */
function everyText(lesson: Lesson): [string, Localized][] {
  const texts: [string, Localized][] = [
    ['title', lesson.title],
    ['summary', lesson.summary],
  ];
  if (lesson.outro) texts.push(['outro', lesson.outro]);
  for (const step of lesson.steps) {
    texts.push([`${step.id}.text`, step.text]);
    if (step.want) texts.push([`${step.id}.want`, step.want]);
    step.hints.forEach((hint, i) => texts.push([`${step.id}.hint${i}`, hint]));
    if (step.predict) {
      texts.push([`${step.id}.question`, step.predict.question]);
      texts.push([`${step.id}.explanation`, step.predict.explanation]);
      for (const choice of step.predict.choices) {
        texts.push([`${step.id}.choice.${choice.id}`, choice.text]);
      }
    }
  }
  return texts;
}

describe('every lesson', () => {
  describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))('%s', (_id, lesson) => {
    it('has a title, a summary and every step in both languages, with hints', () => {
      for (const text of [lesson.title, lesson.summary]) {
        expect(text.ko.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
      expect(lesson.steps.length).toBeGreaterThan(0);
      expect(new Set(lesson.steps.map((step) => step.id)).size).toBe(lesson.steps.length);
      for (const step of lesson.steps) {
        expect(step.text.ko.trim(), step.id).not.toBe('');
        expect(step.text.en.trim(), step.id).not.toBe('');
        expect(step.hints.length, step.id).toBeGreaterThan(0);
        expect(step.want, `${step.id} says what state it wants, for the goal view`).toBeDefined();
        for (const hint of step.hints) {
          expect(hint.ko.trim(), step.id).not.toBe('');
          expect(hint.en.trim(), step.id).not.toBe('');
        }
      }
    });

    it('is written in Korean and in English, not one language twice', () => {
      for (const [where, text] of everyText(lesson)) {
        expect(text.ko.trim(), where).not.toBe('');
        expect(text.en.trim(), where).not.toBe('');
        // Choices may be numbers, names or kubectl output kept in English ("3", "w1-k8s",
        // "READY 0/1, STATUS Running"): one word, or only capitalised words. Prose must be Korean.
        const words = text.en.match(/[a-z]+/gi) ?? [];
        const term =
          text.ko === text.en &&
          (!/\s/.test(text.en.trim()) || words.every((word) => /^[A-Z]/.test(word)));
        if (!term && /[a-z]{3}/i.test(text.en) && !/^`[^`]*`$/.test(text.en.trim())) {
          expect(text.ko, `${where} has Korean`).toMatch(HANGUL);
        }
        expect(text.en, `${where} has no Korean`).not.toMatch(HANGUL);
      }
    });

    it('replays its solution and meets every goal in order', () => {
      const cluster = createCluster({ preset: lesson.preset, seed: 1 });
      const view = viewCluster(cluster);
      expect(
        lesson.steps.some((step) => step.goal(view)),
        'no goal is met before the lesson starts',
      ).toBe(false);

      // Progress is sticky (the panel never unmarks a step), so a later action may undo an
      // earlier goal (deleting the pod of step 1): each goal must hold once its solution ran.
      for (const step of lesson.steps) {
        const acts = step.solution.length > 0 || (step.faults ?? []).length > 0;
        // The learner reads the screen before typing: let the cluster settle first.
        if (acts) {
          cluster.runUntilIdle();
          // Goals detect only success: what came before does not already meet this step.
          expect(step.goal(view), `goal of step ${step.id} before its solution`).toBe(false);
        }
        for (const entry of step.solution) {
          const { line, stdin } = parseSolutionLine(entry);
          const result = runKubectl(cluster, line, { stdin });
          // kubectl's warnings (drain skipping DaemonSet pods) go to stderr on success too.
          const errors = result.stderr.split('\n').filter((l) => l && !l.startsWith('Warning: '));
          expect(errors, line).toEqual([]);
          expect(result.exitCode, line).toBe(0);
        }
        for (const fault of step.faults ?? []) performFault(cluster, fault);
        // Step the engine hop by hop until the goal holds: goals are checked after every change.
        const met = cluster.runWhile(() => !step.goal(view), 100_000);
        expect(met || step.goal(view), `goal of step ${step.id}`).toBe(true);
      }
      expect(cluster.runUntilIdle()).toBe(true);
      expect(lesson.steps.at(-1)!.goal(view), 'the last goal holds once the cluster is idle').toBe(
        true,
      );
    });

    it('has predictions whose answer is one of their choices', () => {
      for (const step of lesson.steps) {
        if (!step.predict) continue;
        const { question, choices, answer, explanation } = step.predict;
        for (const text of [question, explanation, ...choices.map((c) => c.text)]) {
          expect(text.ko.trim(), step.id).not.toBe('');
          expect(text.en.trim(), step.id).not.toBe('');
        }
        expect(
          choices.map((c) => c.id),
          step.id,
        ).toContain(answer);
        expect(new Set(choices.map((c) => c.id)).size, step.id).toBe(choices.length);
      }
    });

    it('ends with what to type on a real cluster', () => {
      expect(lesson.outro?.ko.trim()).toBeTruthy();
      expect(lesson.outro?.en.trim()).toBeTruthy();
    });
  });

  it('parses a heredoc solution line into a command and stdin', () => {
    expect(parseSolutionLine('kubectl apply -f - <<EOF\nkind: Pod\nEOF')).toEqual({
      line: 'kubectl apply -f -',
      stdin: 'kind: Pod\n',
    });
    expect(parseSolutionLine('kubectl get pods')).toEqual({ line: 'kubectl get pods' });
  });
});

/**
 * Goals detect success and only success: for each lesson, near misses a learner could make leave
 * the goal unmet.
 */
describe('goals reject near misses', () => {
  const lessonById = (id: string) => LESSONS.find((lesson) => lesson.id === id)!;

  /** after runs kubectl lines on a fresh cluster, letting it settle after each one. */
  function after(lessonId: string, lines: (string | { fails: string })[]) {
    const lesson = lessonById(lessonId);
    const cluster = createCluster({ preset: lesson.preset, seed: 1 });
    for (const entry of lines) {
      const { line, stdin } = parseSolutionLine(typeof entry === 'string' ? entry : entry.fails);
      const result = runKubectl(cluster, line, { stdin });
      expect(result.exitCode !== 0, `${line}: ${result.stderr}`).toBe(typeof entry !== 'string');
      expect(cluster.runUntilIdle(), line).toBe(true);
    }
    const view = viewCluster(cluster);
    return (stepId: string) => lesson.steps.find((step) => step.id === stepId)!.goal(view);
  }

  it('lists the lessons in course order', () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual([
      'first-pod',
      'cluster-tour',
      'services-nodeport',
      'self-healing',
      'scaling',
      'declarative',
      'loadbalancer-metallb',
      'namespaces',
      'labels-selectors',
      'scheduler',
      'taints-affinity',
      'rolling-update',
      'configmap-secret',
      'volumes',
      'statefulset',
      'daemonset',
      'jobs',
      'probes',
      'resources-qos',
      'hpa',
      'node-maintenance',
      'ingress',
      'rbac',
      'troubleshooting',
    ]);
  });

  /** solutionOf is the solution of one step, to build near misses from. */
  const solutionOf = (lessonId: string, stepId: string) =>
    lessonById(lessonId).steps.find((step) => step.id === stepId)!.solution;

  it('declarative: create is not apply; a file of 2 is not a file of 4', () => {
    const created = after('declarative', [
      'kubectl create deployment web --image=nginx:1.27 --replicas=2',
    ]);
    expect(created('apply-file'), 'no last-applied annotation').toBe(false);
    const scaled = after('declarative', [
      ...solutionOf('declarative', 'apply-file'),
      'kubectl scale deployment web --replicas=4',
    ]);
    expect(scaled('change-file'), 'scaled by hand, the file still says 2').toBe(false);
  });

  it('metallb: NodePort is not pending; no speaker on the control plane; an address off the pool', () => {
    const deployment = solutionOf('loadbalancer-metallb', 'deployment');
    const [install] = solutionOf('loadbalancer-metallb', 'install-metallb');
    const [pool] = solutionOf('loadbalancer-metallb', 'address-pool');
    const nodePort = after('loadbalancer-metallb', [
      ...deployment,
      'kubectl expose deployment chk-hn --type=NodePort --port=80',
      'kubectl get services',
    ]);
    expect(nodePort('expose-pending'), 'a NodePort Service').toBe(false);
    const lb = [...deployment, ...solutionOf('loadbalancer-metallb', 'expose-pending')];
    const untolerated = after('loadbalancer-metallb', [
      ...lb,
      install!.replace(/ {6}tolerations:\n(.*\n){3}/, ''),
    ]);
    expect(untolerated('expose-pending')).toBe(true);
    expect(untolerated('install-metallb'), 'no speaker on m-k8s').toBe(false);
    const elsewhere = after('loadbalancer-metallb', [
      ...lb,
      install!,
      'kubectl describe service chk-hn',
      pool!.replace('192.168.1.11-192.168.1.19', '10.0.0.1-10.0.0.9'),
    ]);
    expect(elsewhere('install-metallb'), 'pending until the pool').toBe(false);
    expect(elsewhere('address-pool'), 'an address off the nodes’ network').toBe(false);
    const early = after('loadbalancer-metallb', [
      ...lb,
      install!,
      'kubectl describe service chk-hn',
      pool!,
    ]);
    expect(early('address-pool')).toBe(true);
    expect(early('who-announces'), 'described before the address').toBe(false);
  });

  it('namespaces: default is not team-a; a read before the pods, or of default, does not count', () => {
    expect(
      after('namespaces', ['kubectl get pods', 'kubectl get pods -A'])('kube-system'),
      'the default namespace, and every namespace at once',
    ).toBe(false);
    const early = after('namespaces', [
      'kubectl get serviceaccounts',
      'kubectl create namespace team-a',
      'kubectl get serviceaccounts',
    ]);
    expect(early('create-namespace')).toBe(true);
    expect(early('look-inside'), 'read the default namespace, not team-a').toBe(false);
    const inDefault = after('namespaces', [
      'kubectl create namespace team-a',
      'kubectl create deployment web --image=nginx --replicas=2',
      'kubectl get pods',
    ]);
    expect(inDefault('deploy-in-namespace'), 'web made in default').toBe(false);
    expect(inDefault('same-name'), 'web only in default, two pods').toBe(false);
    const teamOnly = after('namespaces', [
      'kubectl create namespace team-a',
      'kubectl get pods -n team-a',
      'kubectl create deployment web --image=nginx --replicas=2 -n team-a',
      'kubectl get pods',
    ]);
    expect(teamOnly('deploy-in-namespace')).toBe(true);
    expect(teamOnly('read-namespace-pods'), 'listed team-a before its pods, then default').toBe(
      false,
    );
    expect(teamOnly('same-name'), 'nothing in default yet').toBe(false);
    const team = [
      'kubectl create namespace team-a',
      'kubectl create deployment web --image=nginx --replicas=2 -n team-a',
    ];
    expect(
      after('namespaces', [
        ...team,
        'kubectl create quota team-a-quota --hard=pods=2',
        'kubectl scale deployment web --replicas=3 -n team-a',
      ])('quota'),
      'the quota went to default',
    ).toBe(false);
    expect(
      after('namespaces', [
        ...team,
        'kubectl create quota team-a-quota --hard=pods=3 -n team-a',
        'kubectl scale deployment web --replicas=3 -n team-a',
      ])('quota'),
      'room for the third pod',
    ).toBe(false);
  });

  it('labels: a pod with another label is not selected; a deleted pod is not a relabelled one', () => {
    const base = solutionOf('labels-selectors', 'deployment-and-service');
    expect(
      after('labels-selectors', [...base, 'kubectl run solo --image=nginx'])('stray-pod'),
    ).toBe(false);
    const gone = after('labels-selectors', [
      ...base,
      'kubectl run solo --image=nginx --labels=app=web',
      'kubectl delete pod solo',
    ]);
    expect(gone('relabel'), 'solo deleted, not relabelled').toBe(false);
  });

  it('scheduler: a pod that fits is not unschedulable; a read before the failure does not count', () => {
    const fits = after('scheduler', [
      solutionOf('scheduler', 'too-greedy')[0]!.replace('cpu: "3"', 'cpu: "1"'),
    ]);
    expect(fits('too-greedy'), 'one CPU fits a worker').toBe(false);
    const both = after('scheduler', [
      ...solutionOf('scheduler', 'too-greedy'),
      solutionOf('scheduler', 'fits')[1]!,
    ]);
    expect(both('fits'), 'greedy still there').toBe(false);
  });

  it('taints: PreferNoSchedule is not NoSchedule; a toleration alone does not pin the pod', () => {
    expect(
      after('taints-affinity', ['kubectl taint nodes w3-k8s gpu=true:PreferNoSchedule'])(
        'taint-node',
      ),
    ).toBe(false);
    const wrongNode = after('taints-affinity', [
      ...solutionOf('taints-affinity', 'taint-node'),
      solutionOf('taints-affinity', 'tolerate-and-attract')[0]!.replace('- w3-k8s', '- w1-k8s'),
    ]);
    expect(wrongNode('tolerate-and-attract'), 'affinity for w1-k8s').toBe(false);
  });

  it('rolling update: a good image is not a broken rollout; the old version is not the rollback', () => {
    const base = [
      ...solutionOf('rolling-update', 'version-one'),
      ...solutionOf('rolling-update', 'roll-out'),
    ];
    const good = after('rolling-update', [
      ...base,
      'kubectl set image deployment/web nginx=nginx:1.25',
    ]);
    expect(good('bad-version')).toBe(false);
    const older = after('rolling-update', [
      ...base,
      'kubectl set image deployment/web nginx=nginx:9.99',
      'kubectl set image deployment/web nginx=nginx:1.26',
    ]);
    expect(older('roll-back'), 'rolled forward to 1.26, not back to 1.27').toBe(false);
  });

  it('configmap and secret: no Secret reference, a wrong key or a recreated pod are near misses', () => {
    const [config] = solutionOf('configmap-secret', 'configmap');
    const [pod] = solutionOf('configmap-secret', 'pod-waits');
    const noSecret = after('configmap-secret', [
      config!,
      pod!.replace(/valueFrom:\n.*\n.*\n.*key: password/, 'value: s3cr3t'),
    ]);
    expect(noSecret('pod-waits'), 'the pod asks for no Secret').toBe(false);
    const wrongKey = after('configmap-secret', [
      config!,
      pod!,
      'kubectl get secrets',
      'kubectl create secret generic db-pass --from-literal=pass=s3cr3t',
    ]);
    expect(wrongKey('pod-waits'), 'still waiting for the key password').toBe(true);
    expect(wrongKey('secret'), 'the key is pass, not password').toBe(false);
    expect(wrongKey('read-secret'), 'listed before the Secret existed').toBe(false);
    const secretFirst = [
      config!,
      'kubectl create secret generic db-pass --from-literal=password=s3cr3t',
      pod!,
    ];
    const early = after('configmap-secret', [
      ...secretFirst,
      'kubectl delete pod app',
      pod!,
      solutionOf('configmap-secret', 'change-config')[0]!,
    ]);
    expect(early('secret')).toBe(true);
    expect(early('change-config'), 'recreated before the change, then kept').toBe(true);
    expect(early('recreate'), 'deleted before the change').toBe(false);
    const late = after('configmap-secret', [
      ...secretFirst,
      solutionOf('configmap-secret', 'change-config')[0]!,
      'kubectl delete pod app',
      pod!,
    ]);
    expect(late('change-config'), 'a new pod, not the one that saw the change').toBe(false);
    expect(late('recreate')).toBe(true);
  });

  it('volumes: hostPath is not NFS; too big a claim waits; no class is not a provisioner', () => {
    const [pv] = solutionOf('volumes', 'persistent-volume');
    const [claim] = solutionOf('volumes', 'claim');
    const hostPath = after('volumes', [
      pv!.replace(/nfs:\n.*\n.*path: \/nfs_shared/, 'hostPath:\n    path: /data'),
    ]);
    expect(hostPath('persistent-volume'), 'a hostPath volume').toBe(false);
    const tooBig = after('volumes', [pv!, claim!.replace('500Mi', '2Gi')]);
    expect(tooBig('persistent-volume')).toBe(true);
    expect(tooBig('claim'), 'no volume holds 2Gi').toBe(false);
    const [dynamic] = solutionOf('volumes', 'storage-class');
    const classless = after('volumes', [
      pv!,
      claim!,
      dynamic!.replace('storageClassName: nfs-client', 'storageClassName: ""'),
    ]);
    expect(classless('claim')).toBe(true);
    expect(classless('mount'), 'no pod yet').toBe(false);
    expect(classless('storage-class'), 'a claim of no class').toBe(false);
  });

  it('statefulset: two replicas are not one; a Deployment is not a StatefulSet', () => {
    const sts = solutionOf('statefulset', 'in-order');
    expect(
      after('statefulset', [...sts, 'kubectl scale statefulset db --replicas=2'])('scale-in'),
    ).toBe(false);
    expect(
      after('statefulset', ['kubectl create deployment db --image=redis:7.4 --replicas=3'])(
        'in-order',
      ),
    ).toBe(false);
  });

  it('daemonset: without the toleration the control plane gets no agent', () => {
    const ds = solutionOf('daemonset', 'agent-on-workers');
    const workersOnly = after('daemonset', ds);
    expect(workersOnly('agent-on-workers')).toBe(true);
    expect(workersOnly('agent-everywhere')).toBe(false);
  });

  it('jobs: a failing countdown is not complete; a Job that succeeds has not given up', () => {
    const fails = after('jobs', [
      solutionOf('jobs', 'job-completes')[0]!.replace(/"sh", "-c", ".*"/, '"sh", "-c", "exit 1"'),
    ]);
    expect(fails('job-completes')).toBe(false);
    const succeeds = after('jobs', [
      solutionOf('jobs', 'job-gives-up')[0]!.replace('exit 1', 'exit 0'),
    ]);
    expect(succeeds('job-gives-up')).toBe(false);
  });

  it('probes: a passing probe is not a failing one; a readiness probe restarts nothing', () => {
    const fixed = after('probes', [
      solutionOf('probes', 'ready')[0]!,
      'kubectl expose deployment web --port=80',
    ]);
    expect(fixed('not-ready')).toBe(false);
    const readinessOnly = after('probes', [
      solutionOf('probes', 'liveness-restarts')[0]!.replace('livenessProbe', 'readinessProbe'),
    ]);
    expect(readinessOnly('liveness-restarts')).toBe(false);
  });

  it('resources: enough memory is not OOMKilled; the old pod left in place is not the fix', () => {
    const roomy = after('resources-qos', [solutionOf('resources-qos', 'enough-memory')[1]!]);
    expect(roomy('oom-killed')).toBe(false);
    const oom = after('resources-qos', solutionOf('resources-qos', 'oom-killed'));
    expect(oom('oom-killed')).toBe(true);
    expect(oom('enough-memory'), 'still the 100Mi pod').toBe(false);
  });

  it('hpa: no autoscaler is not autoscaling; light load does not scale out', () => {
    const [deployment, autoscale] = solutionOf('hpa', 'autoscale');
    expect(after('hpa', [deployment!])('autoscale')).toBe(false);
    const lesson = lessonById('hpa');
    const cluster = createCluster({ preset: lesson.preset, seed: 1 });
    for (const entry of [deployment!, autoscale!]) {
      const { line, stdin } = parseSolutionLine(entry);
      expect(runKubectl(cluster, line, { stdin }).exitCode).toBe(0);
    }
    cluster.setLoad('default', 'web', 40);
    cluster.runFor(3 * 60_000);
    const view = viewCluster(cluster);
    expect(lesson.steps[0]!.goal(view)).toBe(true);
    expect(lesson.steps[1]!.goal(view), '40% is under the 50% target').toBe(false);
  });

  it('node maintenance: draining another node is not draining w1-k8s', () => {
    const wrong = after('node-maintenance', [
      ...solutionOf('node-maintenance', 'three-replicas'),
      ...solutionOf('node-maintenance', 'cordon'),
      'kubectl drain w2-k8s --ignore-daemonsets',
    ]);
    expect(wrong('cordon')).toBe(true);
    expect(wrong('drain'), 'w1-k8s was never drained').toBe(false);
  });

  it('troubleshooting: a good image does not back off; a Pending pod is not fixed', () => {
    expect(after('troubleshooting', ['kubectl run typo --image=nginx:1.27'])('bad-image')).toBe(
      false,
    );
    const unread = after('troubleshooting', ['kubectl run typo --image=nginx:1.27.99']);
    expect(unread('bad-image')).toBe(true);
    expect(unread('read-pull-error'), 'the events were not read').toBe(false);
    const pending = after('troubleshooting', [solutionOf('troubleshooting', 'pending')[0]!]);
    expect(pending('pending')).toBe(true);
    expect(pending('read-scheduling'), 'the events were not read').toBe(false);
    expect(pending('fix-pending')).toBe(false);
    const labelled = after('troubleshooting', [
      solutionOf('troubleshooting', 'pending')[0]!,
      'kubectl label node w2-k8s disktype=hdd',
    ]);
    expect(labelled('fix-pending'), 'disktype=hdd').toBe(false);
  });

  it('ingress: no address without a controller; a Service call is not L7; no Host is no route', () => {
    const apps = solutionOf('ingress', 'two-apps');
    const [rule] = solutionOf('ingress', 'create-ingress');
    const noController = after('ingress', [...apps, rule!]);
    expect(noController('create-ingress'), 'nobody published an address').toBe(false);
    const installed = [
      ...apps,
      ...solutionOf('ingress', 'install-controller'),
      rule!,
      ...solutionOf('ingress', 'client-pod'),
    ];
    const direct = after('ingress', [
      ...installed,
      'kubectl exec client -- curl -s chk-hn',
      'kubectl exec client -- curl -s web',
      'kubectl exec client -- curl -s ingress-nginx-controller.ingress-nginx',
    ]);
    expect(direct('create-ingress')).toBe(true);
    expect(direct('route-by-host'), 'through kube-proxy, or with no matching host').toBe(false);
    expect(direct('unknown-host'), 'a 404 for a host the rules do not name').toBe(true);
    const hnOnly = after('ingress', [...installed, solutionOf('ingress', 'route-by-host')[0]!]);
    expect(hnOnly('route-by-host'), 'only chk-hn was reached').toBe(false);
    expect(hnOnly('unknown-host'), 'every request was routed').toBe(false);
  });

  it('rbac: a write is not read-only; another subject, or every namespace, is not dev in default', () => {
    const sa = 'kubectl create serviceaccount dev';
    expect(after('rbac', ['kubectl auth can-i list pods'])('whoami'), 'can-i is not whoami').toBe(
      false,
    );
    const greedy = after('rbac', [
      sa,
      'kubectl create role pod-reader --verb=get,list,delete --resource=pods',
      'kubectl create rolebinding dev-reads-pods --role=pod-reader --serviceaccount=default:dev',
    ]);
    expect(greedy('role'), 'pod-reader may delete').toBe(false);
    expect(greedy('bind'), 'pod-reader may delete').toBe(false);
    const otherResource = after('rbac', [
      'kubectl create role pod-reader --verb=get,list --resource=pods,secrets',
    ]);
    expect(otherResource('role'), 'pod-reader reads secrets').toBe(false);
    const wrongSubject = after('rbac', [
      sa,
      ...solutionOf('rbac', 'role'),
      'kubectl create rolebinding dev-reads-pods --role=pod-reader --serviceaccount=default:default',
    ]);
    expect(wrongSubject('role')).toBe(true);
    expect(wrongSubject('bind'), 'bound to default:default').toBe(false);
    const everywhere = after('rbac', [
      sa,
      'kubectl create clusterrolebinding dev-view --clusterrole=view --serviceaccount=default:dev',
    ]);
    expect(everywhere('cluster-role'), 'a ClusterRoleBinding').toBe(false);
    const both = after('rbac', [
      sa,
      ...solutionOf('rbac', 'cluster-role'),
      'kubectl create clusterrolebinding dev-view --clusterrole=view --serviceaccount=default:dev',
    ]);
    expect(both('cluster-role'), 'a ClusterRoleBinding beside the RoleBinding').toBe(false);
  });

  it('cluster tour: a worker is not the tainted node, three pods are not two', () => {
    const goal = after('cluster-tour', [
      'kubectl get pods',
      'kubectl get node w1-k8s -o yaml',
      'kubectl create deployment deploy-nginx --image=nginx --replicas=2',
    ]);
    expect(goal('get-nodes'), 'listing pods is not listing nodes').toBe(false);
    expect(goal('look-at-worker')).toBe(true);
    expect(goal('control-plane-taint'), 'w1-k8s has no control-plane taint').toBe(false);
    expect(goal('everyone-at-work'), 'two replicas').toBe(false);
    expect(after('cluster-tour', ['kubectl get node m-k8s'])('look-at-worker')).toBe(false);
  });

  it('services: ClusterIP or a wrong port is not the NodePort; reads must follow the Service', () => {
    const base = [
      'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn',
      'kubectl scale deployment chk-hn --replicas=3',
    ];
    expect(after('services-nodeport', [])('create-deployment')).toBe(false);
    expect(
      after('services-nodeport', [...base, 'kubectl expose deployment chk-hn --port=80'])(
        'expose-nodeport',
      ),
      'ClusterIP',
    ).toBe(false);
    expect(
      after('services-nodeport', [
        ...base,
        'kubectl expose deployment chk-hn --type=NodePort --port=8080',
      ])('expose-nodeport'),
      'port 8080',
    ).toBe(false);
    const early = after('services-nodeport', [
      ...base,
      'kubectl get services',
      'kubectl get endpoints',
      'kubectl expose deployment chk-hn --type=NodePort --port=80',
    ]);
    expect(early('expose-nodeport')).toBe(true);
    expect(early('read-node-port'), 'listed before the Service existed').toBe(false);
    expect(early('read-endpoints'), 'listed before the Service existed').toBe(false);
    const two = after('services-nodeport', [
      'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=2',
      'kubectl expose deployment chk-hn --type=NodePort --port=80',
      'kubectl get endpoints chk-hn',
    ]);
    expect(two('scale-to-three')).toBe(false);
    expect(two('read-endpoints'), 'two endpoints, not three').toBe(false);
  });

  it('services: a pod IP is not the Service; one answer is not two pods', () => {
    const base = [
      'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3',
      'kubectl expose deployment chk-hn --type=NodePort --port=80',
      'kubectl run client --image=nginx',
    ];
    const lesson = lessonById('services-nodeport');
    const cluster = createCluster({ preset: lesson.preset, seed: 1 });
    for (const line of base) {
      expect(runKubectl(cluster, line).exitCode, line).toBe(0);
      cluster.runUntilIdle();
    }
    const view = viewCluster(cluster);
    const goal = (id: string) => lesson.steps.find((step) => step.id === id)!.goal(view);
    expect(goal('client-pod')).toBe(true);
    for (const pod of view.pods().filter((p) => p.metadata.labels?.['app'] === 'chk-hn')) {
      const direct = `kubectl exec client -- curl -s ${pod.status.podIP}`;
      expect(runKubectl(cluster, direct).stdout, direct).toBe(`${pod.metadata.name}\n`);
    }
    cluster.runUntilIdle();
    expect(goal('curl-from-pod'), 'every pod reached by its own IP').toBe(false);
    const once = runKubectl(cluster, 'kubectl exec client -- curl -s chk-hn');
    expect(once.stdout).toMatch(/^chk-hn-/);
    cluster.runUntilIdle();
    expect(goal('curl-from-pod'), 'one request through the Service').toBe(false);
  });

  it('self-healing: a managed pod is not bare; deleting the Deployment is not self-healing', () => {
    expect(
      after('self-healing', ['kubectl create deployment nginx --image=nginx'])('bare-pod'),
    ).toBe(false);
    const gone = after('self-healing', [
      'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3',
      'kubectl get replicasets',
      'kubectl delete deployment chk-hn',
    ]);
    expect(gone('delete-managed-pod')).toBe(false);
    expect(gone('read-replicaset')).toBe(false);
    const typo = after('self-healing', [
      { fails: 'kubectl delete pod chk-hn-typo' },
      'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3',
    ]);
    expect(typo('create-deployment')).toBe(true);
    expect(typo('delete-managed-pod'), 'deleting a pod that never existed').toBe(false);
    const healed = after('self-healing', [
      'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=3',
      'kubectl get replicasets',
      'kubectl delete pod -l app=chk-hn',
    ]);
    expect(healed('delete-managed-pod')).toBe(true);
    expect(healed('read-replicaset'), 'read before the replacement').toBe(false);
  });

  it('scaling: four is not five, three is not two, and reads must follow the placement', () => {
    const create = 'kubectl create deployment chk-hn --image=sysnet4admin/chk-hn --replicas=2';
    const four = after('scaling', [create, 'kubectl scale deployment chk-hn --replicas=4']);
    expect(four('two-replicas')).toBe(false);
    expect(four('scale-out'), 'four replicas').toBe(false);
    const early = after('scaling', [
      create,
      'kubectl get pods -o wide',
      'kubectl scale deployment chk-hn --replicas=5',
    ]);
    expect(early('scale-out')).toBe(true);
    expect(early('see-spread'), 'listed before the new pods were placed').toBe(false);
    const three = after('scaling', [
      create,
      'kubectl scale deployment chk-hn --replicas=5',
      'kubectl scale deployment chk-hn --replicas=3',
    ]);
    expect(three('scale-in'), 'three replicas').toBe(false);
    // Scaled from five to two, only the Deployment's own pods remain, all on workers.
    const done = after('scaling', [
      create,
      'kubectl scale deployment chk-hn --replicas=5',
      'kubectl scale deployment chk-hn --replicas=2',
    ]);
    expect(done('scale-in')).toBe(true);
  });
});
