import type { ClusterView } from './cluster-view';

export type { ClusterView } from './cluster-view';

/** Localized is one piece of learner-facing text in both languages the app ships. */
export interface Localized {
  ko: string;
  en: string;
}

/**
 * LessonStep is one goal the learner reaches by acting on the simulated cluster. `goal` is checked
 * after every engine change, so it must be a pure read of the view. `solution` holds kubectl
 * lines; a heredoc is written as "kubectl apply -f - <<EOF\n...\nEOF" and its body becomes stdin.
 */
export interface LessonStep {
  id: string;
  text: Localized;
  /** predict asks the learner to guess the outcome before acting; the panel may not show it yet */
  predict?: Prediction;
  goal: (view: ClusterView) => boolean;
  hints: Localized[];
  solution: string[];
}

/** Prediction is a multiple-choice "predict first" question; `answer` is the id of one choice. */
export interface Prediction {
  question: Localized;
  choices: { id: string; text: Localized }[];
  answer: string;
  /** why the answer is right, shown once the learner has chosen */
  explanation: Localized;
}

export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  preset: 'kubeadm' | 'minikube';
  steps: LessonStep[];
  /** outro is shown when every step is done: what the learner would type on a real cluster */
  outro?: Localized;
}
