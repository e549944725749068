import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export interface InsetTextProps extends Omit<HTMLAttributes<HTMLDivElement>, "className"> {
  children?: ReactNode;
  id?: string;
  className?: string;
}

/** GOV.UK Inset text. */
export function InsetText({ children, id, className, ...attributes }: InsetTextProps) {
  return (
    <div id={id} className={cx("govuk-inset-text", className)} {...attributes}>
      {children}
    </div>
  );
}
