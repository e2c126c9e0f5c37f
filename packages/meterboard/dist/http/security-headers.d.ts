/**
 * The dashboard pages' response headers for one request: a strict Content-Security-Policy built on
 * `nonce` (https://nextjs.org/docs/app/guides/content-security-policy, which Next applies to its own
 * scripts when it finds the policy on the request), and the usual hardening headers.
 */
export declare function dashboardSecurityHeaders(nonce: string, { development }: {
    development: boolean;
}): Record<string, string>;
