import type { FilterPlugin, ScorePlugin } from '../framework';
import { balancedAllocation } from './balanced-allocation';
import { nodeAffinity } from './node-affinity';
import { nodeName } from './node-name';
import { nodeResourcesFit } from './node-resources-fit';
import { nodeUnschedulable } from './node-unschedulable';
import { taintToleration } from './taint-toleration';

/** The default profile's filters, in the order kube-scheduler runs them (default_plugins.go). */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
];

/** The default profile's score plugins with their weights. */
export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintToleration,
  nodeAffinity,
  nodeResourcesFit,
  balancedAllocation,
];

/** FILTER_PLUGIN_NAMES lists the filters in run order, for views that tabulate decisions. */
export const FILTER_PLUGIN_NAMES: readonly string[] = FILTER_PLUGINS.map((p) => p.name);
