import 'server-only';
import type { NextRequest } from 'next/server.js';
import { type Surface } from './access-policy.js';
/**
 * undefined when `request` may read `surface`; else the response to send: 401 with a Bearer
 * challenge when the token is missing or wrong (one message for both), 403 naming the variables
 * when the dashboard's access is not configured, 503 when an access variable is malformed.
 */
export declare function refuseUnlessAllowed(request: NextRequest, surface: Surface): Response | undefined;
