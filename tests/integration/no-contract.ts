// A lead provider with one payable statement (November 2026, 2024 cohort) and no call-off contract
// for it, on the demo data; `remove()` takes both away again, so the demo is left as it was.
import type { PrismaClient } from "@/generated/prisma/client";

export async function statementWithoutContract(prisma: PrismaClient, providerName: string) {
  const provider = await prisma.leadProvider.create({ data: { name: providerName } });
  const cohort = await prisma.cohort.findFirstOrThrow({ where: { startYear: 2024 } });
  const statement = await prisma.statement.create({
    data: {
      leadProviderId: provider.id,
      cohortId: cohort.id,
      name: "November 2026",
      month: 11,
      year: 2026,
      deadlineDate: new Date("2026-10-31"),
      paymentDate: new Date("2026-11-25"),
      status: "payable",
    },
  });
  return {
    provider,
    statement,
    async remove(): Promise<void> {
      await prisma.statement.delete({ where: { id: statement.id } });
      await prisma.leadProvider.delete({ where: { id: provider.id } });
    },
  };
}
