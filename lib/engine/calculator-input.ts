/**
 * The calculator's JSON input (see docs/calculator.md), validated with zod.
 *
 * Money is a JSON number or a decimal string ("149651", "-100.00"): no exponents,
 * no NaN or Infinity. Counts are whole numbers of 0 or more (number or digit
 * string). Unknown fields are refused, so a misspelt optional field cannot silently
 * drop money. A refusal is one line naming the field, e.g.
 * `statements[0].lines[1].declarationType: expected one of started, retained-1, …`.
 */
import { z } from "zod";
import { DECLARATION_STATES } from "@/lib/domain/declaration-states";
import { DECLARATION_TYPES } from "@/lib/domain/declaration-types";
import { PARTICIPANT_TYPES } from "@/lib/domain/participant-types";
import type { CalculationInput } from "./calculate-statements";
import { contractProblems } from "./contract-rules";
import { Decimal } from "./money";
import { SERVICE_FEE_MONTHS } from "./service-fee";

const REQUIRED = "is required";
const SIGNED_DECIMAL = /^-?\d+(\.\d+)?$/;
const UNSIGNED_DECIMAL = /^\d+(\.\d+)?$/;
const WHOLE_NUMBER = /^\d+$/;

/** The text of a JSON number or string as a decimal, or null when it is neither. */
function decimalText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function decimalField(pattern: RegExp, expected: string, check: (d: Decimal) => boolean = () => true) {
  return z.unknown().transform((value, ctx): Decimal => {
    const text = decimalText(value);
    if (text === null || !pattern.test(text) || !check(new Decimal(text))) {
      ctx.addIssue({ code: "custom", message: value === undefined ? REQUIRED : expected });
      return z.NEVER;
    }
    return new Decimal(text);
  });
}

const signedMoney = decimalField(SIGNED_DECIMAL, 'expected an amount as a number or a decimal string such as "-100.00"');
const money = decimalField(
  UNSIGNED_DECIMAL,
  'expected an amount of 0 or more as a number or a decimal string such as "995"',
);
const nullableMoney = money.nullable();
const percentage = decimalField(
  UNSIGNED_DECIMAL,
  "expected a percentage from 0 to 100 as a number or a decimal string",
  (d) => d.lte(100),
);

const count = z.unknown().transform((value, ctx): number => {
  const text = decimalText(value);
  if (text === null || !WHOLE_NUMBER.test(text) || !Number.isSafeInteger(Number(text))) {
    ctx.addIssue({ code: "custom", message: value === undefined ? REQUIRED : "expected a whole number of 0 or more" });
    return z.NEVER;
  }
  return Number(text);
});
const nullableCount = count.nullable();

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? REQUIRED : `expected one of ${values.join(", ")}`),
  });
}

const boolean = z.boolean({ error: (issue) => (issue.input === undefined ? REQUIRED : "expected true or false") });

const id = z
  .string({ error: (issue) => (issue.input === undefined ? REQUIRED : "expected a string") })
  .min(1, { error: "expected a non-empty string" });

function object<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "invalid_type" ? (issue.input === undefined ? REQUIRED : "expected an object") : undefined,
  });
}

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: (issue) => (issue.input === undefined ? REQUIRED : "expected a list") });
}

const band = object({
  min: nullableCount,
  max: nullableCount,
  perParticipant: money,
  outputPaymentPercentage: percentage,
  serviceFeePercentage: percentage,
});

const bands = list(band)
  .min(1, { error: "expected at least one band" })
  .superRefine((value, ctx) => {
    value.forEach((b, i) => {
      const effectiveMin = Math.max(1, b.min ?? 0);
      if (b.max !== null && b.max < effectiveMin) {
        ctx.addIssue({ code: "custom", path: [i, "max"], message: `must be at least the band's minimum (${effectiveMin})` });
      }
    });
    if (value.filter((b) => b.max === null).length > 1) {
      const second = value.findLastIndex((b) => b.max === null);
      ctx.addIssue({ code: "custom", path: [second, "max"], message: "only one band can have no maximum (null)" });
    }
    const ordered = value
      .map((b, index) => ({ b, index }))
      .sort((x, y) => (x.b.max ?? Infinity) - (y.b.max ?? Infinity));
    ordered.forEach(({ b, index }, position) => {
      const below = ordered[position - 1];
      if (below?.b.max != null && Math.max(1, b.min ?? 0) <= below.b.max) {
        ctx.addIssue({
          code: "custom",
          path: [index, "min"],
          message: `must be above the maximum of the band below (${below.b.max}); bands cannot overlap`,
        });
      }
    });
  });

const contract = object({
  recruitmentTarget: count,
  setUpFee: nullableMoney,
  monthlyServiceFee: nullableMoney,
  upliftAmount: nullableMoney,
  vatChargeable: boolean,
  mentorFunding: boolean,
  bands,
});

const line = object({
  declarationType: oneOf(DECLARATION_TYPES),
  participantType: oneOf(PARTICIPANT_TYPES),
  state: oneOf(DECLARATION_STATES),
  uplift: boolean.optional(),
  count,
});

const statement = object({
  id,
  /** false: this statement pays no service-fee instalment. Default true. */
  serviceFee: boolean.optional(),
  lines: list(line),
  adjustments: list(signedMoney).optional(),
  reconcileAmount: signedMoney.optional(),
});

const calculatorInput = object({
  contract,
  mentorContract: object({ paymentPerParticipant: money }).nullable().optional(),
  statements: list(statement),
}).superRefine((value, ctx) => {
  for (const problem of contractProblems(value.contract)) {
    ctx.addIssue({ code: "custom", path: ["contract", problem.field], message: problem.message });
  }
  if (value.contract.mentorFunding && !value.mentorContract) {
    ctx.addIssue({ code: "custom", path: ["mentorContract"], message: "is required when contract.mentorFunding is true" });
  }
});

export type CalculatorInputResult = { ok: true; input: CalculationInput } | { ok: false; message: string };

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text === "" ? String(key) : `${text}.${String(key)}`;
  }, "");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `${formatPath([...issue.path, issue.keys[0] ?? ""])}: unknown field`;
  }
  const path = formatPath(issue.path);
  return `${path === "" ? "input" : path}: ${issue.message}`;
}

/** Parses and validates the calculator's JSON input. Never throws. */
export function parseCalculatorInput(text: string): CalculatorInputResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `input: invalid JSON (${reason.replace(/\s+/g, " ")})` };
  }
  const parsed = calculatorInput.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { ok: false, message: issue === undefined ? "input: invalid" : describeIssue(issue).replace(/\s+/g, " ") };
  }
  const value = parsed.data;
  // Statements that pay the service fee pay instalments 1, 2, … in order; none beyond the 29th.
  let instalments = 0;
  const instalmentOf = (paysServiceFee: boolean): number | null =>
    paysServiceFee && instalments < SERVICE_FEE_MONTHS ? ++instalments : null;
  return {
    ok: true,
    input: {
      contract: value.contract,
      mentorContract: value.mentorContract ?? null,
      statements: value.statements.map((s) => ({
        id: s.id,
        serviceFeeInstalment: instalmentOf(s.serviceFee ?? true),
        lines: s.lines.map((l) => ({ ...l, uplift: l.uplift ?? false })),
        adjustments: s.adjustments ?? [],
        reconcileAmount: s.reconcileAmount ?? new Decimal(0),
      })),
    },
  };
}
