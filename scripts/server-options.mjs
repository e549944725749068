// How the web server (`next start`) is run, in one place: `npm start`, `npm run demo`, the end-to-end
// server and the benchmarks all start it through `serverEnv`.
//
// The V8 heap is limited to 1 GiB. Without a limit Node takes a quarter of the machine's memory (4 GiB
// on a 24 GiB machine) and V8 then lets garbage build up to about four times the live heap before a
// full collection, so a long CSV export could leave the process 80–100 MiB bigger for a while; with
// 1 GiB it collects sooner and the same export peaks about 40 MiB above its starting level
// (docs/performance.md). 1 GiB is several times what the server uses at 1M declarations.
export const SERVER_HEAP_LIMIT_MIB = 1024;

/** `NODE_OPTIONS` for the server: the heap limit, then whatever the caller already set (which wins). */
export function serverNodeOptions(existing = "") {
  return [`--max-old-space-size=${SERVER_HEAP_LIMIT_MIB}`, existing.trim()].filter(Boolean).join(" ");
}

/** `env` with the server's `NODE_OPTIONS`. */
export function serverEnv(env) {
  return { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS ?? "") };
}
