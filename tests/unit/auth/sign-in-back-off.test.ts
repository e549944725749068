import { describe, expect, it } from "vitest";
import { tooManySignInAttempts, waitAfterAttemptSeconds } from "@/lib/auth/rules/sign-in-back-off";

describe("the sign-in back-off", () => {
  it("needs no wait within the allowance, then doubles from 1 minute to a 15-minute cap", () => {
    const waits = Array.from({ length: 12 }, (_, i) => waitAfterAttemptSeconds(i + 1));
    expect(waits).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 900, 900, 900, 900]);
    expect(waitAfterAttemptSeconds(1_000_000)).toBe(900);
    expect(waitAfterAttemptSeconds(3, 2)).toBe(120);
  });

  it("tells the user how many minutes to wait, in the GOV.UK wording", () => {
    expect(tooManySignInAttempts(60)).toBe("Too many attempts to sign in. Wait 1 minute and try again.");
    expect(tooManySignInAttempts(1)).toBe("Too many attempts to sign in. Wait 1 minute and try again.");
    expect(tooManySignInAttempts(61)).toBe("Too many attempts to sign in. Wait 2 minutes and try again.");
    expect(tooManySignInAttempts(900)).toBe("Too many attempts to sign in. Wait 15 minutes and try again.");
  });
});
