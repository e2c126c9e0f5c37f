/** Key in RouteStats.statusCodes for requests that ended before a status was sent. */
export const NO_STATUS = 'none';
/** "2xx".."5xx" for a status code; undefined for anything else, and for no status (nothing was sent). */
export function statusClassOf(status) {
    if (status === undefined)
        return undefined;
    if (status >= 200 && status < 300)
        return '2xx';
    if (status >= 300 && status < 400)
        return '3xx';
    if (status >= 400 && status < 500)
        return '4xx';
    if (status >= 500 && status < 600)
        return '5xx';
    return undefined;
}
