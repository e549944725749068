// Types for scripts/cluster.mjs (used from TypeScript by bench/cluster.ts and e2e/cluster.spec.ts).
export function haproxyPath(): string | null;
export function haproxyConfig(options: { port: number; instancePorts: number[]; apiPorts?: number[] }): string;
export type Cluster = { url: string; instanceUrls: string[]; apiInstanceUrls: string[]; stop(): Promise<void> };
export function startCluster(options: { port: number; instances?: number; apiInstances?: number; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<Cluster>;
