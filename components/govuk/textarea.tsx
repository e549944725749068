import type { Ref, TextareaHTMLAttributes } from "react";
import { fieldChrome, splitFieldProps, type FieldProps } from "./field";
import { cx } from "./utils";

export interface TextareaProps
  extends FieldProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "className" | "children" | "name" | "id"> {
  /** Field name; also the id when `id` is not given. */
  name: string;
  id?: string;
  /** Forwarded to the <textarea> (React 19 ref-as-prop), e.g. from react-hook-form's `register()`. */
  ref?: Ref<HTMLTextAreaElement>;
  /** Extra textarea classes. */
  className?: string;
}

/** GOV.UK Textarea. Extra props (rows, defaultValue, spellCheck, autoComplete, …) go on the `<textarea>`. */
export function Textarea(props: TextareaProps) {
  const [field, { name, id: idProp, className, rows, ...attributes }] = splitFieldProps(props);
  const id = idProp || name;
  const chrome = fieldChrome(id, field, attributes["aria-describedby"]);

  return (
    <div className={chrome.formGroupClassName}>
      {chrome.nodes}
      <textarea
        {...attributes}
        className={cx("govuk-textarea", chrome.hasError && "govuk-textarea--error", className)}
        id={id}
        name={name}
        rows={rows || 5}
        aria-describedby={chrome.describedBy}
      />
    </div>
  );
}
