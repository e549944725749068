import DecimalJs from "decimal.js";
import { describe, expect, it } from "vitest";
import { DECLARATION_TYPES } from "@/lib/domain/declaration-types";
import { calculateStatements } from "@/lib/engine/calculate-statements";
import { band, contract, d, line, money, statement } from "./fixtures";

// Bands for hand-working: A holds 2, B holds 2, C is unbounded.
// Started fees at 60% output: A £1,000 → £120, B £800 → £96, C £500 → £60.
const smallBands = [band(0, 2, 1000), band(3, 4, 800), band(5, null, 500)];

describe("calculateStatements: bands across statements (hand-worked)", () => {
  const results = calculateStatements({
    contract: contract({ bands: smallBands, monthlyServiceFee: d(1000) }),
    mentorContract: null,
    statements: [
      statement("S1", [line("started", "paid", 3), line("retained-1", "paid", 1)]),
      statement("S2", [line("started", "payable", 2), line("started", "awaiting_clawback", 1)]),
      statement("S3", [line("started", "awaiting_clawback", 3), line("started", "voided", 4)]),
    ],
  });
  const [s1, s2, s3] = results;
  if (!s1 || !s2 || !s3) throw new Error("expected three statements");
  const started = (s: typeof s1) => s.ect.outputs.started.bands;

  it("S1: 3 started fill A (2 × £120) and B (1 × £96); retained-1 is banded on its own", () => {
    expect(started(s1).map((b) => [b.letter, b.previous, b.additions, b.subtractions, b.count])).toEqual([
      ["A", 0, 2, 0, 2],
      ["B", 0, 1, 0, 1],
      ["C", 0, 0, 0, 0],
    ]);
    expect(money(s1.ect.outputs.started.payment)).toBe("336");
    expect(s1.ect.outputs["retained-1"].bands.map((b) => b.additions)).toEqual([1, 0, 0]);
    expect(money(s1.ect.outputs["retained-1"].payment)).toBe("90");
    expect(money(s1.ect.outputPayment)).toBe("426");
    expect(money(s1.ect.clawbacks)).toBe("0");
    expect(money(s1.total)).toBe("1426");
  });

  it("S2: additions land in B and C; the clawback comes off this statement's addition in C (step 3)", () => {
    expect(started(s2).map((b) => [b.letter, b.previous, b.additions, b.subtractions, b.count])).toEqual([
      ["A", 2, 0, 0, 0],
      ["B", 1, 1, 0, 1],
      ["C", 0, 1, 1, 0],
    ]);
    expect(money(s2.ect.outputPayment)).toBe("156");
    expect(money(s2.ect.clawbacks)).toBe("-60");
    expect(money(s2.total)).toBe("1096");
  });

  it("S3: clawbacks with no additions land on earlier bands, highest first: 2 in B and 1 in A (step 4)", () => {
    expect(started(s3).map((b) => [b.letter, b.previous, b.additions, b.subtractions, b.count])).toEqual([
      ["A", 2, 0, 1, -1],
      ["B", 2, 0, 2, -2],
      ["C", 0, 0, 0, 0],
    ]);
    expect(money(s3.ect.clawbacks)).toBe("-312");
    expect(money(s3.ect.outputPayment)).toBe("0");
    expect(money(s3.total)).toBe("688");
  });

  it("nets to one participant in band A over the three statements", () => {
    const net = results.reduce((sum, s) => sum.plus(s.ect.outputs.started.payment).plus(s.ect.outputs.started.clawbacks), d(0));
    expect(money(net)).toBe("120");
  });

  it("lists every declaration type with every band letter", () => {
    for (const s of results) {
      expect(Object.keys(s.ect.outputs)).toEqual([...DECLARATION_TYPES]);
      for (const type of DECLARATION_TYPES) {
        expect(s.ect.outputs[type].bands.map((b) => b.letter)).toEqual(["A", "B", "C"]);
      }
    }
  });
});

describe("calculateStatements: the seed's band example through the calculator", () => {
  it("previous 2100, current 2000 → A 0, B 1900, C 100", () => {
    const [, second] = calculateStatements({
      contract: contract({ bands: [band(null, 2000, 1000), band(2001, 4000, 900), band(4001, null, 800)] }),
      mentorContract: null,
      statements: [statement("S1", [line("started", "paid", 2100)]), statement("S2", [line("started", "eligible", 2000)])],
    });
    expect(second?.ect.outputs.started.bands.map((b) => b.count)).toEqual([0, 1900, 100]);
    // 1900 × £108 + 100 × £96
    expect(money(second?.ect.outputs.started.payment ?? d(-1))).toBe("214800");
  });
});

describe("calculateStatements: unpaid beyond the top band", () => {
  it("does not pay declarations above a bounded top band, and reports them", () => {
    const [s1, s2] = calculateStatements({
      contract: contract({ bands: [band(0, 2, 1000), band(3, 3, 800)] }),
      mentorContract: null,
      statements: [statement("S1", [line("started", "paid", 2)]), statement("S2", [line("started", "eligible", 4)])],
    });
    expect(s1?.ect.outputs.started.unpaid).toBe(0);
    expect(s2?.ect.outputs.started.bands.map((b) => b.additions)).toEqual([0, 1]);
    expect(s2?.ect.outputs.started.unpaid).toBe(3);
    expect(money(s2?.ect.outputPayment ?? d(-1))).toBe("96");
  });
});

describe("calculateStatements: states", () => {
  it("counts eligible, payable and paid as billable, awaiting_clawback and clawed_back as refundable, and nothing else", () => {
    const [s1] = calculateStatements({
      contract: contract(),
      mentorContract: null,
      statements: [
        statement("S1", [
          line("completed", "eligible", 1),
          line("completed", "payable", 1),
          line("completed", "paid", 1),
          line("completed", "submitted", 10),
          line("completed", "ineligible", 10),
          line("completed", "voided", 10),
        ]),
      ],
    });
    expect(s1?.ect.outputs.completed.bands[0]?.additions).toBe(3);
    expect(money(s1?.ect.outputPayment ?? d(-1))).toBe("360");
  });
});

describe("calculateStatements: service fee, uplift, adjustments, reconcile amount, VAT", () => {
  const input = (vatChargeable: boolean) => ({
    contract: contract({
      recruitmentTarget: 29,
      setUpFee: null,
      monthlyServiceFee: null,
      upliftAmount: d(100),
      vatChargeable,
      bands: [band(0, 100, 1000)],
    }),
    mentorContract: null,
    statements: [
      statement("S1", [line("started", "paid", 2, { uplift: true }), line("started", "paid", 1)], {
        adjustments: [d("-100.00"), d("250.5")],
        reconcileAmount: d("-10"),
      }),
      statement("S2", [line("started", "awaiting_clawback", 1, { uplift: true })]),
    ],
  });

  it("adds service fee, outputs, uplift, adjustments and reconcile amount; VAT is 20% when chargeable", () => {
    const [s1, s2] = calculateStatements(input(true));
    if (!s1 || !s2) throw new Error("expected two statements");
    // Service fee: 29 × £1,000 × 40% / 29 = £400 on every statement.
    expect(money(s1.ect.serviceFee)).toBe("400");
    expect(money(s1.ect.outputPayment)).toBe("360");
    expect(s1.ect.upliftCount).toBe(2);
    expect(money(s1.ect.upliftFees)).toBe("200");
    expect(money(s1.ect.additionalAdjustments)).toBe("150.5");
    expect(money(s1.ect.reconcileAmount)).toBe("-10");
    // 400 + 360 + 200 + 150.5 − 10
    expect(money(s1.ect.total)).toBe("1100.5");
    expect(money(s1.ect.vat)).toBe("220.1");
    expect(money(s1.ect.totalWithVat)).toBe("1320.6");
    expect([money(s1.total), money(s1.vat), money(s1.totalWithVat)]).toEqual(["1100.5", "220.1", "1320.6"]);

    // S2: 400 service fee − 120 band clawback − 100 uplift clawback.
    expect(money(s2.ect.clawbacks)).toBe("-120");
    expect(s2.ect.upliftClawbackCount).toBe(1);
    expect(money(s2.ect.upliftClawbacks)).toBe("-100");
    expect(money(s2.ect.additionalAdjustments)).toBe("0");
    expect(money(s2.total)).toBe("180");
    expect(money(s2.vat)).toBe("36");
  });

  it("charges no VAT when the provider is not VAT-chargeable", () => {
    const [s1] = calculateStatements(input(false));
    expect(money(s1?.vat ?? d(-1))).toBe("0");
    expect(money(s1?.totalWithVat ?? d(-1))).toBe("1100.5");
  });
});

describe("calculateStatements: mentors", () => {
  const lines = [
    line("started", "paid", 1),
    line("started", "paid", 2, { participantType: "mentor", uplift: true }),
    line("completed", "paid", 1, { participantType: "mentor" }),
  ];
  const bands = [band(0, 2, 1000), band(3, null, 800)];

  it("pools mentors with ECTs in the bands when the cohort has no mentor funding", () => {
    const [s1] = calculateStatements({
      contract: contract({ bands, upliftAmount: d(100), vatChargeable: true }),
      mentorContract: { paymentPerParticipant: d(1000) },
      statements: [statement("S1", lines)],
    });
    expect(s1?.mentor).toBeNull();
    expect(s1?.ect.outputs.started.bands.map((b) => b.additions)).toEqual([2, 1]);
    expect(s1?.ect.upliftCount).toBe(2);
    // started 2 × 120 + 1 × 96, completed 1 × 120, uplift 2 × 100
    expect(money(s1?.ect.total ?? d(-1))).toBe("656");
    expect(money(s1?.total ?? d(-1))).toBe("656");
    expect(money(s1?.totalWithVat ?? d(-1))).toBe("787.2");
  });

  it("calculates mentors separately, unbanded, with no uplift, when the cohort has mentor funding", () => {
    const [s1, s2] = calculateStatements({
      contract: contract({
        bands,
        upliftAmount: d(100),
        vatChargeable: true,
        mentorFunding: true,
        monthlyServiceFee: d(50),
      }),
      mentorContract: { paymentPerParticipant: d(1000) },
      statements: [
        statement("S1", lines, { adjustments: [d(10)], reconcileAmount: d(5) }),
        statement("S2", [line("started", "awaiting_clawback", 1, { participantType: "mentor" })]),
      ],
    });
    if (!s1?.mentor || !s2?.mentor) throw new Error("expected mentor results");
    // ECT side: only the ECT line; adjustments and reconcile amount go here.
    expect(s1.ect.outputs.started.bands.map((b) => b.additions)).toEqual([1, 0]);
    expect(s1.ect.upliftCount).toBe(0);
    expect(money(s1.ect.total)).toBe("185"); // 50 + 120 + 10 + 5
    expect(money(s1.ect.vat)).toBe("37");
    // Mentor side: £500 per started, £500 per completed.
    expect(s1.mentor.outputs.started).toMatchObject({ additions: 2, subtractions: 0 });
    expect(money(s1.mentor.outputs.started.feePerDeclaration)).toBe("500");
    expect(money(s1.mentor.outputs.started.payment)).toBe("1000");
    expect(money(s1.mentor.outputs.completed.payment)).toBe("500");
    expect(money(s1.mentor.outputs["retained-1"].feePerDeclaration)).toBe("0");
    expect(money(s1.mentor.outputPayment)).toBe("1500");
    expect(money(s1.mentor.total)).toBe("1500");
    expect(money(s1.mentor.vat)).toBe("300");
    expect(money(s1.mentor.totalWithVat)).toBe("1800");
    // Statement: the sum of both sides.
    expect([money(s1.total), money(s1.vat), money(s1.totalWithVat)]).toEqual(["1685", "337", "2022"]);

    // Mentor clawback, and the ECT band previous fill ignores mentors.
    expect(money(s2.mentor.clawbacks)).toBe("-500");
    expect(money(s2.mentor.total)).toBe("-500");
    expect(s2.ect.outputs.started.bands.map((b) => b.previous)).toEqual([1, 0]);
    expect(money(s2.totalWithVat)).toBe(money(d(50).times("1.2").plus(d(-500).times("1.2"))));
  });

  it("refuses a cohort with mentor funding but no mentor contract", () => {
    expect(() =>
      calculateStatements({
        contract: contract({ mentorFunding: true }),
        mentorContract: null,
        statements: [statement("S1", [])],
      }),
    ).toThrow("A mentor contract is needed");
  });
});

describe("calculateStatements: inputs", () => {
  it("returns one result per statement, in order", () => {
    const results = calculateStatements({
      contract: contract(),
      mentorContract: null,
      statements: [statement("b", []), statement("a", []), statement("c", [])],
    });
    expect(results.map((r) => r.id)).toEqual(["b", "a", "c"]);
  });

  it("accepts Decimals from another decimal.js constructor and keeps full precision", () => {
    const Prismaish = DecimalJs.clone({ precision: 5 });
    const [s1] = calculateStatements({
      contract: contract({
        recruitmentTarget: 1,
        monthlyServiceFee: null,
        setUpFee: new Prismaish(0),
        bands: [
          {
            min: 0,
            max: null,
            perParticipant: new Prismaish("1000.01"),
            outputPaymentPercentage: new Prismaish(60),
            serviceFeePercentage: new Prismaish(40),
          },
        ],
      }),
      mentorContract: null,
      statements: [statement("S1", [line("started", "paid", 1)], { reconcileAmount: new Prismaish("0.5") })],
    });
    // 1 × £1,000.01 × 40% = £400.004 in full (a 5-digit Decimal would make it 400.00); instalment 1 of 29: £13.79.
    const breakdown = s1?.ect.serviceFeeBreakdown;
    expect(breakdown?.method === "formula" ? money(breakdown.totalServiceFee) : null).toBe("400.004");
    expect(money(s1?.ect.serviceFee ?? d(-1))).toBe("13.79");
    expect(money(s1?.ect.outputPayment ?? d(-1))).toBe("120.0012");
  });

  it("does not change its input", () => {
    const input = {
      contract: contract({ bands: smallBands }),
      mentorContract: null,
      statements: [statement("S1", [line("started", "paid", 3)]), statement("S2", [line("started", "clawed_back", 1)])],
    };
    const before = JSON.stringify(input);
    calculateStatements(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
