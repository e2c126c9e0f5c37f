import { WINDOW_POINTS } from '../query/windows.js';
import { emptyFrame, mergeFrame } from './frame.js';
/**
 * The frames of one window: the complete steps of `stepMs` among the WINDOW_POINTS steps before the
 * one the latest tick ended in, plus the frame in progress. A tick is merged into the frame of the
 * step it started in, so no frame holds time from before its step and the frames never span more
 * than WINDOW_POINTS + 1 steps, however late the ticks come; a step with no tick has no frame.
 */
export class FrameRing {
    stepMs;
    complete = [];
    current;
    /** Bumped whenever a frame completes or leaves the window, so readers can cache what they derive from complete frames. */
    version = 0;
    /** Epoch milliseconds: the start of the oldest step the window holds now; no frame starts before it. */
    windowStart = 0;
    constructor(stepMs) {
        this.stepMs = stepMs;
    }
    /**
     * Merges a tick into the frame of its step, completing the previous frame when the step moved on.
     * With `adopt`, a tick that starts a frame becomes it instead of being copied (the one-second
     * ring would otherwise copy every series every second): the ring then owns the tick's series, so
     * only one ring may adopt a given tick, and only after every other ring has merged it.
     */
    add(tick, { adopt = false } = {}) {
        const start = this.stepOf(tick.start);
        if (this.current !== undefined && this.current.start !== start) {
            this.complete.push(this.current);
            this.current = undefined;
            this.version++;
        }
        // By time, not by count: a late tick skips steps, and the window must not stretch over them.
        // Every frame outside the window goes, not only the oldest: the wall clock can step back (NTP,
        // a resumed VM), leaving frames from a "future" that must not linger for as long.
        // A tick longer than the window starts its frame before the window: no frame starts before windowStart.
        this.windowStart = Math.min(this.stepOf(tick.end) - WINDOW_POINTS * this.stepMs, start);
        const kept = this.complete.filter((frame) => frame.start >= this.windowStart && frame.start < start).slice(-WINDOW_POINTS);
        if (kept.length !== this.complete.length) {
            this.complete = kept;
            this.version++;
        }
        if (this.current === undefined && adopt) {
            this.current = { ...tick, start };
            return;
        }
        this.current ??= emptyFrame(start);
        mergeFrame(this.current, tick);
    }
    // Start of the step that `time` (epoch ms) falls in.
    stepOf(time) {
        return time - (time % this.stepMs);
    }
    /** Complete frames, oldest first. */
    completeFrames() {
        return this.complete;
    }
    /** The frame of the step in progress; undefined before the first tick. */
    currentFrame() {
        return this.current;
    }
}
