import { WINDOW_POINTS } from '../query/windows';
import { emptyFrame, mergeFrame, type Frame } from './frame';

/**
 * The frames of one window: WINDOW_POINTS complete steps of `stepMs` plus the step in progress.
 * Ticks are merged into the frame of the step they fall in; a step with no tick has no frame.
 */
export class FrameRing {
  private readonly complete: Frame[] = [];
  private current: Frame | undefined;
  /** Bumped whenever a frame completes, so readers can cache what they derive from complete frames. */
  version = 0;

  constructor(readonly stepMs: number) {}

  /**
   * Merges a tick into the frame of its step, completing the previous frame when the step moved on.
   * With `adopt`, a tick that starts a frame becomes it instead of being copied (the one-second
   * ring would otherwise copy every series every second): the ring then owns the tick's series, so
   * only one ring may adopt a given tick, and only after every other ring has merged it.
   */
  add(tick: Frame, { adopt = false } = {}): void {
    const start = tick.end - (tick.end % this.stepMs);
    if (this.current !== undefined && this.current.start !== start) {
      this.complete.push(this.current);
      if (this.complete.length > WINDOW_POINTS) this.complete.shift();
      this.current = undefined;
      this.version++;
    }
    if (this.current === undefined && adopt) {
      this.current = { ...tick, start };
      return;
    }
    this.current ??= emptyFrame(start);
    mergeFrame(this.current, tick);
  }

  /** Complete frames, oldest first. */
  completeFrames(): readonly Frame[] {
    return this.complete;
  }

  /** The frame of the step in progress; undefined before the first tick. */
  currentFrame(): Frame | undefined {
    return this.current;
  }
}
