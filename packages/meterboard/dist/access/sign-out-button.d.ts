/** Ends this browser's sign-in (access/sign-in.ts), then loads the page again, which asks for the token. */
export declare function SignOutButton(): import("react").JSX.Element;
