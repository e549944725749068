// Labels for values lib/domain does not cover: short participant types for tables, and the
// providers' kebab-case codes (evidence held, reasons) made readable.
import { DECLARATION_TYPE_LABELS, isDeclarationType } from "@/lib/domain/declaration-types";
import { PARTICIPANT_TYPE_LABELS, type ParticipantType } from "@/lib/domain/participant-types";

/** For narrow table columns: "ECT" / "Mentor". Elsewhere use PARTICIPANT_TYPE_LABELS. */
export const PARTICIPANT_TYPE_SHORT_LABELS: Readonly<Record<ParticipantType, string>> = {
  ect: "ECT",
  mentor: PARTICIPANT_TYPE_LABELS.mentor,
};

/** "left-teaching-profession" → "Left teaching profession"; "duplicate_declaration" → "Duplicate declaration". */
export function humaniseCode(code: string): string {
  const words = code.trim().replace(/[-_]+/g, " ").replace(/\s+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 result", "2 results", "1,234 results". */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
}

/** "Started", "Retained 1"…; a type the domain does not know is shown as it was sent. */
export function declarationTypeLabel(type: string): string {
  return isDeclarationType(type) ? DECLARATION_TYPE_LABELS[type] : type;
}
