'use client';

import { signOut } from './sign-in.js';

/** Ends this browser's sign-in (access/sign-in.ts), then loads the page again, which asks for the token. */
export function SignOutButton() {
  async function signOutAndReload() {
    await signOut();
    window.location.reload();
  }
  return (
    <form action={signOutAndReload}>
      <button type="submit" className="secondary">
        Sign out
      </button>
    </form>
  );
}
