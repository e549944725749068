// The statement calendar against the payment calendar reference (section 3 and 4).
import { describe, expect, it } from "vitest";
import { statementCalendar } from "@/lib/statements/rules/statement-calendar";

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("statementCalendar", () => {
  for (const cohort of [2021, 2022, 2023, 2024, 2025, 2026]) {
    it(`cohort ${cohort}: 31 statements, November ${cohort} to May ${cohort + 3}, one a month`, () => {
      const statements = statementCalendar(cohort);
      expect(statements).toHaveLength(31);
      expect(statements[0]!.name).toBe(`November ${cohort}`);
      expect(statements.at(-1)!.name).toBe(`May ${cohort + 3}`);
      for (let i = 1; i < statements.length; i++) {
        const [a, b] = [statements[i - 1]!, statements[i]!];
        expect(b.year * 12 + b.month).toBe(a.year * 12 + a.month + 1);
      }
    });
  }

  it("cohort 2023: the reference's ten output statements, every other month service fee only", () => {
    const outputs = statementCalendar(2023).filter((s) => s.outputFee).map((s) => s.name);
    expect(outputs).toEqual([
      "January 2024", "April 2024", "August 2024", "October 2024",
      "January 2025", "April 2025", "August 2025", "October 2025",
      "January 2026", "April 2026",
    ]);
  });

  it("continues the 2023 pattern for 2024 and later", () => {
    expect(statementCalendar(2025).filter((s) => s.outputFee).map((s) => s.name)).toEqual([
      "January 2026", "April 2026", "August 2026", "October 2026",
      "January 2027", "April 2027", "August 2027", "October 2027",
      "January 2028", "April 2028",
    ]);
  });

  it("cohorts 2021 and 2022: November, February, May, June (first year only), October…, ending May", () => {
    expect(statementCalendar(2021).filter((s) => s.outputFee).map((s) => s.name)).toEqual([
      "November 2021", "February 2022", "May 2022", "June 2022", "October 2022",
      "February 2023", "May 2023", "October 2023", "February 2024", "May 2024",
    ]);
    expect(statementCalendar(2022).filter((s) => s.outputFee).map((s) => s.name)).toContain("June 2023");
    expect(statementCalendar(2022).filter((s) => s.outputFee).map((s) => s.name)).not.toContain("June 2024");
  });

  it("cut-off is the last day of the previous month, payment the 25th (leap years included)", () => {
    const byName = new Map(statementCalendar(2023).map((s) => [s.name, s]));
    expect(iso(byName.get("January 2024")!.deadlineDate)).toBe("2023-12-31");
    expect(iso(byName.get("January 2024")!.paymentDate)).toBe("2024-01-25");
    expect(iso(byName.get("March 2024")!.deadlineDate)).toBe("2024-02-29");
    expect(iso(byName.get("March 2025")!.deadlineDate)).toBe("2025-02-28");
    expect(iso(byName.get("May 2026")!.deadlineDate)).toBe("2026-04-30");
    expect(byName.get("May 2026")!.month).toBe(5);
    expect(byName.get("May 2026")!.year).toBe(2026);
  });

  it("29 service-fee instalments on the first 29 statements, none beyond", () => {
    const statements = statementCalendar(2024);
    expect(statements.map((s) => s.serviceFeeInstalment)).toEqual([...Array.from({ length: 29 }, (_, i) => i + 1), null, null]);
    expect(statements[28]!.name).toBe("March 2027");
  });

  it("refuses a cohort before the programme", () => {
    expect(() => statementCalendar(2020)).toThrow(RangeError);
  });
});
