import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS, viewCluster, type Lesson, type LessonStep, type Localized } from '../../lessons';
import { useKubeloop, type KubeloopState } from '../../state/store';
import './i18n';
import { advanceProgress, resetLessonProgress } from './lesson-progress';
import './lessons.css';
import { browserStorage, loadProgress, saveProgress, type LessonProgress } from './progress';

const selectReset = (s: KubeloopState) => s.reset;

const lessonById = (id: string): Lesson =>
  LESSONS.find((lesson) => lesson.id === id) ?? LESSONS[0]!;

function initialProgress(): LessonProgress {
  const saved = loadProgress(browserStorage(), LESSONS[0]!.id);
  const lesson = lessonById(saved.lessonId);
  const progress = saved.lessonId === lesson.id ? saved : { ...saved, lessonId: lesson.id };
  return advanceProgress(progress, lesson, viewCluster(useKubeloop.getState().cluster));
}

/** withCode renders `backticked` spans of lesson text as code. */
function withCode(text: string): ReactNode {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
    );
}

/**
 * LessonPanel walks the learner through a lesson. Goals are checked live whenever the engine's
 * state changes (the store's version), so there is no "check" button; progress is saved.
 */
export default function LessonPanel() {
  const { t, i18n } = useTranslation('lessons');
  const lang: keyof Localized = i18n.language === 'ko' ? 'ko' : 'en';
  const reset = useKubeloop(selectReset);
  const [progress, setProgress] = useState(initialProgress);
  const lesson = lessonById(progress.lessonId);

  // Re-check goals on every engine change (version bump or a fresh cluster after reset).
  useEffect(() => {
    const check = (state: KubeloopState) =>
      setProgress((p) => advanceProgress(p, lesson, viewCluster(state.cluster)));
    check(useKubeloop.getState());
    return useKubeloop.subscribe((state, previous) => {
      if (state.version !== previous.version || state.cluster !== previous.cluster) check(state);
    });
  }, [lesson]);

  useEffect(() => saveProgress(browserStorage(), progress), [progress]);

  const done = new Set(progress.completed[lesson.id] ?? []);
  const current = lesson.steps.find((step) => !done.has(step.id));

  const resetLesson = () => {
    reset({ preset: lesson.preset });
    setProgress((p) => resetLessonProgress(p, lesson.id));
  };

  const chooseLesson = (id: string) => {
    const next = lessonById(id);
    reset({ preset: next.preset });
    setProgress((p) => ({ ...p, lessonId: next.id }));
  };

  return (
    <section aria-label={t('region')} className="kl-lesson">
      <header className="kl-lesson__header">
        {LESSONS.length > 1 ? (
          <select
            aria-label={t('lesson')}
            value={lesson.id}
            onChange={(e) => chooseLesson(e.target.value)}
          >
            {LESSONS.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title[lang]}
              </option>
            ))}
          </select>
        ) : null}
        <h2 className="kl-lesson__title">{lesson.title[lang]}</h2>
        <p className="kl-lesson__summary">{lesson.summary[lang]}</p>
        <p className="kl-lesson__progress">
          {t('progress', { done: done.size, total: lesson.steps.length })}
        </p>
      </header>

      <ol className="kl-lesson__steps">
        {lesson.steps.map((step) => (
          <StepItem
            // Remount on reset so revealed hints and solutions close again.
            key={`${step.id}:${done.has(step.id)}`}
            step={step}
            lang={lang}
            isDone={done.has(step.id)}
            isCurrent={step === current}
          />
        ))}
      </ol>

      {current === undefined ? (
        <div className="kl-lesson__outro">
          <p className="kl-lesson__finished">{t('finished')}</p>
          {lesson.outro ? (
            <>
              <h3>{t('realCluster')}</h3>
              <p>{withCode(lesson.outro[lang])}</p>
            </>
          ) : null}
        </div>
      ) : null}

      <button type="button" className="kl-lesson__reset" onClick={resetLesson}>
        {t('reset')}
      </button>
    </section>
  );
}

interface StepItemProps {
  step: LessonStep;
  lang: keyof Localized;
  isDone: boolean;
  isCurrent: boolean;
}

function StepItem({ step, lang, isDone, isCurrent }: StepItemProps) {
  const { t } = useTranslation('lessons');
  const [hintsShown, setHintsShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const className = ['kl-step', isDone ? 'kl-step--done' : '', isCurrent ? 'kl-step--current' : '']
    .join(' ')
    .trim();

  return (
    <li className={className} aria-current={isCurrent ? 'step' : undefined}>
      <p className="kl-step__text">{withCode(step.text[lang])}</p>
      {isDone ? (
        <p className="kl-step__done">
          <span aria-hidden="true">✓ </span>
          {t('done')}
        </p>
      ) : null}
      {isCurrent ? (
        <div className="kl-step__help">
          <div className="kl-step__buttons">
            <button
              type="button"
              onClick={() => setHintsShown((n) => n + 1)}
              disabled={hintsShown >= step.hints.length}
            >
              {hintsShown === 0 ? t('hint') : t('moreHint')}
            </button>
            <button
              type="button"
              onClick={() => setSolutionShown((shown) => !shown)}
              aria-expanded={solutionShown}
            >
              {solutionShown ? t('hideSolution') : t('showSolution')}
            </button>
          </div>
          {hintsShown > 0 ? (
            <ul className="kl-step__hints">
              {step.hints.slice(0, hintsShown).map((hint, i) => (
                <li key={i}>{withCode(hint[lang])}</li>
              ))}
            </ul>
          ) : null}
          {solutionShown ? (
            step.solution.length > 0 ? (
              <pre className="kl-step__solution">{step.solution.join('\n')}</pre>
            ) : (
              <p className="kl-step__solution">{t('noCommand')}</p>
            )
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
