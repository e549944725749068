// `npm run statements:mark-payable` — for a daily scheduler. Every open statement whose milestone
// cut-off date has passed becomes payable, with its eligible line items (and their declarations).
// Idempotent: running it again the same day changes nothing. Audited as "statements:mark-payable".
//
//   --today YYYY-MM-DD   pretend it is this date (UTC): not in production, never a future date
//                        (markPayableDateRefusal).
import { createDb } from "@/lib/db/client";
import { parseIsoDate } from "@/lib/domain/dates";
import { dbConfigFromEnv, describeDbConfig } from "@/lib/db/config";
import { markPayableDateRefusal, runMarkPayableJob } from "@/lib/statements/mark-payable";

const USAGE = "Usage: tsx scripts/statements-mark-payable.ts [--today YYYY-MM-DD]";

class UsageError extends Error {}

function parseToday(argv: readonly string[], now = new Date()): Date {
  const today = parseTodayArgument(argv, now);
  if (today === now) return now;
  const refusal = markPayableDateRefusal(today, now);
  if (refusal) throw new UsageError(refusal);
  return today;
}

function parseTodayArgument(argv: readonly string[], now: Date): Date {
  let today = now;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    let value: string | undefined;
    if (arg === "--today") {
      value = argv[i + 1];
      i += 1;
    } else if (arg.startsWith("--today=")) {
      value = arg.slice("--today=".length);
    } else if (arg === "--help" || arg === "-h") {
      throw new UsageError(USAGE);
    } else {
      throw new UsageError(`Unknown argument "${arg}". ${USAGE}`);
    }
    const date = parseIsoDate(value ?? "");
    if (!date) {
      throw new UsageError(`--today needs a date like 2026-11-25, got "${value ?? ""}".`);
    }
    today = date;
  }
  return today;
}

async function main(): Promise<void> {
  const today = parseToday(process.argv.slice(2));
  const config = dbConfigFromEnv();
  const db = await createDb(config);
  try {
    console.log(`Marking statements payable on ${today.toISOString().slice(0, 10)} in the ${describeDbConfig(config)}.`);
    const run = await runMarkPayableJob(db, { today });
    if (!run.ran) {
      console.log("Another run of statements:mark-payable is in progress (on this or another instance): nothing done here.");
      return;
    }
    const marked = run.result;
    if (marked.length === 0) {
      console.log("No open statements are past their cut-off date: nothing changed.");
      return;
    }
    for (const statement of marked) {
      console.log(
        `  ${statement.leadProviderName}, ${statement.cohortYear} cohort, ${statement.name}: payable ` +
          `(${statement.lineItemsMadePayable.toLocaleString("en-GB")} line items made payable)`,
      );
    }
    console.log(`${marked.length} statement${marked.length === 1 ? "" : "s"} marked payable.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof UsageError ? message : `Marking statements payable failed: ${message}`);
  process.exit(1);
});
