import { type Frame } from './frame.js';
/**
 * The frames of one window: the complete steps of `stepMs` among the WINDOW_POINTS steps before the
 * one the latest tick ended in, plus the frame in progress. A tick is merged into the frame of the
 * step it started in, so no frame holds time from before its step and the frames never span more
 * than WINDOW_POINTS + 1 steps, however late the ticks come; a step with no tick has no frame.
 */
export declare class FrameRing {
    readonly stepMs: number;
    private complete;
    private current;
    /** Bumped whenever a frame completes or leaves the window, so readers can cache what they derive from complete frames. */
    version: number;
    /** Epoch milliseconds: the start of the oldest step the window holds now; no frame starts before it. */
    windowStart: number;
    constructor(stepMs: number);
    /**
     * Merges a tick into the frame of its step, completing the previous frame when the step moved on.
     * With `adopt`, a tick that starts a frame becomes it instead of being copied (the one-second
     * ring would otherwise copy every series every second): the ring then owns the tick's series, so
     * only one ring may adopt a given tick, and only after every other ring has merged it.
     */
    add(tick: Frame, { adopt }?: {
        adopt?: boolean | undefined;
    }): void;
    private stepOf;
    /** Complete frames, oldest first. */
    completeFrames(): readonly Frame[];
    /** The frame of the step in progress; undefined before the first tick. */
    currentFrame(): Frame | undefined;
}
