/**
 * The `since` for the next poll: the time of the last complete point held, so the server sends only
 * what is newer (the partial point is always sent again). Undefined asks for a full answer.
 */
export function sinceOf(stats) {
    if (stats === undefined)
        return undefined;
    for (let i = stats.points.length - 1; i >= 0; i--) {
        if (!stats.points[i].partial)
            return stats.points[i].time;
    }
    return undefined;
}
/**
 * An incremental answer merged into what the client holds: the same answer a full fetch would
 * have returned (everything but the points is always complete). A full answer, another window, or
 * another process instance (the server restarted, its history is gone) replaces what was held
 * instead of being merged into it, so a restart never draws a spike or a negative rate. The caller
 * holds one answer per query, so held and next are of the same route or instrument. Pure.
 */
export function mergeStats(held, next) {
    if (next.since === null ||
        held === undefined ||
        held.service.instanceId !== next.service.instanceId ||
        held.window.name !== next.window.name) {
        return next;
    }
    const since = next.since;
    const kept = held.points.filter((point) => !point.partial && point.time <= since && point.time >= next.windowStart);
    return { ...next, since: null, points: [...kept, ...next.points] };
}
