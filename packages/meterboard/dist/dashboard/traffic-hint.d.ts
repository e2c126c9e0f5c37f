/**
 * How a route's page with no requests says to get some: a GET without parameters is a link to open;
 * anything else is a request to send, with the template's parameters to fill in; the unmatched row
 * collects requests to paths the app has no route for.
 */
export type TrafficHint = {
    kind: 'link';
    href: string;
} | {
    kind: 'request';
    method: string;
    path: string;
    parameters: string[];
} | {
    kind: 'unmatched';
    example: string;
};
/** A path no app route matches, for the unmatched row's hint. */
export declare const UNMATCHED_EXAMPLE_PATH = "/no-such-page";
/** The hint for a method and route template (null: the requests that matched no route). */
export declare function trafficHint(method: string, route: string | null): TrafficHint;
