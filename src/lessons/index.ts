import { clusterTour } from './cluster-tour';
import { firstPod } from './first-pod';
import { scaling } from './scaling';
import { selfHealing } from './self-healing';
import { servicesNodePort } from './services-nodeport';
import type { Lesson } from './types';

export type { Lesson, LessonStep, Localized, Prediction } from './types';
export { viewCluster, type ClusterView } from './cluster-view';
export { parseSolutionLine, type SolutionCommand } from './solution';

/** LESSONS is the course in the order learners take it. */
export const LESSONS: readonly Lesson[] = [
  firstPod,
  clusterTour,
  servicesNodePort,
  selfHealing,
  scaling,
];
