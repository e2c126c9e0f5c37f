/** What the sign-in form knows after an attempt: signed in, or why not. */
export interface SignInState {
    signedIn: boolean;
    error: string | undefined;
}
/** Server action of the sign-in form: when the `token` field is METRICS_AUTH_TOKEN, sets the session cookie. */
export declare function signIn(_previous: SignInState, form: FormData): Promise<SignInState>;
/** Server action of the dashboard's Sign out button: forgets the session cookie (the button then reloads the page). */
export declare function signOut(): Promise<void>;
