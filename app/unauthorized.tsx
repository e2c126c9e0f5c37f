import type { Metadata } from 'next';
import { SignInForm } from '@/lib/access/sign-in-form';

export const metadata: Metadata = { title: 'Sign in · meterboard' };

/** 401: the dashboard needs the token in METRICS_AUTH_TOKEN (lib/access/guard-page.ts). */
export default function Unauthorized() {
  return (
    <section>
      <h1>Sign in to meterboard</h1>
      <p>
        This server requires the token set in <code>METRICS_AUTH_TOKEN</code>. Enter it once; this browser keeps a signed
        session cookie, not the token.
      </p>
      <SignInForm />
    </section>
  );
}
