import type { HTMLAttributes, ReactNode } from "react";
import type { TagColour } from "@/lib/format/tags";
import { cx } from "./utils";

/** GOV.UK Frontend v6 tag colours (defined with the tag specs in lib/format). Omit for the default (blue) tag. */
export type { TagColour };

export interface TagProps extends Omit<HTMLAttributes<HTMLElement>, "className"> {
  /** Tag content (alternatively use `children`). */
  text?: ReactNode;
  children?: ReactNode;
  /** Adds `govuk-tag--<colour>`. */
  colour?: TagColour;
  className?: string;
}

/** GOV.UK Tag. */
export function Tag({ text, children, colour, className, ...attributes }: TagProps) {
  return (
    <strong className={cx("govuk-tag", className, colour && `govuk-tag--${colour}`)} {...attributes}>
      {children ?? text}
    </strong>
  );
}
