import type { ClusterView, Lesson } from '../../lessons';
import type { LessonProgress } from './progress';

/**
 * advanceProgress marks the steps whose goals now hold, in order: a step counts only once every
 * step before it is done, and a done step stays done (progress is sticky until the lesson is
 * reset). Returns `progress` itself when nothing changed, so React can skip the render.
 */
export function advanceProgress(
  progress: LessonProgress,
  lesson: Lesson,
  view: ClusterView,
): LessonProgress {
  const done = new Set(progress.completed[lesson.id] ?? []);
  let changed = false;
  for (const step of lesson.steps) {
    if (done.has(step.id)) continue;
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

export function resetLessonProgress(progress: LessonProgress, lessonId: string): LessonProgress {
  const completed = { ...progress.completed };
  delete completed[lessonId];
  return { lessonId, completed };
}
