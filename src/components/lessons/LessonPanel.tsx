import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS, viewCluster, type Lesson, type Localized } from '../../lessons';
import { useKubeloop, type KubeloopState } from '../../state/store';
import './i18n';
import { advanceProgress, choosePrediction, resetLessonProgress } from './lesson-progress';
import LessonList from './LessonList';
import './lessons.css';
import { browserStorage, loadProgress, saveProgress, type LessonProgress } from './progress';
import StepItem from './StepItem';
import { withCode } from './with-code';

const selectReset = (s: KubeloopState) => s.reset;

const lessonById = (id: string): Lesson =>
  LESSONS.find((lesson) => lesson.id === id) ?? LESSONS[0]!;

function initialProgress(): LessonProgress {
  const saved = loadProgress(browserStorage(), LESSONS[0]!.id);
  const lesson = lessonById(saved.lessonId);
  const progress = saved.lessonId === lesson.id ? saved : { ...saved, lessonId: lesson.id };
  if (progress.sandbox) return progress;
  return advanceProgress(progress, lesson, viewCluster(useKubeloop.getState().cluster));
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
  const sandbox = progress.sandbox;

  // Re-check goals on every engine change (version bump or a fresh cluster after reset).
  useEffect(() => {
    if (sandbox) return undefined;
    const check = (state: KubeloopState) =>
      setProgress((p) => advanceProgress(p, lesson, viewCluster(state.cluster)));
    check(useKubeloop.getState());
    return useKubeloop.subscribe((state, previous) => {
      if (state.version !== previous.version || state.cluster !== previous.cluster) check(state);
    });
  }, [lesson, sandbox]);

  useEffect(() => saveProgress(browserStorage(), progress), [progress]);

  const done = new Set(progress.completed[lesson.id] ?? []);
  const predicted = progress.predictions[lesson.id] ?? {};
  const current = lesson.steps.find((step) => !done.has(step.id));
  const lessonIndex = LESSONS.indexOf(lesson);
  const nextLesson = LESSONS[lessonIndex + 1];

  const resetLesson = () => {
    reset({ preset: lesson.preset });
    setProgress((p) => resetLessonProgress(p, lesson.id));
  };

  const chooseLesson = (id: string) => {
    const next = lessonById(id);
    reset({ preset: next.preset });
    setProgress((p) => ({ ...p, lessonId: next.id, sandbox: false }));
  };

  const openSandbox = () => {
    reset({ preset: 'kubeadm' });
    setProgress((p) => ({ ...p, sandbox: true }));
  };

  const predict = (stepId: string, choiceId: string) =>
    setProgress((p) => {
      const chosen = choosePrediction(p, lesson.id, stepId, choiceId);
      // The goal may already hold (the learner acted first): count it now.
      return advanceProgress(chosen, lesson, viewCluster(useKubeloop.getState().cluster));
    });

  return (
    <section aria-label={t('region')} className="kl-lesson">
      <LessonList lang={lang} progress={progress} onChoose={chooseLesson} onSandbox={openSandbox} />

      {sandbox ? (
        <div className="kl-lesson__sandbox">
          <h2 className="kl-lesson__title">{t('sandboxTitle')}</h2>
          <p className="kl-lesson__summary">{t('sandboxText')}</p>
          <button type="button" onClick={() => chooseLesson(lesson.id)}>
            {t('backToLesson', { title: lesson.title[lang] })}
          </button>
        </div>
      ) : (
        <>
          <header className="kl-lesson__header">
            <h2 className="kl-lesson__title">{lesson.title[lang]}</h2>
            <p className="kl-lesson__summary">{withCode(lesson.summary[lang])}</p>
            <p className="kl-lesson__progress">
              {t('progress', { done: done.size, total: lesson.steps.length })}
            </p>
          </header>

          <ol className="kl-lesson__steps" aria-label={t('steps')}>
            {lesson.steps.map((step) => (
              <StepItem
                // Remount on reset so revealed hints and solutions close again.
                key={`${step.id}:${done.has(step.id)}`}
                step={step}
                lang={lang}
                isDone={done.has(step.id)}
                isCurrent={step === current}
                choice={predicted[step.id]}
                onPredict={(choiceId) => predict(step.id, choiceId)}
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
              {nextLesson ? (
                <button type="button" onClick={() => chooseLesson(nextLesson.id)}>
                  {t('nextLesson', { title: nextLesson.title[lang] })}
                </button>
              ) : (
                <p>{t('courseFinished')}</p>
              )}
            </div>
          ) : null}

          <button type="button" className="kl-lesson__reset" onClick={resetLesson}>
            {t('reset')}
          </button>
        </>
      )}
    </section>
  );
}
