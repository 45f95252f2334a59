import type {
  Deployment,
  EndpointSlice,
  Event,
  KubeObject,
  Lease,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from '../../engine';
import { request, type Command, type Context, type Task } from '../context';
import { formatStatusError, KubectlError } from '../errors';
import { describePod } from '../printers/describe';
import { describeNode } from '../printers/describe-node';
import { describeDeployment } from '../printers/describe-deployment';
import { describeService } from '../printers/describe-service';
import { requireResource } from '../resources';

/** DESCRIBERS are the kinds `kubectl describe` can lay out. */
const DESCRIBABLE = new Set(['pods', 'services', 'nodes', 'deployments']);

function* describeCommand(ctx: Context): Task {
  const [type, ...names] = ctx.flags.args;
  if (!type) {
    throw new KubectlError(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const info = requireResource(type.split('/')[0]!);
  if (type.includes('/')) names.unshift(type.split('/')[1]!);
  if (!DESCRIBABLE.has(info.resource))
    throw new KubectlError(`error: describe ${info.resource} is not supported yet in Kubeloop`);
  const resource = info.resource;
  let objects: KubeObject[] = [];
  if (names.length === 0) {
    const res = yield* request({ verb: 'list', resource, namespace: ctx.namespace });
    if (!res.ok) throw new KubectlError(formatStatusError(res.error));
    objects = res.result.items ?? [];
    if (objects.length === 0) ctx.err.push(`No resources found in ${ctx.namespace} namespace.`);
  }
  for (const name of names) {
    const res = yield* request({ verb: 'get', resource, namespace: ctx.namespace, name });
    if (!res.ok) {
      ctx.err.push(formatStatusError(res.error));
      ctx.exitCode = 1;
      continue;
    }
    objects.push(res.result.object!);
  }
  const blocks: string[] = [];
  for (const obj of objects) {
    const res = yield* request({
      verb: 'list',
      resource: 'events',
      namespace: obj.metadata.namespace,
      fieldSelector: [
        { path: 'involvedObject.name', op: '=', value: obj.metadata.name },
        { path: 'involvedObject.namespace', op: '=', value: obj.metadata.namespace ?? '' },
        { path: 'involvedObject.uid', op: '=', value: obj.metadata.uid },
      ],
    });
    const events = res.ok ? (res.result.items as Event[]) : [];
    if (resource === 'services') {
      const slices = yield* request({
        verb: 'list',
        resource: 'endpointslices',
        namespace: obj.metadata.namespace,
        labelSelector: { matchLabels: { 'kubernetes.io/service-name': obj.metadata.name } },
      });
      const items = slices.ok ? (slices.result.items as EndpointSlice[]) : [];
      blocks.push(describeService(obj as Service, items, events, ctx.cluster.now));
    } else if (resource === 'deployments') {
      const d = obj as Deployment;
      const listed = yield* request({
        verb: 'list',
        resource: 'replicasets',
        namespace: d.metadata.namespace,
      });
      const owned = ((listed.ok ? listed.result.items : []) as ReplicaSet[]).filter((rs) =>
        rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller),
      );
      const revision = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
      const newRS = owned.find(
        (rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision,
      );
      const oldRSs = owned.filter(
        (rs) => rs !== newRS && (rs.spec.replicas > 0 || (rs.status.replicas ?? 0) > 0),
      );
      blocks.push(describeDeployment(d, newRS, oldRSs, events, ctx.cluster.now));
    } else if (resource === 'nodes') {
      const node = obj as Node;
      const lease = yield* request({
        verb: 'get',
        resource: 'leases',
        namespace: 'kube-node-lease',
        name: node.metadata.name,
      });
      const pods = yield* request({
        verb: 'list',
        resource: 'pods',
        fieldSelector: [{ path: 'spec.nodeName', op: '=', value: node.metadata.name }],
      });
      blocks.push(
        describeNode(
          node,
          lease.ok ? (lease.result.object as Lease) : undefined,
          pods.ok ? (pods.result.items as Pod[]) : [],
          events,
          ctx.cluster.now,
        ),
      );
    } else {
      blocks.push(describePod(obj as Pod, events, ctx.cluster.now));
    }
  }
  ctx.out.push(blocks.join('\n\n'));
}

export const describe: Command = {
  name: 'describe',
  flags: [{ name: 'selector', short: 'l', type: 'string' }],
  run: describeCommand,
};
