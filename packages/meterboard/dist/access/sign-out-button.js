'use client';
import { jsx as _jsx } from "react/jsx-runtime";
import { signOut } from './sign-in.js';
/** Ends this browser's sign-in (access/sign-in.ts), then loads the page again, which asks for the token. */
export function SignOutButton() {
    async function signOutAndReload() {
        await signOut();
        window.location.reload();
    }
    return (_jsx("form", { action: signOutAndReload, children: _jsx("button", { type: "submit", className: "secondary", children: "Sign out" }) }));
}
