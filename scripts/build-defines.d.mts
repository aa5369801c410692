export function bundleDefines(opts: { e2e: boolean }): Record<string, string>;
export function contentScriptAlias(root: string): Record<string, string>;
