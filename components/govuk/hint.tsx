import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export interface HintProps extends Omit<HTMLAttributes<HTMLDivElement>, "className" | "children"> {
  children?: ReactNode;
  id?: string;
  className?: string;
}

/** GOV.UK Hint text. */
export function Hint({ children, id, className, ...attributes }: HintProps) {
  return (
    <div id={id} className={cx("govuk-hint", className)} {...attributes}>
      {children}
    </div>
  );
}
