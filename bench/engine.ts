/**
 * npm run bench: how fast the engine turns one Deployment into Running pods.
 * Prints, per size, the wall time (and the CPU time, which other processes on a shared machine
 * disturb less), pods/s, engine events/s, peak and retained heap, and the events/s of a bare
 * binary-heap event loop as a yardstick. An "event" is one task the clock runs, in both: for the
 * engine that is every delivered hop plus every timer, work-queue drain and scheduling cycle, the
 * same unit of work the bare loop pops and runs. A benchmark, not a test: it asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { TaskQueue } from '../src/engine/clock';
import { createCluster, type Pod } from '../src/engine';
import { deploymentManifest } from '../src/engine/testing/builders';

interface Size {
  nodes: number;
  pods: number;
}

const SIZES: Size[] = process.argv.includes('--quick')
  ? [{ nodes: 100, pods: 1000 }]
  : [
      { nodes: 100, pods: 1000 },
      { nodes: 1000, pods: 10000 },
    ];

/**
 * The first size, run once first and not reported, as benchmark harnesses warm up: V8 optimises a
 * function only after many calls, so a cold 1,000-pod run spends about 40% more CPU than the same
 * run once the engine's hot paths are compiled — as they are minutes into a learner's session.
 * The 10,000-pod run is long enough to warm up by itself.
 */
const WARM_UP: Size = SIZES[0]!;

function bareLoopEventsPerSecond(events: number): number {
  const queue = new TaskQueue();
  let sink = 0;
  const run = () => {
    sink++;
  };
  const start = performance.now();
  for (let i = 0; i < events; i++) {
    queue.push({ time: (i * 7919) % 100_000, seq: i, background: false, run });
    if (i % 2 === 1) queue.pop()!.run();
  }
  while (queue.size > 0) queue.pop()!.run();
  const seconds = (performance.now() - start) / 1000;
  if (sink !== events) throw new Error('bare loop lost events');
  return events / seconds;
}

function run({ nodes, pods }: Size, report = true): void {
  global.gc?.();
  const cluster = createCluster({ seed: 1, workers: nodes, keepHops: false, keepHistory: false });
  for (const kubelet of cluster.kubelets.values()) kubelet.runtime.preload('nginx:1.27');
  let peakHeap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  cluster.api.execute({
    verb: 'create',
    resource: 'deployments',
    namespace: 'default',
    body: deploymentManifest('bench', pods, 'nginx:1.27'),
  });
  // Only the Deployment's pods: the cluster's own (kube-system) pods are running before the clock starts.
  const running = () =>
    (cluster.api.list('pods', 'default') as Pod[]).filter(
      (p) => p.metadata.labels?.app === 'bench' && p.status.phase === 'Running',
    ).length;
  const hopsBefore = cluster.hops.count;
  const tasksBefore = cluster.clock.tasksRun;
  // Run until only heartbeats are left, in slices so the heap can be sampled.
  while (!cluster.isIdle()) {
    cluster.runWhile(() => !cluster.isIdle(), 20_000);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const tasks = cluster.clock.tasksRun - tasksBefore;
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const ready = running();
  const events = cluster.hops.count - hopsBefore;
  // What the cluster holds once the garbage is gone: steadier than the peak, which depends on
  // when the collector last ran.
  global.gc?.();
  const retained = process.memoryUsage().heapUsed;
  if (!report) return;
  console.log(
    [
      `${nodes} nodes / ${pods} pods:`,
      `${ready}/${pods} Running in ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (${(cluster.elapsed / 1000).toFixed(1)} s simulated)`,
      `${Math.round(ready / seconds)} pods/s`,
      `${Math.round(tasks / seconds)} engine events/s (${events} hops, ${tasks} tasks)`,
      `peak heap ${Math.round(peakHeap / 1024 / 1024)} MB, ${Math.round(retained / 1024 / 1024)} MB retained after a full GC`,
    ].join('\n  '),
  );
}

console.log(
  `bare binary-heap event loop: ${Math.round(bareLoopEventsPerSecond(2_000_000))} events/s`,
);
console.log(
  `warm-up (not reported): ${WARM_UP.nodes} nodes / ${WARM_UP.pods} pods, so the measured runs start on compiled code`,
);
run(WARM_UP, false);
for (const size of SIZES) run(size);
