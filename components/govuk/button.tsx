import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "./utils";

export type ButtonVariant = "secondary" | "warning" | "inverse";

interface ButtonOwnProps {
  children?: ReactNode;
  /** `secondary`, `warning` or `inverse` (adds `govuk-button--<variant>`). */
  variant?: ButtonVariant;
  /** Start button: adds `govuk-button--start` and the arrow icon. */
  isStartButton?: boolean;
  /** Renders `data-prevent-double-click="true|false"` (omitted when undefined). */
  preventDoubleClick?: boolean;
  /** Extra classes. */
  className?: string;
}

export interface ButtonAsButtonProps
  extends ButtonOwnProps,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className" | "children"> {
  href?: undefined;
}

export interface ButtonAsLinkProps
  extends ButtonOwnProps,
    Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "className" | "children" | "href"> {
  /** Render a link styled as a button (`role="button" draggable="false"`). */
  href: string;
}

export type ButtonProps = ButtonAsButtonProps | ButtonAsLinkProps;

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

type LinkAttributes = Omit<ButtonAsLinkProps, keyof ButtonOwnProps>;
type ButtonAttributes = Omit<ButtonAsButtonProps, keyof ButtonOwnProps>;

function isLink(attributes: LinkAttributes | ButtonAttributes): attributes is LinkAttributes {
  return typeof attributes.href === "string";
}

/** GOV.UK Button, or a link styled as a button when `href` is given. */
export function Button({ children, variant, isStartButton, preventDoubleClick, className, ...rest }: ButtonProps) {
  const classNames = cx(
    "govuk-button",
    variant && `govuk-button--${variant}`,
    className,
    isStartButton && "govuk-button--start",
  );

  // Start buttons use flexbox, which drops whitespace between elements: wrap non-text content in a <span>.
  const content =
    isStartButton && typeof children !== "string" && typeof children !== "number" ? <span>{children}</span> : children;

  if (isLink(rest)) {
    const { href, ...attributes } = rest;
    return (
      <a href={href || "#"} role="button" draggable="false" {...attributes} className={classNames} data-module="govuk-button">
        {content}
        {isStartButton ? <StartIcon /> : null}
      </a>
    );
  }

  const { type, disabled, ...attributes } = rest;
  return (
    <button
      type={type || "submit"}
      disabled={disabled || undefined}
      aria-disabled={disabled ? "true" : undefined}
      data-prevent-double-click={preventDoubleClick === undefined ? undefined : String(preventDoubleClick)}
      {...attributes}
      className={classNames}
      data-module="govuk-button"
    >
      {content}
      {isStartButton ? <StartIcon /> : null}
    </button>
  );
}
