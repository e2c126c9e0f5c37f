/**
 * The metrics explorer: every instrument of every meter, and the one in the URL
 * (?meter=&name=, with ?groupBy= and ?filter=key=value) over the window, polled from
 * /api/stats/instrument and charted as fits its kind.
 */
export declare function ExplorerPage(): import("react").JSX.Element;
