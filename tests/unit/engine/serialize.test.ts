import { describe, expect, it } from "vitest";
import { DECLARATION_TYPES } from "@/lib/domain/declaration-types";
import { calculateStatements } from "@/lib/engine/calculate-statements";
import { serializeStatementResults } from "@/lib/engine/serialize";
import { band, contract, d, line, statement } from "./fixtures";

describe("serializeStatementResults", () => {
  it("writes counts as numbers and money as unrounded decimal strings, every type and band letter present", () => {
    const json = serializeStatementResults(
      calculateStatements({
        contract: contract({ bands: [band(2001, 4000, 800), band(null, 2000, 995)], vatChargeable: true }),
        mentorContract: null,
        statements: [statement("S1", [line("started", "paid", 2)], { adjustments: [d("-100.00")] })],
      }),
    );
    const [s1] = json.statements;
    expect(s1?.id).toBe("S1");
    expect(s1?.mentor).toBeNull();
    expect(Object.keys(s1?.ect.outputs ?? {})).toEqual([...DECLARATION_TYPES]);
    expect(s1?.ect.outputs.started).toEqual({
      bands: {
        A: { previous: 0, additions: 2, subtractions: 0, count: 2, feePerDeclaration: "119.4" },
        B: { previous: 0, additions: 0, subtractions: 0, count: 0, feePerDeclaration: "96" },
      },
      unpaid: 0,
      unmatchedRefundables: 0,
      payment: "238.8",
      clawbacks: "0",
    });
    expect(Object.keys(s1?.ect.outputs["extended-3"].bands ?? {})).toEqual(["A", "B"]);
    expect(s1?.ect.serviceFeeBreakdown).toEqual({ method: "monthly", monthlyServiceFee: "0" });
    expect(s1?.ect.additionalAdjustments).toBe("-100");
    expect([s1?.total, s1?.vat, s1?.totalWithVat]).toEqual(["138.8", "27.76", "166.56"]);
    // Round-trips through JSON unchanged.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("writes the service fee formula's breakdown and the mentor side", () => {
    const json = serializeStatementResults(
      calculateStatements({
        contract: contract({
          recruitmentTarget: 2,
          setUpFee: d(29),
          monthlyServiceFee: null,
          mentorFunding: true,
          bands: [band(0, 4, 1000)],
        }),
        mentorContract: { paymentPerParticipant: d(1000) },
        statements: [statement("S1", [line("completed", "paid", 1, { participantType: "mentor" })])],
      }),
    );
    const [s1] = json.statements;
    expect(s1?.ect.serviceFeeBreakdown).toEqual({
      method: "formula",
      recruitmentTarget: 2,
      bands: { A: { participants: 2, perParticipant: "1000", serviceFeePercentage: "40", amount: "800" } },
      recruitmentBeyondBands: 0,
      setUpFee: "29",
      setUpFeeDeduction: "14.5",
      totalServiceFee: "785.5",
      months: 29,
    });
    expect(s1?.mentor?.outputs.completed).toEqual({
      additions: 1,
      subtractions: 0,
      feePerDeclaration: "500",
      payment: "500",
      clawbacks: "0",
    });
    expect(Object.keys(s1?.mentor?.outputs ?? {})).toEqual([...DECLARATION_TYPES]);
    expect(s1?.mentor?.total).toBe("500");
  });
});
