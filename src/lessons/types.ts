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
  /** predict asks the learner to guess the outcome before acting; the goal counts only once they chose */
  predict?: Prediction;
  /** want describes the state the goal asks for ("3 pods Running on 3 nodes"), shown beside the current one */
  want?: Localized;
  goal: (view: ClusterView) => boolean;
  hints: Localized[];
  solution: string[];
  /** faults are what happens to the machines rather than through kubectl: a node powered off or on, traffic arriving */
  faults?: LessonFault[];
}

/** LessonFault is a button on the step; a replay performs it after the step's kubectl lines. */
export type LessonFault =
  | { kind: 'stopNode' | 'startNode'; node: string }
  /** setLoad makes each pod of a default-namespace Deployment use percent of its CPU requests */
  | { kind: 'setLoad'; deployment: string; percent: number };

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
