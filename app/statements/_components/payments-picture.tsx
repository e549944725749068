// The payments picture: one bar per statement of the provider's cohort, stacked by output payments,
// service fee, uplift fees, clawbacks (below the axis) and adjustments, the current statement
// marked. Server-rendered SVG (role="img" with a title and a description) and the same figures in a
// GOV.UK table under a details toggle; no client script. The geometry is a pure function
// (lib/statements/rules/payments-picture.ts); the figures are the engine's (lib/statements/overview.ts).
import { Details, Table, type TableCell } from "@/components/govuk";
import { formatDate } from "@/lib/format/dates";
import { formatMoneyForDisplay, MINUS_SIGN } from "@/lib/format/money";
import type { PaymentsPicture as Picture } from "@/lib/statements/overview";
import { PAYMENT_PART_LABELS, PAYMENT_PARTS, paymentsPictureGeometry, type PaymentPart } from "@/lib/statements/rules/payments-picture";
import { statementPath } from "./paths";

/** GOV.UK colours, one per part (the legend and the table name them too). */
const COLOURS: Readonly<Record<PaymentPart, string>> = {
  outputPayments: "#1d70b8",
  serviceFee: "#28a197",
  uplift: "#f47738",
  clawbacks: "#d4351c",
  adjustments: "#4c2c92",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "£50k", "−£1.5m", "£0" for the axis. */
function axisMoney(value: number): string {
  const sign = value < 0 ? MINUS_SIGN : "";
  const abs = Math.abs(value);
  const text = abs >= 1_000_000 ? `${+(abs / 1_000_000).toFixed(2)}m` : abs >= 1000 ? `${+(abs / 1000).toFixed(1)}k` : `${+abs.toFixed(2)}`;
  return `${sign}£${text}`;
}

const numeric = (text: TableCell["text"]): TableCell => ({ text, format: "numeric", className: "app-nowrap" });

export function PaymentsPicture({ picture, statementId, providerName, cohortYear }: { picture: Picture; statementId: string; providerName: string; cohortYear: number }) {
  const { statements, currentId } = picture;
  const geometry = paymentsPictureGeometry(
    statements.map((s) => ({
      id: s.id,
      label: `${MONTHS[s.month - 1]} ${String(s.year).slice(2)}`,
      marked: s.id === currentId,
      parts: Object.fromEntries(PAYMENT_PARTS.map((part) => [part, Number(s.parts[part])])) as Record<PaymentPart, number>,
    })),
  );
  const current = statements.find((s) => s.id === currentId);
  const first = statements[0];
  const last = statements.at(-1);
  const titleId = "payments-picture-title";
  const descId = "payments-picture-desc";
  const labelEvery = Math.max(1, Math.ceil(statements.length / 24));

  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="payments-picture-heading">
      <h2 className="govuk-heading-m" id="payments-picture-heading">
        Payments for the {cohortYear} cohort
      </h2>
      <p className="govuk-body">
        What each of {providerName}&apos;s {cohortYear} statements pays, excluding VAT. Clawbacks are below the line.
        {current ? ` The current statement (${current.name}) is marked.` : ""}
      </p>
      <ul className="govuk-list app-chart-legend" aria-hidden="true">
        {PAYMENT_PARTS.map((part) => (
          <li key={part} className="app-chart-legend__item">
            <svg width="16" height="16" focusable="false" className="app-chart-legend__swatch">
              <rect width="16" height="16" fill={COLOURS[part]} />
            </svg>
            {PAYMENT_PART_LABELS[part]}
          </li>
        ))}
      </ul>
      <div className="app-chart">
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          width="100%"
          preserveAspectRatio="xMidYMid meet"
          fontFamily='"Helvetica Neue", Helvetica, Arial, sans-serif'
          data-testid="payments-picture"
        >
          <title id={titleId}>{`${providerName}, ${cohortYear} cohort: payments by statement`}</title>
          <desc id={descId}>
            {statements.length === 0
              ? "There are no statements."
              : `${statements.length} statements from ${first!.name} to ${last!.name}, each a bar of output payments, service fee, uplift fees and adjustments above the line and clawbacks below it.${current ? ` The current statement is ${current.name}, total ${formatMoneyForDisplay(current.parts.total)} excluding VAT.` : ""} The same figures are in the table below.`}
          </desc>
          {geometry.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={geometry.plot.left} x2={geometry.plot.right} y1={tick.y} y2={tick.y} stroke="#cecece" strokeWidth={1} />
              <text x={geometry.plot.left - 8} y={tick.y + 4} textAnchor="end" fontSize={12} fill="#0b0c0c">
                {axisMoney(tick.value)}
              </text>
            </g>
          ))}
          {geometry.bars.map((bar, index) => (
            <g key={bar.id} data-statement-id={bar.id}>
              {bar.segments.map((segment) => (
                <rect key={segment.part} x={bar.x} y={segment.y} width={bar.width} height={Math.max(segment.height, 0.5)} fill={COLOURS[segment.part]} />
              ))}
              {bar.marked ? (
                <>
                  <rect
                    x={bar.x - 3}
                    y={geometry.plot.top}
                    width={bar.width + 6}
                    height={geometry.plot.bottom - geometry.plot.top}
                    fill="none"
                    stroke="#0b0c0c"
                    strokeWidth={2}
                    strokeDasharray="4 3"
                  />
                  <text x={bar.centre} y={geometry.plot.top - 6} textAnchor="middle" fontSize={12} fontWeight="bold" fill="#0b0c0c">
                    Current
                  </text>
                </>
              ) : null}
              {bar.id === statementId ? (
                <rect x={bar.x - 1} y={geometry.plot.bottom + 2} width={bar.width + 2} height={4} fill="#0b0c0c" />
              ) : null}
              {index % labelEvery === 0 || bar.marked ? (
                <text
                  x={bar.centre}
                  y={geometry.plot.bottom + 18}
                  textAnchor="end"
                  fontSize={12}
                  fill="#0b0c0c"
                  transform={`rotate(-40 ${bar.centre} ${geometry.plot.bottom + 18})`}
                >
                  {bar.label}
                </text>
              ) : null}
            </g>
          ))}
          <line x1={geometry.plot.left} x2={geometry.plot.right} y1={geometry.zeroY} y2={geometry.zeroY} stroke="#0b0c0c" strokeWidth={2} />
        </svg>
      </div>
      <Details summary="The figures in this picture">
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label="Payments by statement">
          <Table
            caption={`${providerName}, ${cohortYear} cohort: payments by statement (excluding VAT unless stated)`}
            captionClassName="govuk-table__caption--s"
            className="app-table--wide govuk-!-font-size-16"
            firstCellIsHeader
            data-testid="payments-picture-table"
            head={["Statement", ...PAYMENT_PARTS.map((part) => numeric(PAYMENT_PART_LABELS[part])), numeric("Total"), numeric("Total (with VAT)")]}
            rows={statements.map((s) => [
              {
                text: (
                  <>
                    {s.id === statementId ? (
                      <>
                        <strong>{s.name}</strong> (this statement)
                      </>
                    ) : (
                      <a className="govuk-link" href={statementPath(s.id)}>
                        {s.name}
                      </a>
                    )}
                    {s.id === currentId ? " (current)" : ""}
                    <br />
                    <span className="govuk-body-s govuk-!-margin-0">Cut-off {formatDate(s.deadlineDate)}</span>
                  </>
                ),
                attributes: { "data-statement-id": s.id },
              },
              ...PAYMENT_PARTS.map((part) => numeric(formatMoneyForDisplay(s.parts[part]))),
              numeric(formatMoneyForDisplay(s.parts.total)),
              numeric(formatMoneyForDisplay(s.totalWithVat)),
            ])}
          />
        </div>
      </Details>
    </section>
  );
}
