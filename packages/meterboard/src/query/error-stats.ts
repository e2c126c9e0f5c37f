import type { ErrorGroup } from '../record/error-groups.js';
import type { ErrorGroupStats, WindowErrors } from './stats-types.js';

/** Most error groups an answer lists, with their stack traces: the most frequent in the window. */
export const ERROR_GROUPS_SHOWN = 20;

/**
 * The window's errors by group, most first (then the latest first), at most ERROR_GROUPS_SHOWN,
 * only the groups `include` accepts. `counts` are the window's errors by group key. Pure.
 */
export function windowErrors(
  counts: ReadonlyMap<string, number>,
  groups: ReadonlyMap<string, ErrorGroup>,
  include: (group: ErrorGroup) => boolean = () => true,
): WindowErrors {
  const inWindow: Array<{ group: ErrorGroup; count: number }> = [];
  for (const [key, count] of counts) {
    const group = groups.get(key);
    if (group !== undefined && count > 0 && include(group)) inWindow.push({ group, count });
  }
  inWindow.sort((a, b) => b.count - a.count || b.group.lastSeen - a.group.lastSeen);
  return { groups: inWindow.slice(0, ERROR_GROUPS_SHOWN).map(({ group, count }) => groupStats(group, count)), groupCount: inWindow.length };
}

function groupStats(group: ErrorGroup, count: number): ErrorGroupStats {
  return {
    method: group.method ?? null,
    route: group.route ?? null,
    serverAction: group.serverAction ?? null,
    errorType: group.errorType,
    message: group.message,
    count,
    countSinceStart: group.count,
    firstSeen: new Date(group.firstSeen).toISOString(),
    lastSeen: new Date(group.lastSeen).toISOString(),
    latestMessage: group.latestMessage,
    latestStack: group.latestStack ?? null,
  };
}
