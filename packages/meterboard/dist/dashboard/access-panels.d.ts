/** Shown instead of a dashboard page to a browser without the token in METRICS_AUTH_TOKEN. */
export declare function SignInPanel(): import("react").JSX.Element;
/**
 * Shown instead of a dashboard page while access is not configured (the dashboard is private under
 * `next start` until it is) or an access variable is malformed (closed to everyone).
 */
export declare function ClosedPanel(): import("react").JSX.Element;
