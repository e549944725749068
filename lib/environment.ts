// Where the code is running. `next start` (and so `npm run demo` and the end-to-end server) always runs
// with NODE_ENV=production, so "production" here is NODE_ENV=production, and a demo or test set-up that
// needs something refused in production passes NODE_ENV of its own to the command that needs it.
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production";
}
