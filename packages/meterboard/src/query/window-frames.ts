import type { Frame } from '../collect/frame.js';

/** The frames of a window, as FrameRing holds them. */
export interface WindowFrames {
  completeFrames(): readonly Frame[];
  currentFrame(): Frame | undefined;
  /** Changes whenever the complete frames change, so what is derived from them can be cached. */
  readonly version: number;
  /** Epoch milliseconds: no frame of the window starts before it (the answers' windowStart). */
  readonly windowStart: number;
}

/** Every frame of the window, oldest first: the complete ones, then the one in progress if there is one. */
export function allFrames(frames: WindowFrames): readonly Frame[] {
  const complete = frames.completeFrames();
  const current = frames.currentFrame();
  return current ? [...complete, current] : complete;
}

/**
 * The chart points of the frames that start after `since` (epoch milliseconds; undefined for all of
 * them), oldest first. `pointOf` is asked for one point per frame, `partial` for the one in progress.
 */
export function pointsAfter<Point>(
  frames: WindowFrames,
  since: number | undefined,
  pointOf: (frame: Frame, partial: boolean) => Point,
): Point[] {
  const current = frames.currentFrame();
  const isNew = (frame: Frame) => since === undefined || frame.start > since;
  return [
    ...frames.completeFrames().filter(isNew).map((frame) => pointOf(frame, false)),
    ...(current && isNew(current) ? [pointOf(current, true)] : []),
  ];
}
