// Password checks are bcrypt (cost 12) in pure JavaScript: each takes a few hundred milliseconds
// of CPU on the server's event loop. At most PASSWORD_CHECKS_AT_ONCE run at once per process;
// up to PASSWORD_CHECKS_QUEUED more wait their turn, and beyond that a sign-in is refused at once
// (PasswordChecksBusyError: the sign-in action answers with its "wait and try again" message), so
// a burst of sign-ins (e.g. random emails) cannot take every core and slow every other request.
import bcrypt from "bcryptjs";
import { SemaphoreFullError, createSemaphore, type Semaphore } from "./semaphore";

export const PASSWORD_CHECKS_AT_ONCE = 2;
export const PASSWORD_CHECKS_QUEUED = 8;

export class PasswordChecksBusyError extends Error {
  constructor() {
    super("Too many password checks are waiting.");
    this.name = "PasswordChecksBusyError";
  }
}

const globalForChecks = globalThis as unknown as { ecfPasswordChecks?: Semaphore };

/** The process's semaphore for password checks. */
export function passwordChecks(): Semaphore {
  return (globalForChecks.ecfPasswordChecks ??= createSemaphore({ concurrency: PASSWORD_CHECKS_AT_ONCE, maxQueued: PASSWORD_CHECKS_QUEUED }));
}

/** bcrypt.compare, within the process's cap; throws PasswordChecksBusyError when the queue is full. */
export async function checkPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await passwordChecks().run(() => bcrypt.compare(password, hash));
  } catch (error) {
    if (error instanceof SemaphoreFullError) throw new PasswordChecksBusyError();
    throw error;
  }
}
