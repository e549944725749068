export { BackLink, type BackLinkProps } from "./back-link";
export { Button, type ButtonAsButtonProps, type ButtonAsLinkProps, type ButtonProps, type ButtonVariant } from "./button";
export {
  Checkboxes,
  type CheckboxDivider,
  type CheckboxesItem,
  type CheckboxesProps,
  type CheckboxItem,
} from "./checkboxes";
export type { ChoiceDivider, ChoiceGroupProps, ChoiceItem } from "./choices";
export { Details, type DetailsProps } from "./details";
export { ErrorMessage, type ErrorMessageProps } from "./error-message";
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from "./error-summary";
export type { FieldProps } from "./field";
export { Fieldset, type FieldsetProps } from "./fieldset";
export { GenericHeader, type GenericHeaderProps } from "./generic-header";
export { Hint, type HintProps } from "./hint";
export { Input, type InputProps } from "./input";
export { InsetText, type InsetTextProps } from "./inset-text";
export { Label, type LabelProps } from "./label";
export { NotificationBanner, type NotificationBannerProps } from "./notification-banner";
export { PageShell, type PageShellProps } from "./page-shell";
export {
  Pagination,
  paginationItems,
  type PaginationEllipsisItem,
  type PaginationItem,
  type PaginationLink,
  type PaginationPageItem,
  type PaginationProps,
} from "./pagination";
export { Panel, type PanelProps } from "./panel";
export { PhaseBanner, type PhaseBannerProps } from "./phase-banner";
export { Radios, type RadioDivider, type RadioInputProps, type RadioItem, type RadiosItem, type RadiosProps } from "./radios";
export { Select, type SelectItem, type SelectProps } from "./select";
export { ServiceNavigation, type ServiceNavigationItem, type ServiceNavigationProps } from "./service-navigation";
export { SkipLink, type SkipLinkProps } from "./skip-link";
export { SummaryCard, type SummaryCardProps } from "./summary-card";
export { SummaryList, type SummaryListAction, type SummaryListProps, type SummaryListRow } from "./summary-list";
export { Table, type TableCell, type TableCellInput, type TableProps } from "./table";
export { Tag, type TagColour, type TagProps } from "./tag";
export { Textarea, type TextareaProps } from "./textarea";
export { WarningText, type WarningTextProps } from "./warning-text";
export type { HeadingLevel } from "./utils";
