import { clusterTour } from './cluster-tour';
import { configMapSecret } from './configmap-secret';
import { daemonSetLesson } from './daemonset';
import { declarative } from './declarative';
import { firstPod } from './first-pod';
import { hpa } from './hpa';
import { ingress } from './ingress';
import { jobs } from './jobs';
import { labelsSelectors } from './labels-selectors';
import { loadBalancerMetalLB } from './loadbalancer-metallb';
import { namespaces } from './namespaces';
import { nodeMaintenance } from './node-maintenance';
import { probes } from './probes';
import { rbac } from './rbac';
import { resourcesQos } from './resources-qos';
import { rollingUpdate } from './rolling-update';
import { scheduler } from './scheduler';
import { taintsAffinity } from './taints-affinity';
import { scaling } from './scaling';
import { selfHealing } from './self-healing';
import { servicesNodePort } from './services-nodeport';
import { statefulSet } from './statefulset';
import { troubleshooting } from './troubleshooting';
import type { Lesson } from './types';
import { volumes } from './volumes';

export type { Lesson, LessonFault, LessonStep, Localized, Prediction } from './types';
export { viewCluster, type ClusterView } from './cluster-view';
export { parseSolutionLine, type SolutionCommand } from './solution';

/** LESSONS is the course in the order learners take it. */
export const LESSONS: readonly Lesson[] = [
  firstPod,
  clusterTour,
  servicesNodePort,
  selfHealing,
  scaling,
  declarative,
  loadBalancerMetalLB,
  namespaces,
  labelsSelectors,
  scheduler,
  taintsAffinity,
  rollingUpdate,
  configMapSecret,
  volumes,
  statefulSet,
  daemonSetLesson,
  jobs,
  probes,
  resourcesQos,
  hpa,
  nodeMaintenance,
  ingress,
  rbac,
  troubleshooting,
];
