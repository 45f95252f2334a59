import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { runKubectl } from '../kubectl';
import { LESSONS, parseSolutionLine, viewCluster } from '.';

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
        for (const hint of step.hints) {
          expect(hint.ko.trim(), step.id).not.toBe('');
          expect(hint.en.trim(), step.id).not.toBe('');
        }
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
        // The learner reads the screen before typing: let the cluster settle first.
        if (step.solution.length > 0) cluster.runUntilIdle();
        for (const entry of step.solution) {
          const { line, stdin } = parseSolutionLine(entry);
          const result = runKubectl(cluster, line, { stdin });
          expect(result.stderr, line).toBe('');
          expect(result.exitCode, line).toBe(0);
        }
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
      const line = typeof entry === 'string' ? entry : entry.fails;
      const result = runKubectl(cluster, line);
      expect(result.exitCode !== 0, `${line}: ${result.stderr}`).toBe(typeof entry !== 'string');
      expect(cluster.runUntilIdle(), line).toBe(true);
    }
    const view = viewCluster(cluster);
    return (stepId: string) => lesson.steps.find((step) => step.id === stepId)!.goal(view);
  }

  it('lists the four lessons after "Your first Pod" in course order', () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual([
      'first-pod',
      'cluster-tour',
      'services-nodeport',
      'self-healing',
      'scaling',
    ]);
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
