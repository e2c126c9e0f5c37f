/**
 * One route's page: a method and route template (?method=&route=, route empty for the requests that
 * matched no route) over the window in the URL, polled from /api/stats/route and drawn.
 */
export declare function RoutePage(): import("react").JSX.Element;
