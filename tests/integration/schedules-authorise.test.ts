// Issue 14, items 1 and 7 on the demo data: the schedule pages' queries, DfE's authorise rule in the
// authorise transaction (refusals change nothing), and the contract's revised recruitment target.
import { describe, expect, it } from "vitest";
import { staffActor } from "@/lib/db/audit";
import { checkAuthorisation } from "@/lib/statements/authorise";
import { loadStatementView } from "@/lib/statements/view";
import { findSchedule, listSchedulesByCohort } from "@/lib/schedules/queries";
import { seedDemo } from "@/prisma/seed/demo";
import { authoriseAsApprover } from "./approver";
import { DEMO_TODAY } from "./demo-today";
import { availableKinds, withTestDb, type TestDb } from "./db";

/** A digest of everything authorising could touch: statuses, states, update times, snapshots, audit entries. */
async function fingerprint(db: TestDb): Promise<string> {
  const [row] = await db.sql.query<{ digest: string }>(`
    SELECT md5(
      (SELECT coalesce(string_agg(concat_ws('|', id, status, updated_at, marked_as_paid_at, marked_as_paid_by, snapshot::text), ',' ORDER BY id), '') FROM statements) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, state, updated_at), ',' ORDER BY id), '') FROM statement_line_items) ||
      (SELECT coalesce(string_agg(concat_ws('|', id, state, updated_at), ',' ORDER BY id), '') FROM participant_declarations) ||
      (SELECT count(*)::text FROM audit_logs)
    ) AS digest`);
  return row!.digest;
}

async function approver(db: TestDb) {
  return db.prisma.staffUser.findUniqueOrThrow({ where: { email: "approver@example.com" } });
}

const DAY = 86_400_000;

describe.each(availableKinds())("schedules and the authorise rule on %s", (kind) => {
  it("lists 12 schedules for every cohort, newest cohort first, each with its milestones", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const cohorts = await listSchedulesByCohort(db.prisma);
      const years = cohorts.map((c) => c.cohortYear);
      expect(years.length).toBe(await db.prisma.cohort.count());
      expect(years).toEqual([...years].sort((a, b) => b - a));
      for (const cohort of cohorts) {
        expect(cohort.schedules).toHaveLength(12);
        expect(cohort.schedules[0]?.identifier).toBe("ecf-standard-september");
        expect(cohort.schedules.at(-1)?.identifier).toBe("ecf-replacement-april");
      }

      const latest = cohorts[0]!;
      for (const summary of latest.schedules) {
        const schedule = await findSchedule(db.prisma, summary.id);
        expect(schedule).toMatchObject({ id: summary.id, identifier: summary.identifier, name: summary.name, cohortYear: latest.cohortYear });
        expect(schedule!.milestones).toHaveLength(summary.milestoneCount);
        expect(summary.milestoneCount).toBeGreaterThanOrEqual(6);
        // Standard schedules end each milestone; extended, reduced and replacement ones have no milestone date.
        const ends = schedule!.milestones.map((m) => m.milestoneDate);
        if (summary.identifier.startsWith("ecf-standard-")) expect(ends.every((d) => d !== null)).toBe(true);
        else expect(ends.every((d) => d === null)).toBe(true);
        const starts = schedule!.milestones.map((m) => m.startDate.getTime());
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }
      expect(await findSchedule(db.prisma, "6f1c3c1e-0000-4000-8000-000000000000")).toBeNull();
    });
  });

  it("the authorise transaction refuses a service-fee-only statement and one with no declarations, changing nothing", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const user = await approver(db);
      const actor = staffActor(user);

      // Service fees only: refused whatever its status, even past its cut-off.
      const serviceFee = await db.prisma.statement.findFirstOrThrow({ where: { outputFee: false, status: { not: "paid" } } });
      const afterItsCutOff = new Date(serviceFee.deadlineDate.getTime() + 2 * DAY);
      let digest = await fingerprint(db);
      expect(await authoriseAsApprover(db, { statementId: serviceFee.id, actor, now: afterItsCutOff })).toEqual({
        ok: false,
        code: "service_fee_only",
        message: "This statement pays service fees only, so there is nothing to authorise.",
      });
      expect(await checkAuthorisation(db.prisma, serviceFee, user, afterItsCutOff)).toMatchObject({ ok: false, code: "service_fee_only" });
      expect(await fingerprint(db)).toBe(digest);

      // An output statement with no line items, made payable for the test.
      const empty = await db.prisma.statement.findFirstOrThrow({
        where: { outputFee: true, status: { not: "paid" }, lineItems: { none: {} } },
        orderBy: { deadlineDate: "asc" },
      });
      await db.prisma.statement.update({ where: { id: empty.id }, data: { status: "payable" } });
      const afterEmptyCutOff = new Date(empty.deadlineDate.getTime() + 2 * DAY);
      digest = await fingerprint(db);
      expect(await authoriseAsApprover(db, { statementId: empty.id, actor, now: afterEmptyCutOff })).toEqual({
        ok: false,
        code: "no_declarations",
        message: "There are no declarations on this statement to authorise.",
      });
      expect(await checkAuthorisation(db.prisma, { ...empty, status: "payable" }, user, afterEmptyCutOff)).toMatchObject({ ok: false, code: "no_declarations" });
      expect(await fingerprint(db)).toBe(digest);

      // A payable output statement with declarations, past its cut-off: the rule allows it.
      const payable = await db.prisma.statement.findFirstOrThrow({ where: { outputFee: true, status: "payable", lineItems: { some: {} } } });
      expect(await checkAuthorisation(db.prisma, payable, user, new Date(payable.deadlineDate.getTime() + DAY))).toMatchObject({ ok: true, to: "paid" });
    });
  });

  it("the contract panel's revised recruitment target: 150% rounded down, or the contract's own", async () => {
    await withTestDb(kind, async (db) => {
      await seedDemo(db, { today: DEMO_TODAY });
      const statement = await db.prisma.statement.findFirstOrThrow({ where: { outputFee: true, status: "payable" } });
      const contract = await db.prisma.callOffContract.findUniqueOrThrow({
        where: { leadProviderId_cohortId: { leadProviderId: statement.leadProviderId, cohortId: statement.cohortId } },
      });
      expect(contract.revisedRecruitmentTarget).toBeNull();
      let loaded = await loadStatementView(db.prisma, statement.id);
      expect(loaded?.kind === "view" && loaded.view.contract.revisedRecruitmentTarget).toBe(Math.floor((contract.recruitmentTarget * 3) / 2));

      await db.prisma.callOffContract.update({ where: { id: contract.id }, data: { revisedRecruitmentTarget: contract.recruitmentTarget + 7 } });
      loaded = await loadStatementView(db.prisma, statement.id);
      expect(loaded?.kind === "view" && loaded.view.contract.revisedRecruitmentTarget).toBe(contract.recruitmentTarget + 7);
    });
  });
});
