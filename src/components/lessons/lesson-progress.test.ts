import { describe, expect, it } from 'vitest';
import type { ClusterView, Lesson } from '../../lessons';
import { advanceProgress, choosePrediction, resetLessonProgress } from './lesson-progress';
import { defaultProgress } from './progress';

const text = { en: 'x', ko: 'x' };
/** lessonWith builds a lesson whose step goals read flags from a fake view. */
function lessonWith(flags: Record<string, boolean>): Lesson {
  const step = (id: string) => ({
    id,
    text,
    hints: [text],
    solution: [],
    goal: () => flags[id] === true,
  });
  return {
    id: 'l',
    title: text,
    summary: text,
    preset: 'kubeadm',
    steps: [step('a'), step('b'), step('c')],
  };
}
const view = {} as ClusterView;

describe('advanceProgress', () => {
  it('marks goals in order and stops at the first unmet one', () => {
    const flags = { a: true, b: false, c: true };
    const got = advanceProgress(defaultProgress('l'), lessonWith(flags), view);
    expect(got.completed.l).toEqual(['a']);
  });

  it('marks several steps in one change (step to quiet)', () => {
    const got = advanceProgress(
      defaultProgress('l'),
      lessonWith({ a: true, b: true, c: true }),
      view,
    );
    expect(got.completed.l).toEqual(['a', 'b', 'c']);
  });

  it('keeps done steps done and returns the same object when nothing changed', () => {
    const lesson = lessonWith({ a: true });
    const once = advanceProgress(defaultProgress('l'), lesson, view);
    const flags = { a: false };
    const again = advanceProgress(once, lessonWith(flags), view);
    expect(again).toBe(once);
    expect(again.completed.l).toEqual(['a']);
  });

  it('treats a throwing goal as unmet', () => {
    const lesson = lessonWith({});
    lesson.steps[0]!.goal = () => {
      throw new TypeError('half-built object');
    };
    expect(advanceProgress(defaultProgress('l'), lesson, view).completed.l).toBeUndefined();
  });

  it('reset clears only that lesson, its steps and its predictions', () => {
    const progress = {
      lessonId: 'l',
      completed: { l: ['a'], other: ['z'] },
      predictions: { l: { a: 'x' }, other: { z: 'y' } },
      sandbox: false,
    };
    expect(resetLessonProgress(progress, 'l')).toEqual({
      lessonId: 'l',
      completed: { other: ['z'] },
      predictions: { other: { z: 'y' } },
      sandbox: false,
    });
  });
});

describe('predict first', () => {
  /** predicting: step b asks a question before its goal counts. */
  function predicting(flags: Record<string, boolean>): Lesson {
    const lesson = lessonWith(flags);
    lesson.steps[1]!.predict = {
      question: text,
      choices: [
        { id: 'yes', text },
        { id: 'no', text },
      ],
      answer: 'yes',
      explanation: text,
    };
    return lesson;
  }

  it('a met goal does not count until the learner has chosen', () => {
    const lesson = predicting({ a: true, b: true, c: true });
    const before = advanceProgress(defaultProgress('l'), lesson, view);
    expect(before.completed.l).toEqual(['a']);
    const chosen = choosePrediction(before, 'l', 'b', 'no');
    expect(advanceProgress(chosen, lesson, view).completed.l).toEqual(['a', 'b', 'c']);
  });

  it('a wrong guess still counts: the feedback says so, the goal does not hide it', () => {
    const lesson = predicting({ a: true, b: true });
    const chosen = choosePrediction(defaultProgress('l'), 'l', 'b', 'no');
    expect(advanceProgress(chosen, lesson, view).completed.l).toEqual(['a', 'b']);
  });

  it('the answer of a done step cannot be changed afterwards', () => {
    const lesson = predicting({ a: true, b: true });
    const done = advanceProgress(
      choosePrediction(defaultProgress('l'), 'l', 'b', 'no'),
      lesson,
      view,
    );
    expect(choosePrediction(done, 'l', 'b', 'yes')).toBe(done);
    expect(done.predictions.l).toEqual({ b: 'no' });
  });
});
