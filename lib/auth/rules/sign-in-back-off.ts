// How long someone waits after too many sign-in attempts for one email: nothing for the first
// FREE_SIGN_IN_ATTEMPTS, then each further attempt doubles the wait (1 minute, 2, 4, 8), capped at
// 15 minutes. Pure: the limiter (lib/auth/rate-limit.ts) counts, this says how long.

/** Attempts for one email that need no wait between them. */
export const FREE_SIGN_IN_ATTEMPTS = 5;
export const FIRST_WAIT_SECONDS = 60;
export const LONGEST_WAIT_SECONDS = 15 * 60;

/**
 * The wait after attempt number `attempt` (1-based, counted since the last successful sign-in):
 * 0 up to the free allowance's last but one, then (with the default allowance of 5) 60 s after the 5th, 120 s after the 6th, 240 s
 * after the 7th, 480 s after the 8th and 900 s (the cap) from the 9th on.
 */
export function waitAfterAttemptSeconds(attempt: number, freeAttempts: number = FREE_SIGN_IN_ATTEMPTS): number {
  const step = attempt - freeAttempts;
  if (step < 0) return 0;
  if (step >= 5) return LONGEST_WAIT_SECONDS;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** step, LONGEST_WAIT_SECONDS);
}

/** Whole minutes to tell the user, never fewer than 1. */
export function waitMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The GOV.UK message, with the wait in minutes. */
export function tooManySignInAttempts(seconds: number): string {
  const minutes = waitMinutes(seconds);
  return `Too many attempts to sign in. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
}
