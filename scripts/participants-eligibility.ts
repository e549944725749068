// `npm run participants:eligibility -- --participant <id> --eligible`
// `npm run participants:eligibility -- --participant <id> --ineligible --reason <reason>`
//
// Records DfE's funding-eligibility decision for a participant (any of their ids: user id,
// external identifier or a retired id). Their `submitted` declarations become eligible (or
// ineligible, with the reason) and go on the next open output statement of their cohort.
// Audited; running it again with the same decision changes nothing. Exit 0 when done (or nothing
// to do), 1 when refused (nothing changed), 2 for a usage error.
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { dbConfigFromEnv, describeDbConfig } from "@/lib/db/config";
import { INELIGIBILITY_REASONS, isIneligibilityReason } from "@/lib/domain/ineligibility-reasons";
import { recordEligibility, type EligibilityDecisionInput } from "@/lib/participants/eligibility";
import { isUuid, normaliseUuid } from "@/lib/validation/ids";
import { UsageError, firstLine, runCommand } from "./command";

const USAGE =
  "Usage: npm run participants:eligibility -- --participant <id> (--eligible | --ineligible --reason <reason>)\n" +
  `Reasons: ${INELIGIBILITY_REASONS.join(", ")}`;

const ACTOR = { type: "system", id: "participants:eligibility", label: "participants:eligibility" } as const;


export function parseEligibilityArgs(argv: string[]): { participantId: string; decision: EligibilityDecisionInput } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        participant: { type: "string" },
        eligible: { type: "boolean" },
        ineligible: { type: "boolean" },
        reason: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) throw new UsageError(USAGE);
  const id = values.participant?.trim() ?? "";
  if (!id) throw new UsageError(`--participant is required.\n${USAGE}`);
  if (!isUuid(id)) throw new UsageError(`--participant must be a participant id (a UUID), got "${(values.participant ?? "").trim().slice(0, 60)}".`);
  if (values.eligible === values.ineligible) throw new UsageError(`Give exactly one of --eligible and --ineligible.\n${USAGE}`);
  if (values.eligible) {
    if (values.reason !== undefined) throw new UsageError("--reason goes with --ineligible only.");
    return { participantId: normaliseUuid(id), decision: { eligible: true } };
  }
  const reason: string = values.reason?.trim() ?? "";
  if (!reason) throw new UsageError(`--ineligible needs --reason, one of: ${INELIGIBILITY_REASONS.join(", ")}.`);
  if (!isIneligibilityReason(reason)) {
    throw new UsageError(`--reason must be one of ${INELIGIBILITY_REASONS.join(", ")}, got "${reason.slice(0, 60)}".`);
  }
  return { participantId: normaliseUuid(id), decision: { eligible: false, reason } };
}

async function main(): Promise<number> {
  const { participantId, decision } = parseEligibilityArgs(process.argv.slice(2));
  const config = dbConfigFromEnv();
  const db = await createDb(config);
  try {
    console.log(`Recording eligibility in the ${describeDbConfig(config)}.`);
    const outcome = await recordEligibility(db.prisma, { participantId, decision, actor: ACTOR, now: new Date() });
    if (!outcome.ok) {
      console.error(
        outcome.code === "participant_not_found"
          ? `No participant has the id ${participantId}: nothing changed.`
          : `Declaration ${outcome.declarationId} has no open output statement in the ${outcome.cohortStartYear} cohort to go on: nothing changed.`,
      );
      return 1;
    }
    const what = decision.eligible ? "eligible for funding" : `not eligible for funding (${decision.reason})`;
    if (outcome.profilesChanged === 0 && outcome.declarations.length === 0) {
      console.log(`Participant ${outcome.userId} is already recorded as ${what}: nothing changed.`);
      return 0;
    }
    console.log(`Participant ${outcome.userId} recorded as ${what}.`);
    for (const d of outcome.declarations) console.log(`  Declaration ${d.declarationId}: ${d.state}, on statement ${d.statementId}`);
    console.log(`${outcome.declarations.length} submitted declaration${outcome.declarations.length === 1 ? "" : "s"} decided.`);
    return 0;
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCommand(main, (error) => `Recording eligibility failed: ${firstLine(error)}`);
}
