// Where the database layer reports errors it cannot throw to anyone (a pooled connection that broke
// while idle, the embedded database's lock lost). lib/db may not import the logger, so the logger
// installs itself here when it loads (lib/log.ts); until then (scripts that never load it), the
// message goes to stderr.
export type DbErrorReporter = (event: string, error: Error) => void;

let reporter: DbErrorReporter = (event, error) => console.error(`${event}: ${error.message}`);

export function setDbErrorReporter(next: DbErrorReporter): void {
  reporter = next;
}

export function reportDbError(event: string, error: Error): void {
  reporter(event, error);
}
