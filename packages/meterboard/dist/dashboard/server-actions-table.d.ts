import type { ServerActionStats } from '../query/stats-types.js';
/** Server actions that ran in the window, by the name they are exported under. */
export declare function ServerActionsTable({ actions }: {
    actions: readonly ServerActionStats[];
}): import("react").JSX.Element;
