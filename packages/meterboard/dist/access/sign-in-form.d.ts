/** The token field and its button; a wrong token is said next to the field. */
export declare function SignInForm(): import("react").JSX.Element;
