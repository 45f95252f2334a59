import type { Hop } from '../engine';

/** hopLabel is the short packet text: "create pod/nginx", "ADDED deployment/web", "list pods". */
export function hopLabel(hop: Hop): string {
  const { kind, name } = hop.object;
  const what = name ? `${kind.toLowerCase()}/${name}` : kind.toLowerCase();
  return `${hop.verb} ${what}`;
}

/** formatSimTime shows simulated milliseconds as "t = 12.345s". */
export function formatSimTime(ms: number): string {
  return `t = ${(Math.max(0, ms) / 1000).toFixed(3)}s`;
}
