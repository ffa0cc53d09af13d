/** See current-bundle.js. */
export function currentBundle(root: URL): URL | null;
