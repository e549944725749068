// How every command ends, in one place: exit 0 when done, 2 with the usage line for bad arguments
// (UsageError), 1 with one line for anything refused or failed (never a stack trace for the user).
export class UsageError extends Error {}

/** The first line of an error's message (a database error's detail stays out of the terminal). */
export function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

/** Runs `main` and exits with its code, or as above when it throws; `describe` words other errors. */
export function runCommand(main: () => Promise<number>, describe: (error: unknown) => string = firstLine): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(error.message);
        process.exit(2);
      }
      console.error(describe(error));
      process.exit(1);
    },
  );
}
