import 'server-only';
import type { NextRequest } from 'next/server.js';
/** The props Next gives the catch-all route: the segments below the endpoints' own path. */
export interface ApiRouteContext {
    params: Promise<{
        path: string[];
    }>;
}
/** GET one of the endpoints; 404 naming the endpoints for any other path. */
export declare function GET(request: NextRequest, { params }: ApiRouteContext): Promise<Response>;
export declare const POST: (request: Request) => Response, PUT: (request: Request) => Response, PATCH: (request: Request) => Response, DELETE: (request: Request) => Response;
