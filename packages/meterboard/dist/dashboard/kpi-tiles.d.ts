import type { RouteStats, Stats } from '../query/stats-types.js';
/** One headline number, with a line that says what it is. */
export interface Kpi {
    label: string;
    value: string;
    detail: string;
    /** Drawn as bad news (an error rate above zero). */
    alert?: boolean;
}
/** A row of headline numbers, each a group named by its label. */
export declare function KpiList({ label, tiles }: {
    label: string;
    tiles: readonly Kpi[];
}): import("react").JSX.Element;
/** The headline numbers over the window. */
export declare function KpiTiles({ stats }: {
    stats: Stats;
}): import("react").JSX.Element;
/** The headline numbers of one route over the window. */
export declare function RouteKpiTiles({ route }: {
    route: RouteStats;
}): import("react").JSX.Element;
