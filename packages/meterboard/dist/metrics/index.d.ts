import 'server-only';
import type { NextRequest } from 'next/server.js';
/** The Prometheus text exposition; open unless METRICS_AUTH_TOKEN is set (access/access-policy.ts). */
export declare function GET(request: NextRequest): Promise<Response>;
export declare const POST: (request: Request) => Response, PUT: (request: Request) => Response, PATCH: (request: Request) => Response, DELETE: (request: Request) => Response;
