// The JSON:API request envelope every write endpoint takes:
// { "data": { "type": "<expected type>", "attributes": { … } } }. Unknown attributes are ignored.
import { z } from "zod";

const envelopeSchema = z.object({
  data: z.object({
    type: z.unknown(),
    attributes: z.record(z.string(), z.unknown()),
  }),
});

export type EnvelopeResult =
  | { ok: true; attributes: Record<string, unknown> }
  | { ok: false; reason: "structure" | "type"; detail: string };

export const STRUCTURE_DETAIL = "Correct json data structure required. See API docs for reference.";

export function parseEnvelope(body: unknown, expectedType: string): EnvelopeResult {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "structure", detail: STRUCTURE_DETAIL };
  if (parsed.data.data.type !== expectedType) {
    return { ok: false, reason: "type", detail: `The '#/data/type' must be '${expectedType}'.` };
  }
  return { ok: true, attributes: parsed.data.data.attributes };
}
