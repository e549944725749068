export declare const SERVER_HEAP_LIMIT_MIB: number;
export declare function serverNodeOptions(existing?: string): string;
export declare function serverEnv<T extends Record<string, string | undefined>>(env: T): T & { NODE_OPTIONS: string };
