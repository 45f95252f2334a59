import type { Command } from '../context';
import { apply } from './apply';
import { auth } from './auth';
import { autoscale } from './autoscale';
import { del } from './delete';
import { describe } from './describe';
import { edit } from './edit';
import { explain } from './explain';
import { expose } from './expose';
import { create, run } from './generate';
import { replace } from './create-file';
import { get } from './get';
import { annotate, label } from './metadata-map';
import { cordon, uncordon } from './cordon';
import { apiResources, clusterInfo, config, version } from './info';
import { rollout } from './rollout';
import { drain } from './drain';
import { exec, logs } from './logs';
import { scale } from './scale';
import { set } from './set';
import { taint } from './taint';
import { top } from './top';

/** COMMANDS is the command table; kubectl resolves the first word against it. */
export const COMMANDS: readonly Command[] = [
  create,
  run,
  get,
  edit,
  del,
  describe,
  explain,
  apply,
  replace,
  scale,
  logs,
  exec,
  set,
  label,
  annotate,
  cordon,
  uncordon,
  drain,
  taint,
  rollout,
  version,
  clusterInfo,
  config,
  apiResources,
  expose,
  autoscale,
  top,
  auth,
];

/**
 * REQUIRED_FLAGS are the flags each command path marks required (cobra's MarkFlagRequired).
 * cobra checks them after parsing and before the command runs, so a missing one is reported
 * before any argument is looked at.
 */
export const REQUIRED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  run: ['image'],
  'create deployment': ['image'],
  'create cronjob': ['image', 'schedule'],
  'create service externalname': ['external-name'],
  'create clusterrolebinding': ['clusterrole'],
  scale: ['replicas'],
  autoscale: ['max'],
};

/**
 * KUBECTL_COMMANDS lists every real kubectl command in its help order (the order cobra offers
 * "Did you mean this?" suggestions in), including those Kubeloop does not implement.
 */
export const KUBECTL_COMMANDS = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'alpha',
  'api-resources',
  'api-versions',
  'config',
  'plugin',
  'version',
];
