/** Every frame of the window, oldest first: the complete ones, then the one in progress if there is one. */
export function allFrames(frames) {
    const complete = frames.completeFrames();
    const current = frames.currentFrame();
    return current ? [...complete, current] : complete;
}
/**
 * The chart points of the frames that start after `since` (epoch milliseconds; undefined for all of
 * them), oldest first. `pointOf` is asked for one point per frame, `partial` for the one in progress.
 */
export function pointsAfter(frames, since, pointOf) {
    const current = frames.currentFrame();
    const isNew = (frame) => since === undefined || frame.start > since;
    return [
        ...frames.completeFrames().filter(isNew).map((frame) => pointOf(frame, false)),
        ...(current && isNew(current) ? [pointOf(current, true)] : []),
    ];
}
