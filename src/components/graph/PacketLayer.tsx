import { ViewportPortal } from '@xyflow/react';
import { LazyMotion, domAnimation, m, useReducedMotion } from 'motion/react';
import { hopLabel } from '../../state/hop-label';
import { selectLastHop, selectSpeed, useKubeloop } from '../../state/store';
import { centerOf, type GraphLayout } from './layout';

/** Packet flight time at 1× speed, in seconds. */
const FLIGHT_SECONDS = 0.6;

/**
 * PacketLayer flies a labelled packet along the edge of the last delivered hop. With
 * prefers-reduced-motion the packet stays at the edge's middle (the edge and both endpoints are
 * highlighted by the graph instead).
 */
export default function PacketLayer({ layout }: { layout: GraphLayout }) {
  const hop = useKubeloop(selectLastHop);
  const speed = useKubeloop(selectSpeed);
  const reduceMotion = useReducedMotion();
  if (!hop) return null;
  const from = centerOf(layout, hop.from);
  const to = centerOf(layout, hop.to);
  if (!from || !to) return null;
  const label = hopLabel(hop);
  const middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  return (
    <ViewportPortal>
      <LazyMotion features={domAnimation} strict>
        {reduceMotion ? (
          <div
            className="packet-anchor"
            style={{ transform: `translate(${middle.x}px, ${middle.y}px)` }}
          >
            <div className={`packet channel-${hop.channel}`} data-testid="packet">
              {label}
            </div>
          </div>
        ) : (
          <m.div
            key={hop.seq}
            className="packet-anchor"
            initial={{ x: from.x, y: from.y, opacity: 1 }}
            animate={{ x: to.x, y: to.y, opacity: 1 }}
            transition={{ duration: FLIGHT_SECONDS / speed, ease: 'easeInOut' }}
          >
            <div className={`packet channel-${hop.channel}`} data-testid="packet">
              {label}
            </div>
          </m.div>
        )}
      </LazyMotion>
    </ViewportPortal>
  );
}
