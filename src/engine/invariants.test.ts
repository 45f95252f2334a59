import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from './cluster';
import { podRequests } from './api/pod';
import { bytes, milliCores } from './api/quantity';
import type { Deployment, KubeObject, Node, Pod, ReplicaSet } from './api/types';
import type { Hop } from './hops';

/** An action a learner (or a chaos monkey) might take. */
type Action =
  | { type: 'create'; name: string; replicas: number; cpu: string }
  | { type: 'scale'; name: string; replicas: number }
  | { type: 'delete'; name: string }
  | { type: 'deletePod'; index: number }
  | { type: 'wait'; ms: number };

const names = fc.constantFrom('web', 'api', 'db');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant('create' as const),
    name: names,
    replicas: fc.integer({ min: 0, max: 6 }),
    cpu: fc.constantFrom('100m', '500m', '900m'),
  }),
  fc.record({
    type: fc.constant('scale' as const),
    name: names,
    replicas: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({ type: fc.constant('delete' as const), name: names }),
  fc.record({ type: fc.constant('deletePod' as const), index: fc.nat(20) }),
  fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 20_000 }) }),
);

function apply(c: Cluster, a: Action): void {
  const client = c.client('kubectl');
  const ns = 'default';
  switch (a.type) {
    case 'create':
      client.request({
        verb: 'create',
        resource: 'deployments',
        namespace: ns,
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: a.name },
          spec: {
            replicas: a.replicas,
            selector: { matchLabels: { app: a.name } },
            template: {
              metadata: { labels: { app: a.name } },
              spec: {
                containers: [
                  { name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: a.cpu } } },
                ],
              },
            },
          },
        },
      });
      break;
    case 'scale':
      client.request({
        verb: 'patch',
        resource: 'deployments',
        namespace: ns,
        name: a.name,
        patchType: 'merge',
        patch: { spec: { replicas: a.replicas } },
      });
      break;
    case 'delete':
      client.request({ verb: 'delete', resource: 'deployments', namespace: ns, name: a.name });
      break;
    case 'deletePod': {
      const pods = c.api.list('pods', 'default');
      const pod = pods[a.index % Math.max(1, pods.length)];
      if (pod)
        client.request({
          verb: 'delete',
          resource: 'pods',
          namespace: ns,
          name: pod.metadata.name,
        });
      break;
    }
    case 'wait':
      c.runFor(a.ms);
      break;
  }
}

function checkPlacement(c: Cluster): void {
  const nodes = new Map((c.api.list('nodes') as Node[]).map((n) => [n.metadata.name, n]));
  const used = new Map<string, { cpu: number; memory: number }>();
  // Every pod counts against its node, the system pods in kube-system too.
  for (const pod of c.api.list('pods') as Pod[]) {
    if (!pod.spec.nodeName) continue;
    expect(nodes.has(pod.spec.nodeName)).toBe(true);
    const u = used.get(pod.spec.nodeName) ?? { cpu: 0, memory: 0 };
    const r = podRequests(pod.spec);
    used.set(pod.spec.nodeName, { cpu: u.cpu + r.milliCpu, memory: u.memory + r.memory });
  }
  for (const [name, u] of used) {
    const a = nodes.get(name)!.status.allocatable;
    expect(u.cpu).toBeLessThanOrEqual(milliCores(a.cpu));
    expect(u.memory).toBeLessThanOrEqual(bytes(a.memory));
  }
}

function checkConverged(c: Cluster): void {
  const all: KubeObject[] = [
    ...c.api.list('deployments', 'default'),
    ...c.api.list('replicasets', 'default'),
    ...c.api.list('pods', 'default'),
  ];
  const uids = new Set(all.map((o) => o.metadata.uid));
  for (const obj of all) {
    for (const ref of obj.metadata.ownerReferences ?? []) expect(uids.has(ref.uid)).toBe(true);
  }
  for (const d of c.api.list('deployments', 'default') as Deployment[]) {
    const sets = (c.api.list('replicasets', 'default') as ReplicaSet[]).filter(
      (rs) => rs.metadata.ownerReferences?.[0]?.uid === d.metadata.uid,
    );
    const pods = (c.api.list('pods', 'default') as Pod[]).filter((p) =>
      sets.some((rs) => rs.metadata.uid === p.metadata.ownerReferences?.[0]?.uid),
    );
    const running = pods.filter((p) => p.spec.nodeName && !p.metadata.deletionTimestamp);
    const pending = pods.filter((p) => !p.spec.nodeName);
    // Converged: exactly the desired number of pods, of which the ones that fit somewhere run.
    expect(pods.length).toBe(d.spec.replicas);
    expect(running.length + pending.length).toBe(d.spec.replicas);
  }
}

/** checkBoundOnce reads etcd's history: once a pod has a node, every later revision has the same one. */
function checkBoundOnce(c: Cluster): void {
  const nodeOf = new Map<string, string>();
  for (const key of c.etcd.historyKeys().filter((k) => k.startsWith('/registry/pods/'))) {
    for (const event of c.etcd.history(key)) {
      const pod = event.value as Pod;
      const node = pod.spec.nodeName;
      if (!node) continue;
      expect(nodeOf.get(pod.metadata.uid) ?? node).toBe(node);
      nodeOf.set(pod.metadata.uid, node);
    }
  }
}

const trace = (hops: readonly Hop[]) =>
  hops
    .map((h) => `${h.time}|${h.from}|${h.to}|${h.verb}|${h.object.kind}/${h.object.name}`)
    .join('\n');

describe('invariants over random histories', () => {
  it('never binds a pod twice, never overcommits a node, converges, keeps owners, and replays by seed', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 1000 }),
        (actions, seed) => {
          const run = () => {
            const c = createCluster({ seed });
            for (const a of actions) {
              apply(c, a);
              c.runFor(5);
              checkPlacement(c);
            }
            expect(c.runUntilIdle()).toBe(true);
            checkPlacement(c);
            checkBoundOnce(c);
            checkConverged(c);
            return trace(c.hops.all());
          };
          expect(run()).toBe(run());
        },
      ),
      { numRuns: 60 },
    );
  });
});
