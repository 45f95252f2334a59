import type { FilterPlugin, ScorePlugin } from '../framework';
import { balancedAllocation } from './balanced-allocation';
import { imageLocality } from './image-locality';
import { interPodAffinity } from './inter-pod-affinity';
import { nodeAffinity } from './node-affinity';
import { nodeName } from './node-name';
import { nodePorts } from './node-ports';
import { nodeResourcesFit } from './node-resources-fit';
import { nodeUnschedulable } from './node-unschedulable';
import { podTopologySpread } from './pod-topology-spread';
import { taintToleration } from './taint-toleration';
import { volumeBinding } from './volume-binding';

/**
 * The default profile's filters, in the order kube-scheduler v1.32 runs them (getDefaultPlugins
 * in apis/config/v1/default_plugins.go; VolumeRestrictions, NodeVolumeLimits and VolumeZone
 * have nothing to check for the volumes modelled here).
 */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  volumeBinding,
  podTopologySpread,
  interPodAffinity,
];

/**
 * The default profile's score plugins, in the same order, with their weights (a plugin the
 * profile leaves unweighted scores with weight 1).
 */
export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
  volumeBinding,
  podTopologySpread,
  interPodAffinity,
  balancedAllocation,
  imageLocality,
];

/** FILTER_PLUGIN_NAMES lists the filters in run order, for views that tabulate decisions. */
export const FILTER_PLUGIN_NAMES: readonly string[] = FILTER_PLUGINS.map((p) => p.name);
