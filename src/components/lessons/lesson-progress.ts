import type { ClusterView, Lesson } from '../../lessons';
import type { LessonProgress } from './progress';

/**
 * advanceProgress marks the steps whose goals now hold, in order: a step counts only once every
 * step before it is done and, when it asks the learner to predict first, once they have chosen
 * an answer. A done step stays done (progress is sticky until the lesson is reset). Returns
 * `progress` itself when nothing changed, so React can skip the render.
 */
export function advanceProgress(
  progress: LessonProgress,
  lesson: Lesson,
  view: ClusterView,
): LessonProgress {
  const done = new Set(progress.completed[lesson.id] ?? []);
  const predicted = progress.predictions[lesson.id] ?? {};
  let changed = false;
  for (const step of lesson.steps) {
    if (done.has(step.id)) continue;
    if (step.predict && predicted[step.id] === undefined) break;
    if (!safeGoal(step.goal, view)) break;
    done.add(step.id);
    changed = true;
  }
  if (!changed) return progress;
  const ordered = lesson.steps.filter((step) => done.has(step.id)).map((step) => step.id);
  return { ...progress, completed: { ...progress.completed, [lesson.id]: ordered } };
}

/** safeGoal: a goal that throws (a half-built object) is simply not met yet. */
function safeGoal(goal: (view: ClusterView) => boolean, view: ClusterView): boolean {
  try {
    return goal(view);
  } catch {
    return false;
  }
}

/** resetLessonProgress forgets one lesson's steps and predictions and returns to it. */
export function resetLessonProgress(progress: LessonProgress, lessonId: string): LessonProgress {
  const completed = { ...progress.completed };
  delete completed[lessonId];
  const predictions = { ...progress.predictions };
  delete predictions[lessonId];
  return { lessonId, completed, predictions, sandbox: false };
}

/** choosePrediction records the learner's answer; a step already done keeps its first answer. */
export function choosePrediction(
  progress: LessonProgress,
  lessonId: string,
  stepId: string,
  choiceId: string,
): LessonProgress {
  if ((progress.completed[lessonId] ?? []).includes(stepId)) return progress;
  const choices = { ...progress.predictions[lessonId], [stepId]: choiceId };
  return { ...progress, predictions: { ...progress.predictions, [lessonId]: choices } };
}
