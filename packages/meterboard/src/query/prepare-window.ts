import { performance } from 'node:perf_hooks';
import { completeFramePoint } from './frame-point.js';
import { catchUp } from './window-aggregate.js';
import type { WindowFrames } from './window-frames.js';
import { WINDOW_POINTS } from './windows.js';

/** The longest stretch of a window's preparation between two turns of the event loop, milliseconds. */
export const SLICE_MS = 4;

/** What to prepare of a window: the chart points after `since` too, or only the sum (a route's page draws its own points). */
export type Preparation = { points: true; since: number | undefined } | { points: false };

/**
 * Does the costly part of a window's answer ahead of buildStats (or buildRouteStats), a few
 * milliseconds at a time with the event loop given back in between, so that a dashboard opening on
 * a busy app never holds up the app's own requests for long: the sum of the window's complete
 * frames (catchUp) and, if asked, the chart points of those after `since` (computed once per
 * frame). The answer is then left with the frame in progress. `sliceMs` is for tests.
 */
export async function prepareWindow(frames: WindowFrames, preparation: Preparation, sliceMs = SLICE_MS): Promise<void> {
  let sliceStart = performance.now();
  const pause = async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
  // Bounded: frames keep completing while this waits, and whatever is left windowAggregate adds.
  for (let frameBudget = 2 * (WINDOW_POINTS + 1); frameBudget > 0 && !catchUp(frames, 1); frameBudget--) await pause();
  if (!preparation.points) return;
  // A copy: the ring moves on while this waits.
  for (const frame of [...frames.completeFrames()]) {
    if (preparation.since !== undefined && frame.start <= preparation.since) continue;
    completeFramePoint(frame);
    await pause();
  }
}
