import { useTranslation } from 'react-i18next';
import type { Localized, Prediction } from '../../lessons';
import { withCode } from './with-code';

interface PredictQuestionProps {
  stepId: string;
  prediction: Prediction;
  lang: keyof Localized;
  choice: string | undefined;
  /** revealed: the goal was reached, so the answer and why can be shown */
  revealed: boolean;
  onChoose: (choiceId: string) => void;
}

/**
 * PredictQuestion asks the learner to commit to an outcome before acting. The step's goal counts
 * only once a choice is made; when it is reached, the panel says whether the guess was right.
 */
export default function PredictQuestion({
  stepId,
  prediction,
  lang,
  choice,
  revealed,
  onChoose,
}: PredictQuestionProps) {
  const { t } = useTranslation('lessons');
  const questionId = `kl-predict-${stepId}`;
  const correct = choice === prediction.answer;
  return (
    <div className="kl-predict">
      <p className="kl-predict__label">{t('predictFirst')}</p>
      <div role="radiogroup" aria-labelledby={questionId} className="kl-predict__choices">
        <p id={questionId} className="kl-predict__question">
          {withCode(prediction.question[lang])}
        </p>
        {prediction.choices.map((c) => (
          <label key={c.id} className="kl-predict__choice">
            <input
              type="radio"
              name={questionId}
              value={c.id}
              checked={choice === c.id}
              disabled={revealed}
              onChange={() => onChoose(c.id)}
            />
            {withCode(c.text[lang])}
          </label>
        ))}
      </div>
      {choice === undefined ? <p className="kl-predict__wait">{t('predictWait')}</p> : null}
      {revealed && choice !== undefined ? (
        <div
          role="status"
          className={correct ? 'kl-predict__feedback--right' : 'kl-predict__feedback--wrong'}
        >
          <p className="kl-predict__verdict">
            {correct
              ? t('predictRight')
              : t('predictWrong', {
                  answer: prediction.choices.find((c) => c.id === prediction.answer)!.text[lang],
                })}
          </p>
          <p>{withCode(prediction.explanation[lang])}</p>
        </div>
      ) : null}
    </div>
  );
}
