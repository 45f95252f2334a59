import { FILTER_PLUGIN_NAMES, type PluginScore, type SchedulingDecision } from '../../engine';

/** A FilterCell is one node's verdict from one filter plugin. */
export type FilterCell =
  | { state: 'pass' }
  | { state: 'fail'; reasons: readonly string[] }
  /** the node already failed an earlier filter, so this one never ran */
  | { state: 'skipped' };

export interface DecisionRow {
  node: string;
  /** selected: the winner; feasible: passed every filter; filtered: failed one */
  outcome: 'selected' | 'feasible' | 'filtered';
  filters: FilterCell[];
  /** per score column; undefined when the node was not scored */
  scores: (PluginScore | undefined)[];
  total: number | undefined;
}

export interface DecisionTable {
  filterColumns: string[];
  scoreColumns: { plugin: string; weight: number }[];
  rows: DecisionRow[];
  selectedNode?: string;
  /** the FailedScheduling message when no node fit */
  failure?: string;
  /** only one node passed the filters, so kube-scheduler skipped scoring */
  scoringSkipped: boolean;
  /** score plugins whose PreScore skipped for this pod: they have no column */
  skippedScorePlugins: readonly string[];
  /** nodes never examined: enough feasible ones were found first */
  notExamined: number;
}

/**
 * buildDecisionTable turns the scheduler's record into a table: a row per node (by name), a cell
 * per filter plugin that runs until the first failure (later cells are skipped), then the node's
 * score cells and total. Nodes the record does not list in filters (large clusters keep only
 * failures and the top scores) still get a row when they were scored.
 */
export function buildDecisionTable(decision: SchedulingDecision): DecisionTable {
  // The decision only names the filter that failed, so the columns are the scheduler's filters
  // in run order; a plugin the record names that is not listed gets a column at the end.
  const filterColumns = [...FILTER_PLUGIN_NAMES];
  for (const v of decision.filters)
    if (v.failedPlugin && !filterColumns.includes(v.failedPlugin))
      filterColumns.push(v.failedPlugin);

  const scored = decision.scores.find((s) => s.plugins.length > 0);
  const scoreColumns = (scored?.plugins ?? []).map((p) => ({ plugin: p.plugin, weight: p.weight }));

  const verdicts = new Map(decision.filters.map((v) => [v.node, v]));
  const scores = new Map(decision.scores.map((s) => [s.node, s]));
  const names = [...new Set([...verdicts.keys(), ...scores.keys()])].sort((a, b) =>
    a.localeCompare(b),
  );

  const rows = names.map((node): DecisionRow => {
    const verdict = verdicts.get(node);
    const failedAt = verdict?.failedPlugin ? filterColumns.indexOf(verdict.failedPlugin) : -1;
    const filters = filterColumns.map((_, i): FilterCell => {
      if (failedAt < 0 || i < failedAt) return { state: 'pass' };
      if (i === failedAt) return { state: 'fail', reasons: verdict!.reasons };
      return { state: 'skipped' };
    });
    const score = scores.get(node);
    const byPlugin = new Map(score?.plugins.map((p) => [p.plugin, p]));
    return {
      node,
      outcome:
        node === decision.selectedNode ? 'selected' : failedAt >= 0 ? 'filtered' : 'feasible',
      filters,
      scores: scoreColumns.map((c) => byPlugin.get(c.plugin)),
      total: score && score.plugins.length > 0 ? score.total : undefined,
    };
  });

  return {
    filterColumns,
    scoreColumns,
    rows,
    selectedNode: decision.selectedNode,
    failure: decision.failure,
    scoringSkipped: decision.selectedNode !== undefined && scoreColumns.length === 0,
    skippedScorePlugins: decision.skippedScorePlugins ?? [],
    notExamined: decision.feasibleNotScored,
  };
}

/** formatScore writes one plugin's arithmetic: raw → normalized × weight = weighted. */
export function formatScore(s: PluginScore): string {
  return `${s.raw} → ${s.normalized} × ${s.weight} = ${s.weighted}`;
}
