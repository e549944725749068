// Command-line options of the seeding commands (`db:seed`, `db:setup -- --demo`): `--today YYYY-MM-DD`
// (the date the data is built around; default the current date, UTC) and, where allowed, `--scale N`.
import { currentUtcDate, parseIsoDate } from "./dates";

export class SeedUsageError extends Error {}

export interface SeedArgs {
  today: Date;
  scale: number | null;
}

/** The first day there is a cohort to build (cohort 2021's started window opened on 1 September 2021). */
const FIRST_DAY = "2021-09-01";

export function parseSeedArgs(argv: readonly string[], options: { usage: string; scale?: { max: number }; now?: Date }): SeedArgs {
  let today = currentUtcDate(options.now);
  let scale: number | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (name === "--help" || name === "-h") throw new SeedUsageError(options.usage);
    if (name !== "--today" && !(name === "--scale" && options.scale)) throw new SeedUsageError(`Unknown argument "${arg}". ${options.usage}`);
    let value = inline;
    if (value === undefined) {
      value = argv[i + 1];
      i += 1;
    }
    if (name === "--today") {
      const date = parseIsoDate(value ?? "");
      if (!date || (value ?? "") < FIRST_DAY) throw new SeedUsageError(`--today needs a date like 2026-10-20, on or after ${FIRST_DAY}, got "${value ?? ""}".`);
      today = date;
    } else {
      const max = options.scale?.max ?? 0;
      const text = (value ?? "").replace(/[_,]/g, "");
      if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
        throw new SeedUsageError(`--scale needs a whole number of declarations from 1 to ${max.toLocaleString("en-GB")}, got "${value ?? ""}".`);
      }
      scale = Number(text);
    }
  }
  return { today, scale };
}

export interface SetupArgs {
  /** Seed the demo data (known passwords and tokens): only when asked for with --demo. */
  demo: boolean;
  today: Date;
}

/** `db:setup [--demo [--today YYYY-MM-DD]]`: --today builds the demo data, so it needs --demo. */
export function parseSetupArgs(argv: readonly string[], options: { usage: string; now?: Date }): SetupArgs {
  const demo = argv.includes("--demo");
  const rest = argv.filter((arg) => arg !== "--demo");
  const { today } = parseSeedArgs(rest, options);
  if (!demo && rest.some((arg) => arg === "--today" || arg.startsWith("--today="))) {
    throw new SeedUsageError(`--today is the date the demo data is built around: it goes with --demo. ${options.usage}`);
  }
  return { demo, today };
}
