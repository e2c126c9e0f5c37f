/** The live dashboard: polls the stats endpoint for the window in the URL and draws it; `signedIn` adds a Sign out button. */
export declare function Dashboard({ signedIn }: {
    signedIn?: boolean;
}): import("react").JSX.Element;
