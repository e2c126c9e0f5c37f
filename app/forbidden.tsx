import type { Metadata } from 'next';
import { ConfigError, readAccessConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Dashboard not configured · meterboard' };

/**
 * 403: under `next start` the dashboard is private until access is configured, and closed to
 * everyone while an access variable is malformed (lib/access/guard-page.ts).
 */
export default function Forbidden() {
  const config = readAccessConfig();
  if (config instanceof ConfigError) {
    return (
      <section className="warning">
        <h1>The dashboard is closed</h1>
        {/* The message names the variable and what it expects, never its value. */}
        <p role="alert">{config.message}</p>
        <p>Fix it in the server&apos;s environment and restart the server.</p>
      </section>
    );
  }
  return (
    <section className="empty">
      <h1>The dashboard is private</h1>
      <p>
        Under <code>next start</code> meterboard does not show this app&apos;s traffic to anyone until you say who may see it.
        Set one of these in the server&apos;s environment and restart it:
      </p>
      <ul>
        <li>
          <code>METRICS_AUTH_TOKEN=&lt;token&gt;</code> to require a token (e.g. <code>openssl rand -hex 32</code>), sent as{' '}
          <code>Authorization: Bearer &lt;token&gt;</code> or entered here;
        </li>
        <li>
          <code>METRICS_PUBLIC=true</code> to show the dashboard and <code>/api/stats</code> to anyone who can reach this server.
        </li>
      </ul>
      <p>
        <a href="/metrics">/metrics</a> stays open for Prometheus unless a token is set.
      </p>
    </section>
  );
}
