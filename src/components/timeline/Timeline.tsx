import { Suspense, lazy } from 'react';
import './timeline.css';

// The timeline is not needed to paint the cluster: it follows right after the first paint.
const TimelinePanel = lazy(() => import('./TimelinePanel'));

/** Timeline holds the timeline's place (same height, so the graph does not jump) until it loads. */
export default function Timeline() {
  return (
    <Suspense fallback={<div className="timeline" aria-hidden="true" />}>
      <TimelinePanel />
    </Suspense>
  );
}
