import type { Ref, InputHTMLAttributes, ReactNode } from "react";
import { fieldChrome, splitFieldProps, type FieldProps } from "./field";
import { cx, hasContent } from "./utils";

export interface InputProps
  extends FieldProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "children" | "prefix" | "name" | "id"> {
  /** Field name; also the id when `id` is not given. */
  name: string;
  id?: string;
  /** Forwarded to the <input> (React 19 ref-as-prop), e.g. from react-hook-form's `register()`. */
  ref?: Ref<HTMLInputElement>;
  /** Extra input classes, e.g. `govuk-input--width-10`. */
  className?: string;
  /** Prefix shown before the input, e.g. "£". */
  prefix?: ReactNode;
  /** Suffix shown after the input, e.g. "per item". */
  suffix?: ReactNode;
  /** Extra classes for the `govuk-input__wrapper` (only rendered with a prefix or suffix). */
  inputWrapperClassName?: string;
}

/** GOV.UK Text input. Extra props (inputMode, spellCheck, autoComplete, defaultValue, pattern, …) go on the `<input>`. */
export function Input(props: InputProps) {
  const [field, { name, id: idProp, className, type, prefix, suffix, inputWrapperClassName, ...attributes }] = splitFieldProps(props);
  const id = idProp || name;
  const chrome = fieldChrome(id, field, attributes["aria-describedby"]);
  const hasPrefix = hasContent(prefix);
  const hasSuffix = hasContent(suffix);

  const input = (
    <input
      {...attributes}
      className={cx("govuk-input", className, chrome.hasError && "govuk-input--error")}
      id={id}
      name={name}
      type={type || "text"}
      aria-describedby={chrome.describedBy}
    />
  );

  return (
    <div className={chrome.formGroupClassName}>
      {chrome.nodes}
      {hasPrefix || hasSuffix ? (
        <div className={cx("govuk-input__wrapper", inputWrapperClassName)}>
          {hasPrefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {hasSuffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
