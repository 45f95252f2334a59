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

      for (const step of lesson.steps) {
        for (const entry of step.solution) {
          const { line, stdin } = parseSolutionLine(entry);
          const result = runKubectl(cluster, line, { stdin });
          expect(result.stderr, line).toBe('');
          expect(result.exitCode, line).toBe(0);
        }
        // Step the engine hop by hop until the goal holds: goals are checked after every change.
        const met = cluster.runWhile(() => !step.goal(view), 100_000);
        expect(met || step.goal(view), `goal of step ${step.id}`).toBe(true);
        // Earlier goals stay met.
        for (const earlier of lesson.steps.slice(0, lesson.steps.indexOf(step))) {
          expect(earlier.goal(view), `goal of earlier step ${earlier.id}`).toBe(true);
        }
      }
      expect(cluster.runUntilIdle()).toBe(true);
      for (const step of lesson.steps) expect(step.goal(view), step.id).toBe(true);
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
