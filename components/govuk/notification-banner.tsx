"use client";

import { useRef, type HTMLAttributes, type ReactNode } from "react";
import { useGovukFrontend, type GovukFrontendModule } from "./use-govuk-frontend";
import { cx, hasContent, type HeadingLevel } from "./utils";

export interface NotificationBannerProps extends Omit<HTMLAttributes<HTMLDivElement>, "className" | "title"> {
  /** `"success"` adds `govuk-notification-banner--success`, `role="alert"` and the title "Success". */
  type?: "success";
  /** Title text; defaults to "Important", or "Success" for success banners. */
  title?: ReactNode;
  /** Id of the title heading (and `aria-labelledby`), default "govuk-notification-banner-title". */
  titleId?: string;
  /** Title heading level, default 2. */
  titleHeadingLevel?: HeadingLevel;
  /** Single-line heading, rendered as `<p class="govuk-notification-banner__heading">`. */
  heading?: ReactNode;
  /** Further content, rendered after `heading` inside `govuk-notification-banner__content`. */
  children?: ReactNode;
  /** Overrides the role (`region`, or `alert` for success banners). */
  role?: string;
  /** Renders `data-disable-auto-focus` (omitted when undefined). */
  disableAutoFocus?: boolean;
  className?: string;
}

function initNotificationBanner(govuk: GovukFrontendModule, $root: HTMLDivElement) {
  new govuk.NotificationBanner($root);
}

/**
 * GOV.UK Notification banner. On mount, govuk-frontend's NotificationBanner JS
 * is initialised (it focuses banners with `role="alert"`, i.e. success banners).
 */
export function NotificationBanner({
  type,
  title,
  titleId,
  titleHeadingLevel,
  heading,
  children,
  role,
  disableAutoFocus,
  className,
  ...attributes
}: NotificationBannerProps) {
  const ref = useRef<HTMLDivElement>(null);
  useGovukFrontend(ref, "govuk-notification-banner", initNotificationBanner);

  const isSuccess = type === "success";
  const id = titleId || "govuk-notification-banner-title";
  const Heading = `h${titleHeadingLevel || 2}` as const;

  return (
    <div
      ref={ref}
      className={cx("govuk-notification-banner", isSuccess && "govuk-notification-banner--success", className)}
      role={role || (isSuccess ? "alert" : "region")}
      aria-labelledby={id}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
      {...attributes}
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={id}>
          {hasContent(title) ? title : isSuccess ? "Success" : "Important"}
        </Heading>
      </div>
      <div className="govuk-notification-banner__content">
        {hasContent(heading) ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
