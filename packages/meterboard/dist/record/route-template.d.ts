import 'server-only';
import type { IncomingMessage } from 'node:http';
/**
 * The route template Next matched for a request (`/orders/[id]`), or undefined when the request
 * matched no route of the app; never the raw path, so unmatched paths cannot create series.
 */
export declare function routeTemplateOf(request: IncomingMessage): string | undefined;
