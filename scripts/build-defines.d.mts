export function bundleDefines(opts: { e2e: boolean }): Record<string, string>;
