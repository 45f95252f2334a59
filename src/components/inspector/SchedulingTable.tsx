import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchedulingDecision } from '../../engine';
import { buildDecisionTable, formatScore, type FilterCell } from './decision-table';

function FilterVerdictCell({ cell }: { cell: FilterCell }) {
  const { t } = useTranslation('inspector');
  if (cell.state === 'pass')
    return (
      <td className="verdict-pass">
        <span aria-hidden="true">✓</span>
        <span className="visually-hidden">{t('scheduling.pass')}</span>
      </td>
    );
  if (cell.state === 'skipped')
    return (
      <td className="verdict-skipped">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('scheduling.skipped')}</span>
      </td>
    );
  return (
    <td className="verdict-fail">
      <span aria-hidden="true">✗ </span>
      <span className="visually-hidden">{t('scheduling.fail')}: </span>
      {cell.reasons.join('; ')}
    </td>
  );
}

/**
 * SchedulingTable is the scheduler's decision for one pod: a row per node, a column per filter
 * plugin (✓, or ✗ with the reason the plugin gave, then — for filters never run), the score
 * arithmetic per plugin, the total, and the outcome in words.
 */
export default function SchedulingTable({
  decision,
  podName,
}: {
  decision: SchedulingDecision;
  podName: string;
}) {
  const { t } = useTranslation('inspector');
  const table = useMemo(() => buildDecisionTable(decision), [decision]);
  return (
    <>
      <p className="inspector-explain">{t('scheduling.explain')}</p>
      {table.failure && (
        <p className="inspector-failure" role="note">
          <strong>{t('scheduling.failed')}</strong> {table.failure}
        </p>
      )}
      {table.scoringSkipped && <p className="inspector-note">{t('scheduling.skippedScoring')}</p>}
      {table.skippedScorePlugins.length > 0 && (
        <p className="inspector-note">
          {t('scheduling.skippedScorePlugins', { plugins: table.skippedScorePlugins.join(', ') })}
        </p>
      )}
      <p className="inspector-note">{t('scheduling.scroll')}</p>
      <div
        className="inspector-scroll"
        tabIndex={0}
        role="group"
        aria-label={t('scheduling.tableLabel', { name: podName })}
      >
        <table className="inspector-table scheduling-table">
          <caption className="visually-hidden">
            {t('scheduling.tableLabel', { name: podName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('scheduling.node')}</th>
              <th scope="col">{t('scheduling.result')}</th>
              {table.filterColumns.map((plugin) => (
                <th scope="col" key={`f-${plugin}`} className="col-filter">
                  {t('scheduling.filter', { plugin })}
                </th>
              ))}
              {table.scoreColumns.map(({ plugin }) => (
                <th scope="col" key={`s-${plugin}`} className="col-score">
                  {t('scheduling.score', { plugin })}
                  <span className="score-hint">{t('scheduling.scoreHint')}</span>
                </th>
              ))}
              {table.scoreColumns.length > 0 && <th scope="col">{t('scheduling.total')}</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={row.node}
                className={`outcome-${row.outcome}`}
                aria-current={row.outcome === 'selected' ? 'true' : undefined}
              >
                <th scope="row">{row.node}</th>
                <td className="outcome">
                  {row.outcome === 'selected' && <span aria-hidden="true">★ </span>}
                  {t(`scheduling.${row.outcome}`)}
                </td>
                {row.filters.map((cell, i) => (
                  <FilterVerdictCell key={table.filterColumns[i]} cell={cell} />
                ))}
                {row.scores.map((score, i) => (
                  <td key={table.scoreColumns[i]!.plugin} className="score">
                    {score ? formatScore(score) : t('scheduling.notScored')}
                  </td>
                ))}
                {table.scoreColumns.length > 0 && (
                  <td className="total">{row.total ?? t('scheduling.notScored')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notExamined > 0 && (
        <p className="inspector-note">
          {t('scheduling.notExamined', { count: table.notExamined })}
        </p>
      )}
    </>
  );
}
