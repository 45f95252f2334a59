import { firstPod } from './first-pod';
import type { Lesson } from './types';

export type { Lesson, LessonStep, Localized } from './types';
export { viewCluster, type ClusterView } from './cluster-view';
export { parseSolutionLine, type SolutionCommand } from './solution';

/** LESSONS is the course in the order learners take it. */
export const LESSONS: readonly Lesson[] = [firstPod];
