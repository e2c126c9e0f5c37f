import { ConfigError, readAccessConfig } from '../config.js';
import { SignInForm } from '../access/sign-in-form.js';
import { METRICS_PATH } from '../paths.js';
import { BASE_PATH } from '../base-path.js';

/** Shown instead of a dashboard page to a browser without the token in METRICS_AUTH_TOKEN. */
export function SignInPanel() {
  return (
    <section aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in to meterboard</h1>
      <p>
        This server requires the token set in <code>METRICS_AUTH_TOKEN</code>. Enter it once; this browser keeps a signed session
        cookie, not the token.
      </p>
      <SignInForm />
    </section>
  );
}

/**
 * Shown instead of a dashboard page while access is not configured (the dashboard is private under
 * `next start` until it is) or an access variable is malformed (closed to everyone).
 */
export function ClosedPanel() {
  const config = readAccessConfig();
  if (config instanceof ConfigError) {
    return (
      <section className="warning" aria-labelledby="closed-heading">
        <h1 id="closed-heading">The dashboard is closed</h1>
        {/* The message names the variable and what it expects, never its value. */}
        <p role="alert">{config.message}</p>
        <p>Fix it in the server&apos;s environment and restart the server.</p>
      </section>
    );
  }
  return (
    <section className="empty" aria-labelledby="closed-heading">
      <h1 id="closed-heading">The dashboard is private</h1>
      <p>
        Under <code>next start</code> meterboard does not show this app&apos;s traffic to anyone until you say who may see it. Set one
        of these in the server&apos;s environment and restart it:
      </p>
      <ul>
        <li>
          <code>METRICS_AUTH_TOKEN=&lt;token&gt;</code> to require a token (e.g. <code>openssl rand -hex 32</code>), sent as{' '}
          <code>Authorization: Bearer &lt;token&gt;</code> or entered here;
        </li>
        <li>
          <code>METRICS_PUBLIC=true</code> to show the dashboard and its JSON endpoints to anyone who can reach this server.
        </li>
      </ul>
      <p>
        <a href={`${BASE_PATH}${METRICS_PATH}`}>{METRICS_PATH}</a> stays open for Prometheus unless a token is set.
      </p>
    </section>
  );
}
