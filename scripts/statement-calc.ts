/**
 * Statement calculator CLI: reads one JSON document on stdin, writes one JSON
 * document on stdout. See docs/calculator.md.
 *
 *   npx tsx scripts/statement-calc.ts < input.json
 *
 * Exit codes: 0 success; 2 bad input (one line on stderr naming the field);
 * 1 unexpected failure.
 */
import { calculateStatements } from "../lib/engine/calculate-statements";
import { parseCalculatorInput } from "../lib/engine/calculator-input";
import { serializeStatementResults } from "../lib/engine/serialize";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<number> {
  const parsed = parseCalculatorInput(await readStdin());
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const output = serializeStatementResults(calculateStatements(parsed.input));
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`statement-calc: unexpected error: ${message.replace(/\s+/g, " ")}\n`);
    process.exitCode = 1;
  },
);
