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
  /** the choice the learner made for each "predict first" question: lesson id → step id → choice id */
  predictions: Record<string, Record<string, string>>;
  /** sandbox: the learner left the lessons for a free cluster */
  sandbox: boolean;
}

export const defaultProgress = (lessonId: string): LessonProgress => ({
  lessonId,
  completed: {},
  predictions: {},
  sandbox: false,
});

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringRecord = (value: unknown): value is Record<string, string> =>
  isObject(value) && Object.values(value).every((item) => typeof item === 'string');

/** parsePredictions keeps a well-formed map; saves from before predictions existed have none. */
function parsePredictions(value: unknown): LessonProgress['predictions'] | undefined {
  if (value === undefined) return {};
  if (!isObject(value)) return undefined;
  const clean: LessonProgress['predictions'] = {};
  for (const [lessonId, choices] of Object.entries(value)) {
    if (!isStringRecord(choices)) return undefined;
    clean[lessonId] = choices;
  }
  return clean;
}

/** parseProgress validates a raw save; anything malformed yields the defaults. */
export function parseProgress(raw: string | null, fallbackLessonId: string): LessonProgress {
  if (raw === null) return defaultProgress(fallbackLessonId);
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return defaultProgress(fallbackLessonId);
    const { lessonId, completed, predictions, sandbox } = data as Record<string, unknown>;
    if (typeof lessonId !== 'string' || typeof completed !== 'object' || completed === null) {
      return defaultProgress(fallbackLessonId);
    }
    const clean: Record<string, string[]> = {};
    for (const [id, steps] of Object.entries(completed)) {
      if (!isStringArray(steps)) return defaultProgress(fallbackLessonId);
      clean[id] = steps;
    }
    const predicted = parsePredictions(predictions);
    if (predicted === undefined) return defaultProgress(fallbackLessonId);
    return { lessonId, completed: clean, predictions: predicted, sandbox: sandbox === true };
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
