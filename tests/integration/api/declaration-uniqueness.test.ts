// At most one live declaration per event (participant profile, course, declaration type), held by
// the database itself (the exclusion constraint participant_declarations_one_live_per_event,
// migration 20261206002300_hardening), not only by the submission's row lock; and a submission that
// loses a race to it gets the seed's duplicate message, never a 500.
import { describe, expect, it } from "vitest";
import { POST as postDeclaration } from "@/app/api/v3/participant-declarations/route";
import { availableKinds } from "../db";
import { AMBITION, apiRequest, call, declarationBody, makeParticipant, useSeededApi, type Fixture } from "./helpers";

const DUPLICATE = "A declaration has already been submitted that will be, or has been, paid for this event";
const STARTED_2025 = "2025-10-01T10:00:00.000Z";

function post(attributes: Record<string, unknown>) {
  return call(postDeclaration, apiRequest("POST", "/api/v3/participant-declarations", { as: AMBITION, body: declarationBody(attributes) }));
}

function started(fixture: Fixture) {
  return { participant_id: fixture.userId, declaration_type: "started", declaration_date: STARTED_2025, course_identifier: "ecf-induction" };
}

/** A copy of declaration `id` with a new id and `state`, as one INSERT statement. */
const COPY = `
  INSERT INTO participant_declarations
  SELECT (jsonb_populate_record(NULL::participant_declarations,
            to_jsonb(d) || jsonb_build_object('id', gen_random_uuid(), 'state', $2::text))).*
    FROM participant_declarations d WHERE d.id = $1::uuid`;

describe.each(availableKinds())("one live declaration per event on %s", (kind) => {
  const ctx = useSeededApi(kind);

  it("refuses a direct INSERT of a second live declaration; voided, ineligible and clawback states may repeat", async () => {
    const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025 });
    const first = await post(started(fixture));
    expect(first.status).toBe(200);
    const id: string = first.body.data.id;
    for (const live of ["submitted", "eligible", "payable", "paid"]) {
      await expect(ctx.db.sql.query(COPY, [id, live])).rejects.toThrow(/participant_declarations_one_live_per_event/);
    }
    for (const dead of ["voided", "ineligible", "awaiting_clawback", "clawed_back"]) await ctx.db.sql.query(COPY, [id, dead]);
    expect(await ctx.prisma.participantDeclaration.count({ where: { participantProfileId: fixture.profileId } })).toBe(5);
    // A dead one cannot come back to life beside the live one; once that one is voided, it can.
    const revive = (from: string, to: string) =>
      ctx.db.sql.query(`UPDATE participant_declarations SET state = $3::"DeclarationState" WHERE participant_profile_id = $1::uuid AND state = $2::"DeclarationState"`, [
        fixture.profileId,
        from,
        to,
      ]);
    await expect(revive("ineligible", "payable")).rejects.toThrow(/participant_declarations_one_live_per_event/);
    await ctx.db.sql.query(`UPDATE participant_declarations SET state = 'voided' WHERE id = $1::uuid`, [id]);
    await revive("ineligible", "payable");
    // Another course or declaration type of the same participant is another event.
    await ctx.db.sql.query(COPY.replace("'state', $2::text", "'state', $2::text, 'declaration_type', 'retained-1'"), [id, "eligible"]);
    expect(await ctx.prisma.participantDeclaration.count({ where: { participantProfileId: fixture.profileId, state: { in: ["eligible", "payable"] } } })).toBe(2);
  });

  it("two submissions at once: one declaration, and the seed's duplicate message for the other", async () => {
    const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025 });
    const results = await Promise.all([post(started(fixture)), post(started(fixture))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.status === 422)!.body).toEqual({ errors: [{ title: "participant_id", detail: DUPLICATE }] });
    expect(await ctx.prisma.participantDeclaration.count({ where: { participantProfileId: fixture.profileId } })).toBe(1);
  });

  it("a submission the constraint refuses (a write its own checks did not see) gets the duplicate message, not a 500", async () => {
    // The submission's row lock and check leave no such gap in the app's own code; a trigger stands
    // in for a writer that does (it adds a live copy of each new declaration of this participant,
    // inside the submission's transaction).
    const fixture = await makeParticipant(ctx.prisma, { provider: AMBITION, cohort: 2025 });
    await ctx.db.sql.exec(`
      CREATE FUNCTION test_shadow_declaration() RETURNS trigger AS $$
      BEGIN
        IF pg_trigger_depth() = 1 AND NEW.participant_profile_id = '${fixture.profileId}' THEN
          INSERT INTO participant_declarations
          SELECT (jsonb_populate_record(NULL::participant_declarations, to_jsonb(NEW) || jsonb_build_object('id', gen_random_uuid()))).*;
        END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER test_shadow_declaration AFTER INSERT ON participant_declarations
        FOR EACH ROW EXECUTE FUNCTION test_shadow_declaration();`);
    try {
      const result = await post(started(fixture));
      expect(result.status).toBe(422);
      expect(result.body).toEqual({ errors: [{ title: "participant_id", detail: DUPLICATE }] });
    } finally {
      await ctx.db.sql.exec(`DROP TRIGGER test_shadow_declaration ON participant_declarations; DROP FUNCTION test_shadow_declaration();`);
    }
    // The whole submission rolled back: no declaration, line item or audit entry.
    expect(await ctx.prisma.participantDeclaration.count({ where: { participantProfileId: fixture.profileId } })).toBe(0);
    expect(await ctx.prisma.statementLineItem.count({ where: { declaration: { participantProfileId: fixture.profileId } } })).toBe(0);
    expect(await ctx.prisma.auditLog.count({ where: { action: "declaration.submit", userId: fixture.userId } })).toBe(0);
    // And the participant can still submit.
    expect((await post(started(fixture))).status).toBe(200);
  });
});
