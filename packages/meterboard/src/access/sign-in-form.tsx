'use client';

import { useActionState, useEffect } from 'react';
import { signIn, type SignInState } from './sign-in.js';

const INITIAL_STATE: SignInState = { signedIn: false, error: undefined };

/** The token field and its button; a wrong token is said next to the field. */
export function SignInForm() {
  const [state, action, pending] = useActionState(signIn, INITIAL_STATE);
  // Loading the URL again renders the page with the new cookie.
  useEffect(() => {
    if (state.signedIn) window.location.reload();
  }, [state.signedIn]);
  return (
    <form action={action} className="form">
      <label>
        Access token
        <input name="token" type="password" autoComplete="current-password" required aria-describedby={state.error ? 'token-error' : undefined} />
      </label>
      <button type="submit" disabled={pending || state.signedIn}>
        {pending || state.signedIn ? 'Signing in…' : 'Sign in'}
      </button>
      {state.error && (
        <p id="token-error" role="alert" className="error">
          {state.error}
        </p>
      )}
    </form>
  );
}
