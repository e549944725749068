/**
 * Declaration types and their share of the output fee.
 *
 * Source: payment-engine.md, "Breakdown of fees for ECTs": the output fee is split
 * into a start payment (20%), four retention payments (15% each), a completion
 * payment (20%) and extension payments (15% each).
 */

import { oneOf } from "./one-of";

export const DECLARATION_TYPES = [
  "started",
  "retained-1",
  "retained-2",
  "retained-3",
  "retained-4",
  "completed",
  "extended-1",
  "extended-2",
  "extended-3",
] as const;

export type DeclarationType = (typeof DECLARATION_TYPES)[number];

/** Share of the band's output payment paid for one declaration of this type, in percent. */
export const OUTPUT_SHARE_PERCENT: Readonly<Record<DeclarationType, number>> = {
  started: 20,
  "retained-1": 15,
  "retained-2": 15,
  "retained-3": 15,
  "retained-4": 15,
  completed: 20,
  "extended-1": 15,
  "extended-2": 15,
  "extended-3": 15,
};

export const DECLARATION_TYPE_LABELS: Readonly<Record<DeclarationType, string>> = {
  started: "Started",
  "retained-1": "Retained 1",
  "retained-2": "Retained 2",
  "retained-3": "Retained 3",
  "retained-4": "Retained 4",
  completed: "Completed",
  "extended-1": "Extended 1",
  "extended-2": "Extended 2",
  "extended-3": "Extended 3",
};

export const isDeclarationType = oneOf(DECLARATION_TYPES);
