import { beforeEach, describe, expect, it, vi } from "vitest";
import { createSignInLimiter, FAILED_SIGN_INS_PER_IP, type SignInDecision, type SignInLimiter } from "@/lib/auth/rate-limit";
import { FREE_SIGN_IN_ATTEMPTS } from "@/lib/auth/rules/sign-in-back-off";

async function attempts(limiter: SignInLimiter, email: string, count: number, ip: string | null = null): Promise<SignInDecision[]> {
  const decisions: SignInDecision[] = [];
  for (let i = 0; i < count; i++) decisions.push(await limiter.attempt({ email, ip }));
  return decisions;
}

describe("the sign-in limiter (memory store)", () => {
  it("lets 5 attempts for an email through, then makes the next wait a minute (that email only)", async () => {
    const limiter = createSignInLimiter();
    expect(await attempts(limiter, "someone@example.com", FREE_SIGN_IN_ATTEMPTS)).toEqual(Array(5).fill({ ok: true }));
    expect(await limiter.attempt({ email: "someone@example.com", ip: null })).toEqual({ ok: false, waitSeconds: 60 });
    // Case and spaces do not make a new email.
    expect(await limiter.attempt({ email: "  SOMEONE@example.com ", ip: null })).toEqual({ ok: false, waitSeconds: 60 });
    expect(await limiter.attempt({ email: "other@example.com", ip: null })).toEqual({ ok: true });
    // Refused during the wait: not counted.
    expect(await limiter.attemptsFor("someone@example.com")).toBe(5);
  });

  it("doubles the wait after each further attempt (1, 2, 4, 8 minutes, then 15), with no hard lock-out", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    try {
      const limiter = createSignInLimiter();
      const attempt = { email: "someone@example.com", ip: null };
      await attempts(limiter, attempt.email, FREE_SIGN_IN_ATTEMPTS);
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) {
        const refused = await limiter.attempt(attempt);
        if (refused.ok) throw new Error("expected a wait");
        waits.push(refused.waitSeconds);
        vi.advanceTimersByTime(refused.waitSeconds * 1000 - 1000);
        expect(await limiter.attempt(attempt)).toMatchObject({ ok: false, waitSeconds: 1 });
        vi.advanceTimersByTime(1000);
        // After the wait, one more check.
        expect(await limiter.attempt(attempt)).toEqual({ ok: true });
      }
      expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts a parallel burst in full: 20 at once for one email, 5 check the password", async () => {
    const limiter = createSignInLimiter();
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.attempt({ email: "someone@example.com", ip: "203.0.113.7" })));
    expect(decisions.filter((d) => d.ok)).toHaveLength(FREE_SIGN_IN_ATTEMPTS);
    expect(await limiter.attemptsFor("someone@example.com")).toBe(20);
  });

  it("allows 20 attempts from one address across emails, then refuses that address", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < FAILED_SIGN_INS_PER_IP; i++) {
      expect(await limiter.attempt({ email: `user${i}@example.com`, ip: "203.0.113.7" })).toEqual({ ok: true });
    }
    expect(await limiter.attempt({ email: "new@example.com", ip: "203.0.113.7" })).toMatchObject({ ok: false });
    expect(await limiter.attempt({ email: "new@example.com", ip: "198.51.100.1" })).toEqual({ ok: true });
  });

  it("gives the address its attempt back on a success: many people signing in from one office are not limited", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < FAILED_SIGN_INS_PER_IP + 10; i++) {
      const attempt = { email: `staff${i}@example.com`, ip: "203.0.113.7" };
      expect(await limiter.attempt(attempt)).toEqual({ ok: true });
      await limiter.succeeded(attempt);
    }
  });

  it("forgets an email's attempts and wait after a successful sign-in", async () => {
    const limiter = createSignInLimiter();
    const attempt = { email: "someone@example.com", ip: "203.0.113.7" };
    await attempts(limiter, attempt.email, FREE_SIGN_IN_ATTEMPTS);
    await limiter.succeeded(attempt);
    expect(await limiter.attemptsFor(attempt.email)).toBe(0);
    expect(await attempts(limiter, attempt.email, FREE_SIGN_IN_ATTEMPTS)).toEqual(Array(5).fill({ ok: true }));
    expect(await limiter.attempt(attempt)).toMatchObject({ ok: false });
  });
});

// The sign-in action with its collaborators replaced: the request headers, the staff table (via
// authenticateStaff), the session and Next's redirect.
const request = vi.hoisted(() => ({ headers: new Headers() }));
const auth = vi.hoisted(() => ({ calls: 0, password: "correct horse", busy: false }));
vi.mock("next/headers", () => ({ headers: vi.fn(async () => request.headers), cookies: vi.fn() }));
vi.mock("@/lib/db/client", () => ({ getPrisma: vi.fn(async () => ({})), getDb: vi.fn(async () => ({})) }));
vi.mock("@/lib/auth/staff", async () => {
  const { PasswordChecksBusyError } = await import("@/lib/auth/password-check");
  return {
    authenticateStaff: vi.fn(async (_prisma: unknown, email: string, password: string) => {
      if (auth.busy) throw new PasswordChecksBusyError();
      auth.calls++;
      return password === auth.password ? { id: "staff-1", email, name: "Finance", roles: ["finance"] } : null;
    }),
  };
});
vi.mock("@/lib/auth/session", () => ({ startSession: vi.fn(async () => undefined) }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw new Error(`REDIRECT ${url}`);
  }),
}));
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: <T>(fn: T) => fn }));

const { signIn } = await import("@/app/sign-in/actions");
const { initialFormState } = await import("@/lib/forms/form-state");

function form(email: string, password: string): FormData {
  const data = new FormData();
  data.set("email", email);
  data.set("password", password);
  data.set("callbackUrl", "/statements");
  return data;
}

describe("the sign-in action", () => {
  beforeEach(() => {
    (globalThis as { ecfSignInLimiter?: unknown }).ecfSignInLimiter = undefined;
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    auth.calls = 0;
    auth.busy = false;
  });

  it("refuses the 6th attempt for an email without checking the password, saying how long to wait", async () => {
    for (let i = 0; i < 5; i++) {
      const state = await signIn(initialFormState, form("finance@example.com", "wrong"));
      expect(state.errors).toEqual([{ field: "email", message: "Enter a correct email address and password" }]);
    }
    expect(auth.calls).toBe(5);
    const state = await signIn(initialFormState, form("finance@example.com", auth.password));
    expect(state.errors).toEqual([{ field: "email", message: "Too many attempts to sign in. Wait 1 minute and try again." }]);
    expect(state.values).toEqual({ email: "finance@example.com" });
    expect(auth.calls).toBe(5);
  });

  it("counts 20 parallel attempts for one email as 20, and checks the password only 5 times", async () => {
    const states = await Promise.all(Array.from({ length: 20 }, () => signIn(initialFormState, form("finance@example.com", "wrong"))));
    expect(auth.calls).toBe(5);
    expect(states.filter((s) => s.errors[0]?.message.startsWith("Too many attempts to sign in."))).toHaveLength(15);
  });

  it("refuses an address after 20 attempts, whatever the email", async () => {
    for (let i = 0; i < 20; i++) await signIn(initialFormState, form(`user${i}@example.com`, "wrong"));
    const state = await signIn(initialFormState, form("finance@example.com", auth.password));
    expect(state.errors).toEqual([{ field: "email", message: "Too many attempts to sign in. Wait 15 minutes and try again." }]);
    expect(auth.calls).toBe(20);
  });

  it("keys the address on the rightmost X-Forwarded-For hop: a spoofed left-hand value does not dodge it", async () => {
    for (let i = 0; i < 20; i++) {
      request.headers = new Headers({ "x-forwarded-for": `198.51.100.${i}, 203.0.113.9` });
      await signIn(initialFormState, form(`user${i}@example.com`, "wrong"));
    }
    request.headers = new Headers({ "x-forwarded-for": "192.0.2.200, 203.0.113.9" });
    const state = await signIn(initialFormState, form("finance@example.com", auth.password));
    expect(state.errors[0]?.message).toBe("Too many attempts to sign in. Wait 15 minutes and try again.");
  });

  it("answers 'wait' when too many password checks are queued", async () => {
    auth.busy = true;
    const state = await signIn(initialFormState, form("finance@example.com", auth.password));
    expect(state.errors).toEqual([{ field: "email", message: "Too many attempts to sign in. Wait 1 minute and try again." }]);
  });

  it("signs in after a few failures and starts the count again", async () => {
    for (let i = 0; i < 4; i++) await signIn(initialFormState, form("finance@example.com", "wrong"));
    await expect(signIn(initialFormState, form("finance@example.com", auth.password))).rejects.toThrow("REDIRECT /statements");
    for (let i = 0; i < 4; i++) await signIn(initialFormState, form("finance@example.com", "wrong"));
    await expect(signIn(initialFormState, form("finance@example.com", auth.password))).rejects.toThrow("REDIRECT /statements");
  });

  it("does not count a form with errors as an attempt", async () => {
    for (let i = 0; i < 10; i++) {
      const state = await signIn(initialFormState, form("finance@example.com", ""));
      expect(state.errors).toEqual([{ field: "password", message: "Enter your password" }]);
    }
    expect(auth.calls).toBe(0);
    await expect(signIn(initialFormState, form("finance@example.com", auth.password))).rejects.toThrow("REDIRECT /statements");
  });
});
