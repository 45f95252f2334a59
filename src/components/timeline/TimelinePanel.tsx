import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSimTime, hopLabel } from '../../state/hop-label';
import {
  selectActions,
  selectPresent,
  selectTravel,
  selectVersion,
  useKubeloop,
} from '../../state/store';
import { describeChange } from './describe-change';
import './i18n';
import { actionRows, rowAt, rowOfHop } from './timeline-rows';

/** Every row is this tall (CSS agrees), so the list can draw only the rows on screen. */
const ROW_HEIGHT = 24;
/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
const OVERSCAN = 8;

/**
 * TimelinePanel is the session's history: a scrubber over every hop, the hops and the learner's actions
 * in a list, and the way back to the present. Picking a past hop shows the whole cluster as it
 * was right after it (the store replays the session to there).
 */
export default function TimelinePanel() {
  const { t } = useTranslation('timeline');
  const present = useKubeloop(selectPresent);
  useKubeloop(selectVersion); // re-read the hop count as the cluster moves
  const travel = useKubeloop(selectTravel);
  const { travelTo, returnToPresent } = useKubeloop.getState();
  const total = present.hops.count;
  const hop = travel ? travel.hop : total;
  const status = !travel
    ? t('present', { total })
    : travel.rebuilding
      ? t('rebuilding', { hop: travel.hop })
      : t('past', { hop: travel.hop, total });
  return (
    <section className="timeline" aria-label={t('region')}>
      <div className="timeline-bar">
        <button
          type="button"
          aria-keyshortcuts="ArrowLeft"
          onClick={() => travelTo(hop - 1)}
          disabled={hop === 0 || travel?.rebuilding}
        >
          <span aria-hidden="true">⏮ </span>
          {t('stepBack')}
        </button>
        <input
          type="range"
          className="timeline-scrubber"
          aria-label={t('scrubber')}
          aria-valuetext={t('position', { hop, total })}
          min={0}
          max={total}
          step={1}
          value={hop}
          onChange={(e) => travelTo(Number(e.target.value))}
        />
        <output className={`timeline-status${travel ? ' is-past' : ''}`} aria-live="polite">
          {status}
        </output>
        <button
          type="button"
          className="timeline-present"
          onClick={returnToPresent}
          disabled={!travel}
        >
          {t('backToPresent')}
          <span aria-hidden="true"> ⏭</span>
        </button>
      </div>
      <TimelineList currentHop={hop} total={total} />
    </section>
  );
}

/** TimelineList draws the rows on screen out of every hop and action, and follows the current hop. */
function TimelineList({ currentHop, total }: { currentHop: number; total: number }) {
  const { t } = useTranslation('timeline');
  const present = useKubeloop(selectPresent);
  const actions = useKubeloop(selectActions);
  const travelTo = useKubeloop.getState().travelTo;
  const rows = useMemo(() => actionRows(actions), [actions]);
  const rowCount = total + actions.length;
  const scroller = useRef<HTMLDivElement>(null);
  // The list scrolls from its end (column-reverse): scrollTop is 0 at the newest row and negative
  // above it, so following the present as rows are added needs no scroll write, which would force
  // a layout of the whole page on every hop.
  const [view, setView] = useState({ scrollTop: 0, height: 200 });
  // The same as view, for the effect below: reading scrollTop there would force a layout per hop.
  const viewNow = useRef(view);
  const updateView = (element: HTMLElement) => {
    const next = { scrollTop: element.scrollTop, height: element.clientHeight };
    // Our own scroll (following the current hop) was already drawn: do not draw it twice.
    if (next.scrollTop === viewNow.current.scrollTop && next.height === viewNow.current.height) {
      return;
    }
    viewNow.current = next;
    setView(next);
  };

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => updateView(element));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keep the current hop in view: the newest at the bottom while at the present, the chosen one
  // in the middle in the past. The row positions are known, so this writes the scroll position
  // without reading the layout back, and only when the row is out of view.
  const listHeight = Math.max(rowCount * ROW_HEIGHT, view.height);
  const currentRow = currentHop === 0 ? 0 : rowOfHop(currentHop, actions);
  const following = currentHop === total;
  useLayoutEffect(() => {
    const element = scroller.current;
    const { scrollTop, height } = viewNow.current;
    const top = listHeight - height + scrollTop;
    const rowTop = currentRow * ROW_HEIGHT;
    if (!element || (rowTop >= top && rowTop + ROW_HEIGHT <= top + height)) return;
    const wanted = following ? rowTop + ROW_HEIGHT - height : rowTop - height / 2 + ROW_HEIGHT / 2;
    const next = {
      scrollTop: Math.min(0, Math.round(Math.max(0, wanted) - (listHeight - height))),
      height,
    };
    element.scrollTop = next.scrollTop;
    viewNow.current = next;
    setView(next);
  }, [currentRow, following, listHeight]);

  const top = Math.max(0, listHeight - view.height + view.scrollTop);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const hops = present.hops.all();
  const items = [];
  for (let i = first; i < last; i++) {
    const row = rowAt(i, rows);
    const style = { top: i * ROW_HEIGHT };
    if (row.kind === 'action') {
      const action = actions[row.index]!;
      const change = describeChange(t, action);
      items.push(
        <li key={`a${row.index}`} className="timeline-row is-action" style={style}>
          <button type="button" onClick={() => travelTo(action.at.hops)}>
            <span className="timeline-seq" aria-hidden="true">
              ▸
            </span>
            {t('actionRow', { change })}
          </button>
        </li>,
      );
      continue;
    }
    const hop = hops[row.seq - 1];
    if (!hop) continue;
    const label = hopLabel(hop);
    const current = row.seq === currentHop;
    items.push(
      <li key={`h${row.seq}`} className="timeline-row" style={style}>
        <button
          type="button"
          className={current ? 'is-current' : undefined}
          aria-current={current ? 'step' : undefined}
          aria-label={t('hopRow', { seq: row.seq, label, from: hop.from, to: hop.to })}
          onClick={() => travelTo(row.seq)}
        >
          <span className="timeline-seq">#{row.seq}</span>
          <span className={`timeline-label channel-${hop.channel}`}>{label}</span>
          <span className="timeline-route">
            {hop.from} → {hop.to}
          </span>
          <span className="timeline-time">{formatSimTime(hop.time - present.startTime)}</span>
        </button>
      </li>,
    );
  }
  return (
    <div ref={scroller} className="timeline-scroll" onScroll={(e) => updateView(e.currentTarget)}>
      <ol className="timeline-list" aria-label={t('list')} style={{ height: listHeight }}>
        {items}
      </ol>
    </div>
  );
}
