/** The engine's public surface: everything the app, kubectl, lessons and the CLI may use. */
export { Cluster, createCluster, CLUSTER_START, type ClusterOptions } from './cluster';
export type { Hop, HopChannel, HopObject, HopNote } from './hops';
export { componentOnNode, nodeOfComponent } from './hops';
export { explainHop } from './explain';
export type {
  ApiRequest,
  ApiResponse,
  ApiResult,
  FieldRequirement,
  WatchEventType,
} from './apiserver/apiserver';
export { API_SERVER, ETCD } from './apiserver/apiserver';
export { StatusError, formatCause, type Status, type FieldError } from './apiserver/errors';
export { inGoFieldOrder } from './apiserver/decoding';
export {
  RESOURCES,
  resourceInfo,
  resourceForKind,
  apiVersionOf,
  etcdKey,
  type ResourceInfo,
} from './apiserver/resources';
export { CONTROLLER_MANAGER } from './controllers/context';
export { SCHEDULER } from './scheduler/scheduler';
export { FILTER_PLUGIN_NAMES } from './scheduler/plugins';
export type {
  SchedulingDecision,
  FilterVerdict,
  NodeScore,
  PluginScore,
} from './scheduler/framework';
export { PRESETS, KUBERNETES_VERSION, type PresetName } from './presets';
export * from './api/types';
export * from './api/config-types';
export * from './api/storage-types';
export { adminUser, impersonatedUser, type UserInfo } from './auth/user';
export { matchesSelector, formatSelector, formatLabels, parseSelector } from './api/labels';
export { parseQuantity, milliCores, bytes, formatMilliCores, formatBytes } from './api/quantity';
export { isPodReady, podRequests, qosClass } from './api/pod';
export { toTimestamp, parseTimestamp } from './clock';
export type { HostOrigin } from './network/cluster-network';
export type { TrafficHop, TrafficOrigin, TrafficOutcome, TrafficResult } from './network/traffic';
export type { NatChain, NatRule } from './network/rules';
export { kubeProxyComponent } from './network/kube-proxy';
