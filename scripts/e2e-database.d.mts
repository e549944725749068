// Types for scripts/e2e-database.mjs (used from TypeScript by e2e/cluster.spec.ts).
export function freshPostgresDatabase(name: string): Promise<string | null>;
export function setUpDemoData(env: NodeJS.ProcessEnv, options?: { today?: string; quiet?: boolean }): void;
