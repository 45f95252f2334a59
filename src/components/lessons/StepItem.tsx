import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  parseSolutionLine,
  type LessonFault,
  type LessonStep,
  type Localized,
} from '../../lessons';
import { useKubeloop } from '../../state/store';
import GoalView from './GoalView';
import PredictQuestion from './PredictQuestion';
import { withCode } from './with-code';

interface StepItemProps {
  step: LessonStep;
  lang: keyof Localized;
  isDone: boolean;
  isCurrent: boolean;
  /** the learner's answer to the step's prediction, if any */
  choice: string | undefined;
  onPredict: (choiceId: string) => void;
}

/** StepItem is one step: its text, the prediction, the goal view, hints and the solution. */
export default function StepItem({
  step,
  lang,
  isDone,
  isCurrent,
  choice,
  onPredict,
}: StepItemProps) {
  const { t } = useTranslation('lessons');
  const [hintsShown, setHintsShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const className = ['kl-step', isDone ? 'kl-step--done' : '', isCurrent ? 'kl-step--current' : '']
    .join(' ')
    .trim();

  return (
    <li className={className} aria-current={isCurrent ? 'step' : undefined}>
      <p className="kl-step__text">{withCode(step.text[lang])}</p>
      {step.predict && (isCurrent || isDone) ? (
        <PredictQuestion
          stepId={step.id}
          prediction={step.predict}
          lang={lang}
          choice={choice}
          revealed={isDone}
          onChoose={onPredict}
        />
      ) : null}
      {isDone ? (
        <p className="kl-step__done">
          <span aria-hidden="true">✓ </span>
          {t('done')}
        </p>
      ) : null}
      {isCurrent ? (
        <div className="kl-step__help">
          {step.want ? <GoalView want={step.want[lang]} /> : null}
          {step.faults ? <FaultButtons step={step} /> : null}
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
          {solutionShown ? <Solution step={step} /> : null}
        </div>
      ) : null}
    </li>
  );
}

/** faultLabel names a fault button: "Power off w2-k8s", "Load web at 250% of its CPU requests". */
function faultLabel(t: TFunction<'lessons'>, fault: LessonFault): string {
  if (fault.kind !== 'setLoad') return t(`fault.${fault.kind}`, { node: fault.node });
  return fault.percent === 0
    ? t('fault.stopLoad', { deployment: fault.deployment })
    : t('fault.setLoad', { deployment: fault.deployment, percent: fault.percent });
}

/**
 * Solution shows the commands to type and, for a `kubectl apply -f -` heredoc, the manifest to
 * paste into the Manifest editor (the terminal takes one line at a time).
 */
function Solution({ step }: { step: LessonStep }) {
  const { t } = useTranslation('lessons');
  const faults = (step.faults ?? []).map((fault) => faultLabel(t, fault));
  if (step.solution.length === 0 && faults.length === 0) {
    return <p className="kl-step__solution">{t('noCommand')}</p>;
  }
  return (
    <div className="kl-step__solution-list">
      {step.solution.map((entry, i) => {
        const { line, stdin } = parseSolutionLine(entry);
        return stdin === undefined ? (
          <pre key={i} className="kl-step__solution">
            {line}
          </pre>
        ) : (
          <ManifestSolution key={i} yaml={stdin} />
        );
      })}
      {faults.length > 0 ? <p className="kl-step__solution">{faults.join(', ')}</p> : null}
    </div>
  );
}

function ManifestSolution({ yaml }: { yaml: string }) {
  const { t } = useTranslation('lessons');
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(yaml).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <figure className="kl-step__manifest">
      <figcaption>
        {t('manifestSolution')}{' '}
        <button type="button" onClick={copy}>
          {copied ? t('copied') : t('copyManifest')}
        </button>
      </figcaption>
      <pre className="kl-step__solution">{yaml}</pre>
    </figure>
  );
}

/** FaultButtons power nodes off and on: things done to the machines, not through kubectl. */
function FaultButtons({ step }: { step: LessonStep }) {
  const { t } = useTranslation('lessons');
  const perform = (fault: LessonFault) => {
    const store = useKubeloop.getState();
    switch (fault.kind) {
      case 'stopNode':
        return store.stopNode(fault.node);
      case 'startNode':
        return store.startNode(fault.node);
      case 'setLoad':
        return store.setLoad('default', fault.deployment, fault.percent);
    }
  };
  return (
    <div className="kl-step__buttons">
      {(step.faults ?? []).map((fault) => (
        <button
          key={faultLabel(t, fault)}
          type="button"
          className="kl-step__fault"
          onClick={() => perform(fault)}
        >
          {faultLabel(t, fault)}
        </button>
      ))}
    </div>
  );
}
