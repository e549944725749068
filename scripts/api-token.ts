// Lead provider API tokens from the command line:
//   npm run -s api:token -- --provider "<name>" [--expires-in-days N | --expires YYYY-MM-DD] [--description "<text>"]
//     creates a token (default: it expires in 90 days) and prints only the token on stdout (it is
//     stored hashed and never shown again); its id and expiry go to stderr.
//   npm run api:token:revoke -- --id <token id>     refused from now on, like an unknown token
//   npm run api:token:list [-- --provider "<name>"] ids, status, expiry and last use; never a token
// Exit 0 when done, 1 when refused (nothing changed), 2 for a usage error.
import { createDb } from "@/lib/db/client";
import { dbConfigFromEnv } from "@/lib/db/config";
import { apiTokenStatus, createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { parseTokenArgs } from "./accounts-cli";
import { runCommand } from "./command";

const when = (date: Date | null, none: string) => (date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : none);

async function main(): Promise<number> {
  const now = new Date();
  const args = parseTokenArgs(process.argv.slice(2), now);
  const db = await createDb(dbConfigFromEnv());
  try {
    switch (args.command) {
      case "create": {
        const created = await createApiToken(db.prisma, args.provider, { description: args.description, expiresAt: args.expiresAt, now });
        process.stdout.write(`${created.token}\n`);
        console.error(`Token ${created.id} for ${args.provider}, expires ${when(created.expiresAt, "never")}. Shown once: keep it now.`);
        return 0;
      }
      case "revoke": {
        const outcome = await revokeApiToken(db.prisma, args.id, now);
        if (outcome === "unknown") {
          console.error(`No API token has the id ${args.id}: nothing changed. (npm run api:token:list shows the ids.)`);
          return 1;
        }
        console.log(outcome === "revoked" ? `Token ${args.id} revoked: the API refuses it from now on.` : `Token ${args.id} was already revoked: nothing changed.`);
        return 0;
      }
      case "list": {
        const tokens = await listApiTokens(db.prisma, { leadProviderName: args.provider });
        console.log(["id", "lead provider", "status", "created", "expires", "last used", "description"].join("\t"));
        for (const t of tokens) {
          console.log(
            [t.id, t.leadProvider, apiTokenStatus(t, now), when(t.createdAt, "-"), when(t.expiresAt, "never"), when(t.lastUsedAt, "never"), t.description ?? ""].join("\t"),
          );
        }
        return 0;
      }
    }
  } finally {
    await db.close();
  }
}

runCommand(main);
