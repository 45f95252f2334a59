/**
 * Lesson progress in localStorage ('kubeloop.lessons.v1'). A save that is not valid JSON or not
 * the expected shape is discarded and replaced by defaults: a bad save must never blank the page.
 */
export const PROGRESS_KEY = 'kubeloop.lessons.v1';

export interface LessonProgress {
  /** the lesson the learner is on */
  lessonId: string;
  /** step ids met so far, per lesson id */
  completed: Record<string, string[]>;
}

export const defaultProgress = (lessonId: string): LessonProgress => ({ lessonId, completed: {} });

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** parseProgress validates a raw save; anything malformed yields the defaults. */
export function parseProgress(raw: string | null, fallbackLessonId: string): LessonProgress {
  if (raw === null) return defaultProgress(fallbackLessonId);
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return defaultProgress(fallbackLessonId);
    const { lessonId, completed } = data as Record<string, unknown>;
    if (typeof lessonId !== 'string' || typeof completed !== 'object' || completed === null) {
      return defaultProgress(fallbackLessonId);
    }
    const clean: Record<string, string[]> = {};
    for (const [id, steps] of Object.entries(completed)) {
      if (!isStringArray(steps)) return defaultProgress(fallbackLessonId);
      clean[id] = steps;
    }
    return { lessonId, completed: clean };
  } catch {
    return defaultProgress(fallbackLessonId);
  }
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** loadProgress reads the save; a corrupted one is removed so the next load starts clean. */
export function loadProgress(
  storage: Storage | undefined,
  fallbackLessonId: string,
): LessonProgress {
  let raw: string | null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return defaultProgress(fallbackLessonId);
  }
  const progress = parseProgress(raw, fallbackLessonId);
  if (raw !== null && JSON.stringify(progress) !== raw) {
    try {
      storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
    } catch {
      // storage full or blocked: progress lives in memory only
    }
  }
  return progress;
}

export function saveProgress(storage: Storage | undefined, progress: LessonProgress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // storage full or blocked: progress lives in memory only
  }
}

/** browserStorage is localStorage when the page may use it. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
