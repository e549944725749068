// `npm run -s api:token -- --provider "<lead provider name>"`: creates an API token for that
// lead provider and prints only the token on stdout (it is stored hashed and never shown again).
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { dbConfigFromEnv } from "@/lib/db/config";
import { createApiToken } from "@/lib/auth/api-tokens";

async function main() {
  const { values } = parseArgs({ options: { provider: { type: "string" }, description: { type: "string" } } });
  if (!values.provider?.trim()) {
    console.error('Usage: npm run -s api:token -- --provider "<lead provider name>"');
    process.exit(2);
  }
  const db = await createDb(dbConfigFromEnv());
  try {
    const token = await createApiToken(db.prisma, values.provider.trim(), { description: values.description ?? "Created with npm run api:token" });
    process.stdout.write(`${token}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
