// The one colour map for declaration states, training statuses and statement statuses across the
// service.
// Colour is never the only signal: a tag's text always names the state.
import { DECLARATION_STATE_LABELS, type DeclarationState } from "@/lib/domain/declaration-states";
import { STATEMENT_STATUS_LABELS, type StatementStatus } from "@/lib/domain/statement-statuses";
import { TRAINING_STATUS_LABELS, type TrainingStatusValue } from "@/lib/domain/training-statuses";

/** A tag to render with `<Tag text={…} colour={…} />`; `colour` undefined is the default (blue). */
/** The GOV.UK tag colours (the Tag component's `colour`). */
export type TagColour = "green" | "purple" | "red" | "orange" | "teal" | "magenta" | "yellow" | "grey";

export type TagSpec = { text: string; colour: TagColour | undefined };

export const DECLARATION_STATE_TAG_COLOURS: Readonly<Record<DeclarationState, TagColour | undefined>> = {
  submitted: "grey", // not yet known to be eligible
  eligible: undefined, // blue: will be paid
  ineligible: "orange", // will not be paid
  payable: "teal", // approved for payment
  paid: "green",
  voided: "red",
  awaiting_clawback: "magenta",
  clawed_back: "purple",
};

export const TRAINING_STATUS_TAG_COLOURS: Readonly<Record<TrainingStatusValue, TagColour | undefined>> = {
  active: "green",
  deferred: "yellow",
  withdrawn: "red",
};

export function declarationStateTag(state: DeclarationState): TagSpec {
  return { text: DECLARATION_STATE_LABELS[state], colour: DECLARATION_STATE_TAG_COLOURS[state] };
}

export function trainingStatusTag(status: TrainingStatusValue): TagSpec {
  return { text: TRAINING_STATUS_LABELS[status], colour: TRAINING_STATUS_TAG_COLOURS[status] };
}

export const STATEMENT_STATUS_TAG_COLOURS: Readonly<Record<StatementStatus, TagColour | undefined>> = {
  open: "grey", // still collecting declarations
  payable: undefined, // blue: cut-off passed, waiting for authorisation
  paid: "green",
};

export function statementStatusTag(status: StatementStatus): TagSpec {
  return { text: STATEMENT_STATUS_LABELS[status], colour: STATEMENT_STATUS_TAG_COLOURS[status] };
}
