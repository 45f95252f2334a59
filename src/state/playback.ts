/** Learners follow about four hops a second at 1× speed. */
export const HOPS_PER_SECOND = 4;
/** SPEEDS are the playback speeds the Speed control offers. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
const MIN_SPEED = 0.25;
const MAX_SPEED = 16;
/** A long frame (a background tab coming back) must not release a flood of hops at once. */
export const MAX_FRAME_MS = 250;

/**
 * advanceBudget is the fixed-step playback arithmetic: each frame adds dtMs × rate × speed to a
 * fractional hop budget, and every whole hop in it is due now. Example: at 1× (4 hops/s) a 60 Hz
 * frame adds 16.7 ms × 0.004 = 0.067 hops, so a hop is due every 15 frames; at 16× one per frame.
 */
export function advanceBudget(
  budget: number,
  dtMs: number,
  speed: number,
): { due: number; budget: number } {
  const total =
    budget + (Math.min(Math.max(dtMs, 0), MAX_FRAME_MS) / 1000) * HOPS_PER_SECOND * speed;
  const due = Math.floor(total);
  return { due, budget: total - due };
}

/** clampSpeed keeps a requested speed inside the offered range. */
export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}
