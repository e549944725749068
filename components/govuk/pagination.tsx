import type { HTMLAttributes, ReactNode } from "react";
import { cx, hasContent } from "./utils";

export interface PaginationLink {
  href: string;
  /** Link text, default "Previous page" / "Next page" (with " page" visually hidden). */
  text?: ReactNode;
  /** Label under the link text; only shown in the block (no `items`) layout. */
  labelText?: ReactNode;
}

export interface PaginationPageItem {
  number: number | string;
  href: string;
  current?: boolean;
  /** Accessible label, default "Page <number>". */
  visuallyHiddenText?: string;
}

export interface PaginationEllipsisItem {
  ellipsis: true;
}

export type PaginationItem = PaginationPageItem | PaginationEllipsisItem;

export interface PaginationProps extends Omit<HTMLAttributes<HTMLElement>, "className" | "children"> {
  previous?: PaginationLink;
  next?: PaginationLink;
  /**
   * Numbered page items (see `paginationItems`). When omitted, the block layout
   * (`govuk-pagination--block`) for previous/next-only navigation is used.
   */
  items?: ReadonlyArray<PaginationItem | null | undefined | false>;
  /** `aria-label` of the `<nav>`, default "Pagination". */
  landmarkLabel?: string;
  className?: string;
}

function ArrowPrevious() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--prev"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
    </svg>
  );
}

function ArrowNext() {
  return (
    <svg
      className="govuk-pagination__icon govuk-pagination__icon--next"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
    </svg>
  );
}

function ArrowLink({ link, type, blockLevel }: { link: PaginationLink; type: "prev" | "next"; blockLevel: boolean }) {
  const arrow = type === "prev" ? <ArrowPrevious /> : <ArrowNext />;
  const hasLabel = hasContent(link.labelText);
  const text = hasContent(link.text) ? (
    link.text
  ) : (
    <>
      {type === "prev" ? "Previous" : "Next"}
      <span className="govuk-visually-hidden"> page</span>
    </>
  );

  return (
    <div className={`govuk-pagination__${type}`}>
      <a className="govuk-link govuk-pagination__link" href={link.href} rel={type}>
        {blockLevel || type === "prev" ? arrow : null}
        <span
          className={cx("govuk-pagination__link-title", blockLevel && !hasLabel && "govuk-pagination__link-title--decorated")}
        >
          {text}
        </span>
        {hasLabel && blockLevel ? (
          <>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{link.labelText}</span>
          </>
        ) : null}
        {!blockLevel && type === "next" ? arrow : null}
      </a>
    </div>
  );
}

function isEllipsis(item: PaginationItem): item is PaginationEllipsisItem {
  return "ellipsis" in item && item.ellipsis === true;
}

/** GOV.UK Pagination. */
export function Pagination({ previous, next, items, landmarkLabel, className, ...attributes }: PaginationProps) {
  const blockLevel = !items && Boolean(previous || next);

  return (
    <nav
      className={cx("govuk-pagination", blockLevel && "govuk-pagination--block", className)}
      aria-label={landmarkLabel || "Pagination"}
      {...attributes}
    >
      {previous?.href ? <ArrowLink link={previous} type="prev" blockLevel={blockLevel} /> : null}
      {items ? (
        <ul className="govuk-pagination__list">
          {items.map((item, index) => {
            if (!item) return null;
            if (isEllipsis(item)) {
              return (
                <li key={index} className="govuk-pagination__item govuk-pagination__item--ellipsis">
                  {"\u22EF" /* &ctdot; */}
                </li>
              );
            }
            return (
              <li
                key={index}
                className={cx("govuk-pagination__item", item.current && "govuk-pagination__item--current")}
              >
                <a
                  className="govuk-link govuk-pagination__link"
                  href={item.href}
                  aria-label={item.visuallyHiddenText ?? `Page ${item.number}`}
                  aria-current={item.current ? "page" : undefined}
                >
                  {item.number}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
      {next?.href ? <ArrowLink link={next} type="next" blockLevel={blockLevel} /> : null}
    </nav>
  );
}

/**
 * Page items for `Pagination`, following the GOV.UK recommendation: always the
 * first and last pages, the current page and one page either side of it, with
 * an ellipsis for each run of skipped pages. A "run" of exactly one page is
 * shown as that page instead (an ellipsis would take the same space).
 *
 * `current` is clamped to 1…total. Returns `[]` when `total` < 1.
 */
export function paginationItems(
  current: number,
  total: number,
  hrefFor: (page: number) => string,
): PaginationItem[] {
  const last = Math.floor(total);
  if (!Number.isFinite(last) || last < 1) return [];
  const currentPage = Math.min(Math.max(Math.floor(Number.isFinite(current) ? current : 1), 1), last);

  const pages = [...new Set([1, currentPage - 1, currentPage, currentPage + 1, last])]
    .filter((page) => page >= 1 && page <= last)
    .sort((a, b) => a - b);

  const pageItem = (page: number): PaginationPageItem =>
    page === currentPage ? { number: page, href: hrefFor(page), current: true } : { number: page, href: hrefFor(page) };

  const items: PaginationItem[] = [];
  let previousPage = 0;
  for (const page of pages) {
    const gap = page - previousPage - 1;
    if (gap === 1) items.push(pageItem(page - 1));
    else if (gap > 1) items.push({ ellipsis: true });
    items.push(pageItem(page));
    previousPage = page;
  }
  return items;
}
