import { describe, expect, it } from 'vitest';
import { createCluster, type Pod, type SchedulingDecision } from '../../engine';
import { buildDecisionTable, formatScore } from './decision-table';

const score = (plugin: string, raw: number, normalized: number, weight: number) => ({
  plugin,
  raw,
  normalized,
  weight,
  weighted: normalized * weight,
});

function decision(overrides: Partial<SchedulingDecision>): SchedulingDecision {
  return {
    pod: 'default/web-1',
    podUid: 'u1',
    time: 0,
    filters: [],
    scores: [],
    feasibleNotScored: 0,
    scoredNodes: 0,
    ...overrides,
  };
}

const TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('buildDecisionTable', () => {
  it('stops a node at its first failing filter and skips the rest', () => {
    const table = buildDecisionTable(
      decision({
        filters: [
          { node: 'm-k8s', failedPlugin: 'TaintToleration', reasons: [TAINT] },
          { node: 'w1-k8s', reasons: [] },
          { node: 'w2-k8s', reasons: [] },
        ],
        scores: [
          {
            node: 'w1-k8s',
            total: 391,
            plugins: [score('TaintToleration', 0, 100, 3), score('NodeResourcesFit', 91, 91, 1)],
          },
          {
            node: 'w2-k8s',
            total: 393,
            plugins: [score('TaintToleration', 0, 100, 3), score('NodeResourcesFit', 93, 93, 1)],
          },
        ],
        scoredNodes: 2,
        selectedNode: 'w2-k8s',
      }),
    );
    expect(table.filterColumns).toEqual([
      'NodeUnschedulable',
      'NodeName',
      'TaintToleration',
      'NodeAffinity',
      'NodePorts',
      'NodeResourcesFit',
      'VolumeBinding',
      'PodTopologySpread',
      'InterPodAffinity',
    ]);
    expect(table.scoreColumns).toEqual([
      { plugin: 'TaintToleration', weight: 3 },
      { plugin: 'NodeResourcesFit', weight: 1 },
    ]);
    const [m, w1, w2] = table.rows;
    expect(m!.node).toBe('m-k8s');
    expect(m!.outcome).toBe('filtered');
    expect(m!.filters.map((c) => c.state)).toEqual([
      'pass',
      'pass',
      'fail',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(m!.filters[2]).toEqual({ state: 'fail', reasons: [TAINT] });
    expect(m!.scores).toEqual([undefined, undefined]);
    expect(m!.total).toBeUndefined();
    expect(w1!.outcome).toBe('feasible');
    expect(w1!.filters.every((c) => c.state === 'pass')).toBe(true);
    expect(w1!.total).toBe(391);
    expect(w2!.outcome).toBe('selected');
    expect(formatScore(w2!.scores[1]!)).toBe('93 → 93 × 1 = 93');
    expect(table.scoringSkipped).toBe(false);
  });

  it('reports the FailedScheduling message when no node fit', () => {
    const failure = '0/1 nodes are available: 1 node(s) had untolerated taint.';
    const table = buildDecisionTable(
      decision({
        filters: [{ node: 'm-k8s', failedPlugin: 'TaintToleration', reasons: [TAINT] }],
        failure,
      }),
    );
    expect(table.failure).toBe(failure);
    expect(table.selectedNode).toBeUndefined();
    expect(table.rows.map((r) => r.outcome)).toEqual(['filtered']);
    expect(table.scoreColumns).toEqual([]);
  });

  it('marks scoring as skipped when a single node passed', () => {
    const table = buildDecisionTable(
      decision({
        filters: [{ node: 'w1-k8s', reasons: [] }],
        scores: [{ node: 'w1-k8s', plugins: [], total: 0 }],
        selectedNode: 'w1-k8s',
      }),
    );
    expect(table.scoringSkipped).toBe(true);
    expect(table.rows[0]!.total).toBeUndefined();
  });

  it('lists the score plugins skipped at PreScore, which get no column', () => {
    const table = buildDecisionTable(
      decision({
        filters: [
          { node: 'w1-k8s', reasons: [] },
          { node: 'w2-k8s', reasons: [] },
        ],
        scores: [
          { node: 'w1-k8s', total: 91, plugins: [score('NodeResourcesFit', 91, 91, 1)] },
          { node: 'w2-k8s', total: 93, plugins: [score('NodeResourcesFit', 93, 93, 1)] },
        ],
        skippedScorePlugins: ['NodeAffinity', 'InterPodAffinity'],
        selectedNode: 'w2-k8s',
      }),
    );
    expect(table.scoreColumns).toEqual([{ plugin: 'NodeResourcesFit', weight: 1 }]);
    expect(table.skippedScorePlugins).toEqual(['NodeAffinity', 'InterPodAffinity']);
    expect(table.scoringSkipped).toBe(false);
  });

  it('adds a column for a filter plugin outside the default profile', () => {
    const table = buildDecisionTable(
      decision({ filters: [{ node: 'a', failedPlugin: 'VolumeZone', reasons: ['x'] }] }),
    );
    expect(table.filterColumns.at(-1)).toBe('VolumeZone');
    expect(table.rows[0]!.filters.at(-1)).toEqual({ state: 'fail', reasons: ['x'] });
  });

  it('reads a real kubeadm cluster: the control plane fails TaintToleration, a worker wins', () => {
    const cluster = createCluster({ seed: 1, preset: 'kubeadm' });
    cluster.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      } as never,
    });
    cluster.runUntilIdle();
    const pod = cluster.api.list('pods', 'default')[0] as Pod;
    const table = buildDecisionTable(cluster.schedulingDecision(pod.metadata.uid)!);
    const m = table.rows.find((r) => r.node === 'm-k8s')!;
    expect(m.filters[table.filterColumns.indexOf('TaintToleration')]).toEqual({
      state: 'fail',
      reasons: [TAINT],
    });
    const winner = table.rows.find((r) => r.outcome === 'selected')!;
    expect(winner.node).toBe(pod.spec.nodeName);
    expect(winner.total).toBeGreaterThan(0);
    expect(table.skippedScorePlugins).toContain('InterPodAffinity');
    expect(table.scoreColumns.map((c) => c.plugin)).not.toContain('InterPodAffinity');
  });
});
