import { beforeEach, describe, expect, it, vi } from "vitest";
import { clientIp, createSignInLimiter, FAILED_SIGN_INS_PER_EMAIL, FAILED_SIGN_INS_PER_IP, TOO_MANY_SIGN_IN_ATTEMPTS } from "@/lib/auth/rate-limit";

describe("the sign-in limiter", () => {
  it("allows 5 failed attempts for an email, then refuses it (and only it)", async () => {
    const limiter = createSignInLimiter();
    const attempt = { email: "someone@example.com", ip: null };
    for (let i = 0; i < FAILED_SIGN_INS_PER_EMAIL; i++) {
      expect(await limiter.allowed(attempt)).toBe(true);
      await limiter.failed(attempt);
    }
    expect(await limiter.allowed(attempt)).toBe(false);
    // Case and spaces do not make a new email.
    expect(await limiter.allowed({ email: "  SOMEONE@example.com ", ip: null })).toBe(false);
    expect(await limiter.allowed({ email: "other@example.com", ip: null })).toBe(true);
  });

  it("allows 20 failed attempts from one address across emails, then refuses that address", async () => {
    const limiter = createSignInLimiter();
    for (let i = 0; i < FAILED_SIGN_INS_PER_IP; i++) {
      const attempt = { email: `user${i}@example.com`, ip: "203.0.113.7" };
      expect(await limiter.allowed(attempt)).toBe(true);
      await limiter.failed(attempt);
    }
    expect(await limiter.allowed({ email: "new@example.com", ip: "203.0.113.7" })).toBe(false);
    expect(await limiter.allowed({ email: "new@example.com", ip: "198.51.100.1" })).toBe(true);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const limiter = createSignInLimiter();
    const attempt = { email: "someone@example.com", ip: "203.0.113.7" };
    for (let i = 0; i < FAILED_SIGN_INS_PER_EMAIL - 1; i++) await limiter.failed(attempt);
    await limiter.succeeded(attempt);
    for (let i = 0; i < FAILED_SIGN_INS_PER_EMAIL - 1; i++) await limiter.failed(attempt);
    expect(await limiter.allowed(attempt)).toBe(true);
    await limiter.failed(attempt);
    expect(await limiter.allowed(attempt)).toBe(false);
  });

  it("lets the email try again when the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
    try {
      const limiter = createSignInLimiter({ perEmail: 2, perIp: 10, windowSeconds: 60 });
      const attempt = { email: "someone@example.com", ip: null };
      await limiter.failed(attempt);
      await limiter.failed(attempt);
      expect(await limiter.allowed(attempt)).toBe(false);
      vi.advanceTimersByTime(59_000);
      expect(await limiter.allowed(attempt)).toBe(false);
      vi.advanceTimersByTime(2_000);
      expect(await limiter.allowed(attempt)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("has the GOV.UK wording", () => {
    expect(TOO_MANY_SIGN_IN_ATTEMPTS).toBe("Too many attempts to sign in. Wait 15 minutes and try again.");
  });
});

describe("clientIp", () => {
  it("takes the first X-Forwarded-For value, then X-Real-IP, else null", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientIp(new Headers())).toBeNull();
  });
});

// The sign-in action with its collaborators replaced: the request headers, the staff table (via
// authenticateStaff), the session and Next's redirect.
const request = vi.hoisted(() => ({ headers: new Headers() }));
const auth = vi.hoisted(() => ({ calls: 0, password: "correct horse" }));
vi.mock("next/headers", () => ({ headers: vi.fn(async () => request.headers), cookies: vi.fn() }));
vi.mock("@/lib/db/client", () => ({ getPrisma: vi.fn(async () => ({})) }));
vi.mock("@/lib/auth/staff", () => ({
  authenticateStaff: vi.fn(async (_prisma: unknown, email: string, password: string) => {
    auth.calls++;
    return password === auth.password ? { id: "staff-1", email, name: "Finance", roles: ["finance"] } : null;
  }),
}));
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
  });

  it("refuses the 6th attempt for an email without checking the password, with the error summary", async () => {
    for (let i = 0; i < 5; i++) {
      const state = await signIn(initialFormState, form("finance@example.com", "wrong"));
      expect(state.errors).toEqual([{ field: "email", message: "Enter a correct email address and password" }]);
    }
    expect(auth.calls).toBe(5);
    const state = await signIn(initialFormState, form("finance@example.com", auth.password));
    expect(state.errors).toEqual([{ field: "email", message: TOO_MANY_SIGN_IN_ATTEMPTS }]);
    expect(state.values).toEqual({ email: "finance@example.com" });
    expect(auth.calls).toBe(5);
  });

  it("refuses an address after 20 failures, whatever the email", async () => {
    for (let i = 0; i < 20; i++) await signIn(initialFormState, form(`user${i}@example.com`, "wrong"));
    const state = await signIn(initialFormState, form("finance@example.com", auth.password));
    expect(state.errors).toEqual([{ field: "email", message: TOO_MANY_SIGN_IN_ATTEMPTS }]);
    expect(auth.calls).toBe(20);
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
