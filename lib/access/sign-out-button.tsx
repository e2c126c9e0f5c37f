'use client';

import { signOut } from './sign-in';

/** Ends this browser's sign-in (lib/access/sign-in.ts). */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <button type="submit" className="secondary">
        Sign out
      </button>
    </form>
  );
}
