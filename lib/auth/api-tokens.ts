// Lead provider API tokens: random, shown once, stored only as a SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newApiToken(): string {
  return `ecf_${randomBytes(32).toString("base64url")}`;
}

/** Creates a token for the named lead provider and returns the plain token (shown once). */
export async function createApiToken(
  prisma: PrismaClient,
  leadProviderName: string,
  options: { token?: string; description?: string } = {},
): Promise<string> {
  const provider = await prisma.leadProvider.findUnique({ where: { name: leadProviderName } });
  if (!provider) {
    const names = (await prisma.leadProvider.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((p) => p.name);
    throw new Error(`No lead provider is called "${leadProviderName}". Lead providers: ${names.join(", ") || "none"}.`);
  }
  const token = options.token ?? newApiToken();
  await prisma.apiToken.create({
    data: { leadProviderId: provider.id, hashedToken: hashApiToken(token), description: options.description ?? null },
  });
  return token;
}
