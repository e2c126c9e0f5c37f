/**
 * The dashboard pages' response headers for one request: a strict Content-Security-Policy built on
 * `nonce` (https://nextjs.org/docs/app/guides/content-security-policy, which Next applies to its own
 * scripts when it finds the policy on the request), and the usual hardening headers. Without a nonce
 * (a page whose shell was prerendered at build time, under cacheComponents, carries none) scripts
 * are limited to this origin and its inline ones.
 */
export function dashboardSecurityHeaders(nonce: string | undefined, { development }: { development: boolean }): Record<string, string> {
  // React reconstructs server error stacks with eval under next dev only.
  const evalInDevelopment = development ? " 'unsafe-eval'" : '';
  const policy = [
    "default-src 'self'",
    nonce === undefined ? `script-src 'self' 'unsafe-inline'${evalInDevelopment}` : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalInDevelopment}`,
    // Recharts and React write style attributes; a nonce cannot allow attributes, and a policy with
    // a nonce ignores 'unsafe-inline', so styles go without one.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // SWR polls this origin only; next dev's hot reload socket is this origin too.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
