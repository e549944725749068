import { describe, expect, it } from "vitest";
import { parseCalculatorInput } from "@/lib/engine/calculator-input";
import { exampleInput } from "./example-input";

type Input = ReturnType<typeof exampleInput>;

function refusal(change: (input: Input) => void): string {
  const input = exampleInput();
  change(input);
  const result = parseCalculatorInput(JSON.stringify(input));
  if (result.ok) throw new Error("expected the input to be refused");
  expect(result.message).not.toContain("\n");
  return result.message;
}

const line0 = (input: Input) => input.statements[0]!.lines[0]!;

describe("parseCalculatorInput: good input", () => {
  it("parses money from strings and numbers, counts from numbers and digit strings, and fills in optional fields", () => {
    const input = exampleInput();
    input.contract.bands[0]!.perParticipant = "995.50";
    input.statements[0]!.adjustments = [-100, "20.25"];
    const result = parseCalculatorInput(JSON.stringify(input));
    if (!result.ok) throw new Error(result.message);
    expect(result.input.contract.bands[0]?.perParticipant.toString()).toBe("995.5");
    expect(result.input.contract.monthlyServiceFee).toBeNull();
    expect(result.input.statements[0]?.adjustments.map(String)).toEqual(["-100", "20.25"]);
    expect(result.input.statements[0]?.lines[1]?.uplift).toBe(false);
    expect(result.input.statements[1]?.lines[0]?.count).toBe(2000);
    expect(result.input.statements[1]?.adjustments).toEqual([]);
    expect(result.input.statements[1]?.reconcileAmount.toString()).toBe("0");
    expect(result.input.mentorContract?.paymentPerParticipant.toString()).toBe("1000");
  });

  it("numbers the statements that pay the service fee 1, 2, …; \"serviceFee\": false pays none, and none beyond the 29th", () => {
    const input = exampleInput();
    const statements = [
      { ...input.statements[0]!, serviceFee: false },
      ...Array.from({ length: 31 }, (_, i) => ({ ...input.statements[1]!, id: `M${i + 1}` })),
    ];
    const result = parseCalculatorInput(JSON.stringify({ ...input, statements }));
    if (!result.ok) throw new Error(result.message);
    const instalments = result.input.statements.map((s) => s.serviceFeeInstalment);
    expect(instalments).toEqual([null, ...Array.from({ length: 29 }, (_, i) => i + 1), null, null]);
  });

  it("refuses an uplift amount and a fourth ECT band in a cohort with mentor funding (from 2025)", () => {
    expect(refusal((input) => Object.assign(input.contract, { mentorFunding: true }))).toBe(
      "contract.upliftAmount: must be null when contract.mentorFunding is true (no uplift from the 2025 cohort)",
    );
    expect(
      refusal((input) => {
        Object.assign(input.contract, { mentorFunding: true, upliftAmount: null });
        input.contract.bands[2]!.max = 5000 as unknown as null;
        input.contract.bands.push({ min: 5001, max: null, perParticipant: "950", outputPaymentPercentage: 100, serviceFeePercentage: 0 });
      }),
    ).toBe("contract.bands: at most 3 ECT bands (A–C) when contract.mentorFunding is true");
    const ok = exampleInput();
    Object.assign(ok.contract, { mentorFunding: true, upliftAmount: null });
    expect(parseCalculatorInput(JSON.stringify(ok)).ok).toBe(true);
  });

  it("refuses a serviceFee that is not true or false", () => {
    expect(refusal((input) => Object.assign(input.statements[0]!, { serviceFee: "no" }))).toBe("statements[0].serviceFee: expected true or false");
  });

  it("treats a missing or null mentor contract as none when the cohort has no mentor funding", () => {
    const withoutMentor = exampleInput();
    delete withoutMentor.mentorContract;
    const parsed = parseCalculatorInput(JSON.stringify(withoutMentor));
    expect(parsed.ok && parsed.input.mentorContract).toBeNull();
    const nullMentor = parseCalculatorInput(JSON.stringify({ ...exampleInput(), mentorContract: null }));
    expect(nullMentor.ok && nullMentor.input.mentorContract).toBeNull();
  });
});

describe("parseCalculatorInput: bad input gives one line naming the field", () => {
  it("invalid JSON", () => {
    const result = parseCalculatorInput("{ not json");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^input: invalid JSON \(/);
  });

  it("not an object", () => {
    expect(parseCalculatorInput("[]")).toEqual({ ok: false, message: "input: expected an object" });
  });

  it.each<[string, (input: Input) => void, string]>([
    ["missing contract", (i) => delete (i as Partial<Input>).contract, "contract: is required"],
    [
      "missing field",
      (i) => delete (i.contract as Partial<Input["contract"]>).vatChargeable,
      "contract.vatChargeable: is required",
    ],
    [
      "bad declaration type",
      (i) => (line0(i).declarationType = "begun"),
      "statements[0].lines[0].declarationType: expected one of started, retained-1, retained-2, retained-3, retained-4, completed, extended-1, extended-2, extended-3",
    ],
    [
      "bad participant type",
      (i) => (line0(i).participantType = "teacher"),
      "statements[0].lines[0].participantType: expected one of ect, mentor",
    ],
    [
      "bad state",
      (i) => (line0(i).state = "cancelled"),
      "statements[0].lines[0].state: expected one of submitted, eligible, ineligible, payable, voided, paid, awaiting_clawback, clawed_back",
    ],
    ["negative count", (i) => (line0(i).count = -1), "statements[0].lines[0].count: expected a whole number of 0 or more"],
    ["fractional count", (i) => (line0(i).count = 1.5), "statements[0].lines[0].count: expected a whole number of 0 or more"],
    ["count as words", (i) => (line0(i).count = "ten"), "statements[0].lines[0].count: expected a whole number of 0 or more"],
    ["uplift not a boolean", (i) => (line0(i).uplift = "yes"), "statements[0].lines[0].uplift: expected true or false"],
    [
      "bad money string",
      (i) => (i.statements[0]!.adjustments = ["12,00"]),
      'statements[0].adjustments[0]: expected an amount as a number or a decimal string such as "-100.00"',
    ],
    [
      "money with an exponent",
      (i) => (i.statements[0]!.reconcileAmount = "1e5"),
      'statements[0].reconcileAmount: expected an amount as a number or a decimal string such as "-100.00"',
    ],
    [
      "money number too large to write without an exponent",
      (i) => (i.statements[0]!.reconcileAmount = 1e21),
      'statements[0].reconcileAmount: expected an amount as a number or a decimal string such as "-100.00"',
    ],
    [
      "negative price",
      (i) => (i.contract.bands[0]!.perParticipant = "-995"),
      'contract.bands[0].perParticipant: expected an amount of 0 or more as a number or a decimal string such as "995"',
    ],
    [
      "percentage over 100",
      (i) => ((i.contract.bands[0] as Record<string, unknown>).serviceFeePercentage = 140),
      "contract.bands[0].serviceFeePercentage: expected a percentage from 0 to 100 as a number or a decimal string",
    ],
    [
      "mentor funding without a mentor contract",
      (i) => {
        i.contract.mentorFunding = true;
        i.contract.upliftAmount = null;
        delete i.mentorContract;
      },
      "mentorContract: is required when contract.mentorFunding is true",
    ],
    [
      "misspelt field",
      (i) => ((i.statements[0] as Record<string, unknown>).reconcileAmmount = "1"),
      "statements[0].reconcileAmmount: unknown field",
    ],
    ["no bands", (i) => (i.contract.bands = []), "contract.bands: expected at least one band"],
    [
      "overlapping bands",
      (i) => (i.contract.bands[1]!.min = 1500),
      "contract.bands[1].min: must be above the maximum of the band below (2000); bands cannot overlap",
    ],
    [
      "two unbounded bands",
      (i) => (i.contract.bands[1]!.max = null as unknown as number),
      "contract.bands[2].max: only one band can have no maximum (null)",
    ],
    [
      "max below min",
      (i) => (i.contract.bands[1]!.max = 2000),
      "contract.bands[1].max: must be at least the band's minimum (2001)",
    ],
    ["empty statement id", (i) => (i.statements[0]!.id = ""), "statements[0].id: expected a non-empty string"],
    ["lines not a list", (i) => ((i.statements[1] as Record<string, unknown>).lines = {}), "statements[1].lines: expected a list"],
  ])("%s", (_name, change, message) => {
    expect(refusal(change)).toBe(message);
  });
});
