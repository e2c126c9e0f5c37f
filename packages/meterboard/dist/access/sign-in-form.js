'use client';
import { jsx as _jsx, jsxs as _jsxs } from "react/jsx-runtime";
import { useActionState, useEffect } from 'react';
import { signIn } from './sign-in.js';
const INITIAL_STATE = { signedIn: false, error: undefined };
/** The token field and its button; a wrong token is said next to the field. */
export function SignInForm() {
    const [state, action, pending] = useActionState(signIn, INITIAL_STATE);
    // Loading the URL again renders the page with the new cookie.
    useEffect(() => {
        if (state.signedIn)
            window.location.reload();
    }, [state.signedIn]);
    return (_jsxs("form", { action: action, className: "form", children: [_jsxs("label", { children: ["Access token", _jsx("input", { name: "token", type: "password", autoComplete: "current-password", required: true, "aria-describedby": state.error ? 'token-error' : undefined })] }), _jsx("button", { type: "submit", disabled: pending || state.signedIn, children: pending || state.signedIn ? 'Signing in…' : 'Sign in' }), state.error && (_jsx("p", { id: "token-error", role: "alert", className: "error", children: state.error }))] }));
}
