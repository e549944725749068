// `npm start`: the production server (`next start`, after `npm run build`) with the Node options in
// scripts/server-options.mjs. Arguments go to `next start` (e.g. `npm start -- -p 8080`).
import { spawn } from "node:child_process";
import path from "node:path";
import { serverEnv } from "./server-options.mjs";

const next = path.join(import.meta.dirname, "..", "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [next, "start", ...process.argv.slice(2)], { stdio: "inherit", env: serverEnv(process.env) });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
