import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleInput } from "./example-input";

const root = path.resolve(import.meta.dirname, "../../..");
const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");

function runCli(stdin: string) {
  const result = spawnSync(process.execPath, [tsxCli, "scripts/statement-calc.ts"], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Input = ReturnType<typeof exampleInput>;

function withChange(change: (input: Input) => void): string {
  const input = exampleInput();
  change(input);
  return JSON.stringify(input);
}

describe("scripts/statement-calc.ts", { timeout: 60_000 }, () => {
  it("prices good input and writes only JSON on stdout", () => {
    const { status, stdout, stderr } = runCli(withChange((i) => (i.contract.monthlyServiceFee = "75000")));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const output = JSON.parse(stdout);
    const [s1, s2] = output.statements;

    // S1: 2100 ECTs + 5 pooled mentors started → A 2000 × £119.40, B 105 × £117.48.
    expect(s1.id).toBe("S1");
    expect(s1.mentor).toBeNull();
    expect(s1.ect.outputs.started.bands).toEqual({
      A: { previous: 0, additions: 2000, subtractions: 0, count: 2000, feePerDeclaration: "119.4" },
      B: { previous: 0, additions: 105, subtractions: 0, count: 105, feePerDeclaration: "117.48" },
      C: { previous: 0, additions: 0, subtractions: 0, count: 0, feePerDeclaration: "115.92" },
    });
    expect(s1.ect.outputs.started.payment).toBe("251135.4");
    expect(s1.ect.upliftCount).toBe(2100);
    expect(s1.ect.upliftFees).toBe("210000");
    expect(s1.ect.serviceFee).toBe("75000");
    expect(s1.ect.additionalAdjustments).toBe("-100");
    // 75000 + 251135.4 + 210000 − 100
    expect([s1.total, s1.vat, s1.totalWithVat]).toEqual(["536035.4", "107207.08", "643242.48"]);

    // S2: previous 2105 → 2000 eligible land in B (1895) and C (105); the clawback comes off C.
    expect(s2.ect.outputs.started.bands.B).toMatchObject({ previous: 105, additions: 1895, subtractions: 0 });
    expect(s2.ect.outputs.started.bands.C).toMatchObject({ previous: 0, additions: 105, subtractions: 1, count: 104 });
    expect(s2.ect.outputPayment).toBe("234796.2");
    expect(s2.ect.clawbacks).toBe("-115.92");
    expect(s2.ect.upliftClawbacks).toBe("-100");
    expect(s2.ect.reconcileAmount).toBe("0");
    // 75000 + 234796.2 − 115.92 − 100
    expect([s2.total, s2.vat, s2.totalWithVat]).toEqual(["309580.28", "61916.056", "371496.336"]);
  });

  it("calculates mentors separately in a cohort with mentor funding", () => {
    const { status, stdout } = runCli(
      withChange((i) => {
        i.contract.mentorFunding = true;
        i.contract.monthlyServiceFee = "0";
        i.contract.upliftAmount = null as unknown as string;
      }),
    );
    expect(status).toBe(0);
    const [s1] = JSON.parse(stdout).statements;
    expect(s1.ect.outputs.started.payment).toBe("250548"); // 2000 × 119.4 + 100 × 117.48
    expect(s1.mentor.outputs.started).toEqual({
      additions: 5,
      subtractions: 0,
      feePerDeclaration: "500",
      payment: "2500",
      clawbacks: "0",
    });
    expect([s1.mentor.total, s1.mentor.vat, s1.mentor.totalWithVat]).toEqual(["2500", "500", "3000"]);
    // ECT 250548 − 100 adjustment = 250448; + mentor 2500
    expect([s1.total, s1.vat, s1.totalWithVat]).toEqual(["252948", "50589.6", "303537.6"]);
  });

  it.each<[string, string, string]>([
    ["invalid JSON", "{ this is not json", "input: invalid JSON ("],
    ["empty input", "", "input: invalid JSON ("],
    ["a missing field", withChange((i) => delete (i.contract as Partial<Input["contract"]>).bands), "contract.bands: is required"],
    [
      "a bad enum",
      withChange((i) => (i.statements[1]!.lines[0]!.declarationType = "begun")),
      "statements[1].lines[0].declarationType: expected one of started, retained-1,",
    ],
    [
      "a negative count",
      withChange((i) => (i.statements[0]!.lines[1]!.count = -5)),
      "statements[0].lines[1].count: expected a whole number of 0 or more",
    ],
    [
      "a bad money string",
      withChange((i) => (i.contract.setUpFee = "£149,651")),
      "contract.setUpFee: expected an amount of 0 or more",
    ],
    [
      "mentor funding without a mentor contract",
      withChange((i) => {
        i.contract.mentorFunding = true;
        i.contract.upliftAmount = null;
        delete i.mentorContract;
      }),
      "mentorContract: is required when contract.mentorFunding is true",
    ],
  ])("refuses %s: exit 2, one line on stderr naming the field, nothing on stdout", (_name, stdin, message) => {
    const { status, stdout, stderr } = runCli(stdin);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
