import { ViewportPortal, useReactFlow } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hopLabel } from '../../state/hop-label';
import { selectPodIndex } from '../../state/pods';
import { selectLastHop, selectSpeed, useKubeloop, type KubeloopState } from '../../state/store';
import { centerOf, type GraphLayout } from './layout';
import { useReducedMotion } from './reduced-motion';

/** Packet flight time at 1× speed, in milliseconds. */
const FLIGHT_MS = 600;

type Point = { x: number; y: number };

/** A traffic hop names a pod as `pod/NAME`; components are drawn boxes. */
const podOf = (component: string) =>
  component.startsWith('pod/') ? component.slice(4) : undefined;

/** nodeOfPod: the node a pod is bound to, where its chip (or its "+N more" line) sits. */
const selectNodeOfPod = (name: string | undefined) => (s: KubeloopState) =>
  name ? selectPodIndex(s).all.find((p) => p.name === name)?.nodeName : undefined;

/**
 * PacketLayer flies a labelled packet along the edge of the last delivered hop, with the Web
 * Animations API (the browser animates the transform off React's render path; no animation
 * library in the first paint). A traffic hop to or from a pod flies to that pod's chip, measured
 * on screen; a pod without a chip (hidden, or in "+N more") is its node's box. With
 * prefers-reduced-motion the packet stays at the edge's middle (the edge and both endpoints are
 * highlighted by the graph instead). The packet is a button: clicking it pauses playback and shows
 * its hop in the hop panel, so a learner can catch a hop in flight.
 */
export default function PacketLayer({ layout }: { layout: GraphLayout }) {
  const hop = useKubeloop(selectLastHop);
  const speed = useKubeloop(selectSpeed);
  const reduceMotion = useReducedMotion();
  const pickHop = useKubeloop((s) => s.pickHop);
  const { t } = useTranslation();
  const { screenToFlowPosition } = useReactFlow();
  const anchor = useRef<HTMLDivElement>(null);
  const fromNode = useKubeloop(selectNodeOfPod(hop && podOf(hop.from)));
  const toNode = useKubeloop(selectNodeOfPod(hop && podOf(hop.to)));

  const boxOf = (component: string, node: string | undefined) =>
    podOf(component)
      ? node !== undefined
        ? centerOf(layout, `node/${node}`)
        : undefined
      : centerOf(layout, component);
  const from = hop && boxOf(hop.from, fromNode);
  const to = hop && boxOf(hop.to, toNode);
  const startX = from?.x;
  const startY = from?.y;
  const endX = to?.x;
  const endY = to?.y;

  useLayoutEffect(() => {
    const element = anchor.current;
    if (!hop || !element || startX === undefined || endX === undefined) return;
    // Pod chips are laid out by the browser, not by the layout: measure the ones drawn.
    const chipCenter = (component: string): Point | undefined => {
      const name = podOf(component);
      const chip = name && document.querySelector(`.pod-chip[data-pod="${CSS.escape(name)}"]`);
      if (!chip) return undefined;
      const rect = chip.getBoundingClientRect();
      return screenToFlowPosition({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
    };
    const start = chipCenter(hop.from) ?? { x: startX, y: startY! };
    const end = chipCenter(hop.to) ?? { x: endX, y: endY! };
    const translate = ({ x, y }: Point) => `translate(${x}px, ${y}px)`;
    if (reduceMotion) {
      element.style.transform = translate({ x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 });
      return;
    }
    element.style.transform = translate(end);
    // A new hop starts a new flight; the previous one is cancelled.
    const flight = element.animate(
      [{ transform: translate(start) }, { transform: translate(end) }],
      {
        duration: FLIGHT_MS / speed,
        easing: 'ease-in-out',
        fill: 'forwards',
      },
    );
    return () => flight.cancel();
  }, [hop, startX, startY, endX, endY, speed, reduceMotion, screenToFlowPosition]);

  if (!hop || !from || !to) return null;
  const rest = reduceMotion ? { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 } : to;
  return (
    <ViewportPortal>
      <div
        ref={anchor}
        className="packet-anchor"
        style={{ transform: `translate(${rest.x}px, ${rest.y}px)` }}
      >
        <button
          type="button"
          className={`packet channel-${hop.channel}`}
          data-testid="packet"
          aria-label={t('hop.packet', { from: hop.from, to: hop.to, label: hopLabel(hop) })}
          onClick={() => pickHop(hop)}
        >
          {hopLabel(hop)}
        </button>
      </div>
    </ViewportPortal>
  );
}
