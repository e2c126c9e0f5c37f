import 'server-only';
import { type AccessVerdict } from './decide-access.js';
/**
 * Whether the request for a dashboard page may see it (lib/access/decide-access.ts). The page
 * renders the sign-in form or the "not configured" explanation itself, so that the host app needs
 * no app/unauthorized.tsx, forbidden.tsx or experimental.authInterrupts of its own.
 */
export declare function dashboardAccess(): Promise<AccessVerdict>;
