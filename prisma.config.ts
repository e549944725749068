// Prisma CLI configuration: the WebAssembly schema engine over the pg driver adapter, so
// `prisma migrate dev|deploy|diff|status` run offline (no native engine download).
// Two adapter bugs in Prisma 6.19 are worked around in scripts/prisma/cli-adapter.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./scripts/prisma/cli-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return cliAdapter(process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/ecf_finance_dev");
  },
});
