import { useTranslation } from 'react-i18next';
import { LESSONS, type Localized } from '../../lessons';
import type { LessonProgress } from './progress';

interface LessonListProps {
  lang: keyof Localized;
  progress: LessonProgress;
  onChoose: (lessonId: string) => void;
  onSandbox: () => void;
}

/**
 * LessonList is the course at a glance: every lesson with its steps done out of its total, the
 * one the learner is on marked current, and the sandbox one click away.
 */
export default function LessonList({ lang, progress, onChoose, onSandbox }: LessonListProps) {
  const { t } = useTranslation('lessons');
  const finished = LESSONS.filter(
    (lesson) => (progress.completed[lesson.id]?.length ?? 0) >= lesson.steps.length,
  ).length;
  return (
    <nav aria-label={t('course')} className="kl-course">
      <details className="kl-course__list">
        <summary>{t('courseSummary', { done: finished, total: LESSONS.length })}</summary>
        <ol>
          {LESSONS.map((lesson) => {
            const done = progress.completed[lesson.id]?.length ?? 0;
            const isCurrent = !progress.sandbox && lesson.id === progress.lessonId;
            const complete = done >= lesson.steps.length;
            return (
              <li key={lesson.id}>
                <button
                  type="button"
                  aria-current={isCurrent ? 'page' : undefined}
                  className={complete ? 'kl-course__lesson--done' : undefined}
                  onClick={() => onChoose(lesson.id)}
                >
                  <span>{lesson.title[lang]}</span>
                  <span className="kl-course__count">
                    {complete ? <span aria-hidden="true">✓ </span> : null}
                    {t('lessonCount', { done, total: lesson.steps.length })}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </details>
      <button
        type="button"
        className="kl-course__sandbox"
        aria-pressed={progress.sandbox}
        onClick={onSandbox}
      >
        {t('sandbox')}
      </button>
    </nav>
  );
}
