// The statement page's body, from its view model only (lib/statements/view.ts): every figure is
// the engine's, formatted here and nowhere else worked out. Rendered the same way for a live
// statement and for a paid statement's snapshot.
import type { ReactNode } from "react";
import { Button, Details, InsetText, SummaryCard, SummaryList, Table, Tag, type SummaryListRow, type TableCell, type TableCellInput } from "@/components/govuk";
import type { StatementView } from "@/lib/statements/view";
import { DECLARATION_TYPES, DECLARATION_TYPE_LABELS, type DeclarationType } from "@/lib/domain/declaration-types";
import { MENTOR_SHARE_PERCENT, SERVICE_FEE_MONTHS } from "@/lib/engine";
import { MINUS_SIGN, formatMoneyForDisplay } from "@/lib/format/money";
import { bandLabel, formatCount, formatPercentage } from "@/lib/format/statement";

const money = (value: string) => formatMoneyForDisplay(value);
/** A right-aligned figure that never wraps (a minus sign or "£" must stay with its number). */
const numeric = (text: ReactNode, className?: string): TableCell => ({ text, format: "numeric", className: className ? `app-nowrap ${className}` : "app-nowrap" });
const isZero = (value: string) => /^-?0(\.0*)?$/.test(value);
/** An amount taken off, shown with a minus sign: "−£1,500.00" (nothing for zero). */
const deduction = (value: string) => (isZero(value) ? money(value) : `${MINUS_SIGN}${money(value)}`);

/** Mentor-funded cohorts pay mentors for these types only (lib/engine/mentor-fees.ts). */
const MENTOR_TYPES = DECLARATION_TYPES.filter((type) => MENTOR_SHARE_PERCENT[type] !== undefined);

function Hidden({ children }: { children: ReactNode }) {
  return <span className="govuk-visually-hidden">{children}</span>;
}

export type StatementLinks = {
  voided: string;
  clawbacks: string;
  adjustment?: { add: string; change: (id: string) => string; remove: (id: string) => string; confirm?: (id: string) => string };
  /** Why adjustments cannot be made here, when they cannot. */
  adjustmentRefusal?: string;
  /** The approval limit, formatted: adjustments above it await an approver's confirmation. */
  approvalLimit?: string;
};

// ---------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------

function ectSummaryRows(view: StatementView): SummaryListRow[] {
  const ect = view.result.ect;
  const pooled = !view.cohort.mentorFunding;
  const rows: (SummaryListRow | null)[] = [
    { key: pooled ? "Output payment" : "ECT output payment", value: money(ect.outputPayment) },
    { key: "Service fee", value: money(ect.serviceFee) },
    view.contract.upliftAmount !== null ? { key: "Uplift fees", value: money(ect.upliftFees) } : null,
    { key: pooled ? "Clawbacks" : "ECT clawbacks", value: money(ect.clawbacks) },
    view.contract.upliftAmount !== null || !isZero(ect.upliftClawbacks) ? { key: "Uplift clawbacks", value: money(ect.upliftClawbacks) } : null,
    { key: "Additional adjustments", value: money(ect.additionalAdjustments) },
    !isZero(ect.reconcileAmount) ? { key: "Reconcile amount", value: money(ect.reconcileAmount) } : null,
  ];
  return rows.filter((row): row is SummaryListRow => row !== null);
}

function vatValue(view: StatementView, vat: string): ReactNode {
  return view.provider.vatChargeable ? money(vat) : `${money(vat)} (${view.provider.name} is not charged VAT)`;
}

export function StatementSummary({ view }: { view: StatementView }) {
  const { result } = view;
  const mentor = result.mentor;
  return (
    <section aria-labelledby="summary-heading">
      <h2 className="govuk-heading-l" id="summary-heading">
        Summary
      </h2>
      <p className="govuk-body govuk-!-margin-bottom-1">Total (with VAT)</p>
      <p className="govuk-heading-xl govuk-!-margin-bottom-6" data-testid="total-with-vat">
        {money(result.totalWithVat)}
      </p>
      {mentor ? (
        <>
          <SummaryCard
            title="Early career teachers"
            rows={[
              ...ectSummaryRows(view),
              { key: "ECT total (excluding VAT)", value: money(result.ect.total) },
              { key: "ECT VAT", value: vatValue(view, result.ect.vat) },
            ]}
          />
          <SummaryCard
            title="Mentors"
            rows={[
              { key: "Mentor output payment", value: money(mentor.outputPayment) },
              { key: "Mentor clawbacks", value: money(mentor.clawbacks) },
              { key: "Mentor total (excluding VAT)", value: money(mentor.total) },
              { key: "Mentor VAT", value: vatValue(view, mentor.vat) },
            ]}
          />
          <SummaryList
            rows={[
              { key: "Total (excluding VAT)", value: money(result.total) },
              { key: "VAT", value: vatValue(view, result.vat) },
              { key: "Total (with VAT)", value: <strong>{money(result.totalWithVat)}</strong> },
            ]}
          />
        </>
      ) : (
        <SummaryList
          rows={[
            ...ectSummaryRows(view),
            { key: "Total (excluding VAT)", value: money(result.total) },
            { key: "VAT", value: vatValue(view, result.vat) },
            { key: "Total (with VAT)", value: <strong>{money(result.totalWithVat)}</strong> },
          ]}
        />
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------
// Declarations summary
// ---------------------------------------------------------------------------

function countLink(count: number, href: string, what: string): ReactNode {
  if (count === 0) return formatCount(count);
  return (
    <a className="govuk-link" href={href}>
      {formatCount(count)}
      <Hidden> {what}</Hidden>
    </a>
  );
}

export function DeclarationsSummaryTable({ view, links }: { view: StatementView; links: StatementLinks }) {
  const { byType, clawedBack, voided } = view.declarations;
  return (
    <Table
      caption="Declarations"
      captionClassName="govuk-table__caption--m"
      firstCellIsHeader
      head={["Declaration type", numeric("ECTs"), numeric("Mentors")]}
      rows={[
        ...DECLARATION_TYPES.map((type) => [
          DECLARATION_TYPE_LABELS[type],
          numeric(formatCount(byType[type].ect)),
          numeric(formatCount(byType[type].mentor)),
        ]),
        [
          "Clawed back",
          numeric(countLink(clawedBack.ect, `${links.clawbacks}?type=ect`, "clawed-back ECT declarations")),
          numeric(countLink(clawedBack.mentor, `${links.clawbacks}?type=mentor`, "clawed-back mentor declarations")),
        ],
        [
          "Voided",
          numeric(countLink(voided.ect, `${links.voided}?type=ect`, "voided ECT declarations")),
          numeric(countLink(voided.mentor, `${links.voided}?type=mentor`, "voided mentor declarations")),
        ],
      ]}
    />
  );
}

// ---------------------------------------------------------------------------
// Output payments
// ---------------------------------------------------------------------------

export function OutputPaymentsTable({ view }: { view: StatementView }) {
  const ect = view.result.ect;
  const letters = view.contract.bands.map((band) => band.letter);
  const pooled = !view.cohort.mentorFunding;
  const rows: TableCellInput[][] = [];
  for (const type of DECLARATION_TYPES) {
    const output = ect.outputs[type];
    const label = DECLARATION_TYPE_LABELS[type];
    rows.push([
      label,
      ...letters.map((letter) => numeric(formatCount(output.bands[letter]?.additions ?? 0))),
      numeric(money(output.payment)),
    ]);
    rows.push([
      {
        text: (
          <>
            Fee per participant<Hidden> for {label}</Hidden>
          </>
        ),
        className: "govuk-!-font-weight-regular govuk-body-s",
      },
      ...letters.map((letter) => numeric(money(output.bands[letter]?.feePerDeclaration ?? "0"), "govuk-body-s")),
      numeric(""),
    ]);
  }
  rows.push([
    pooled ? "Output payment total" : "ECT output payment total",
    ...letters.map(() => numeric("")),
    numeric(<strong>{money(ect.outputPayment)}</strong>),
  ]);
  return (
    <Table
      caption={pooled ? "Output payments" : "ECT output payments"}
      captionClassName="govuk-table__caption--m"
      firstCellIsHeader
      head={["Declaration type", ...letters.map((letter) => numeric(bandLabel(letter))), numeric("Payments")]}
      rows={rows}
    />
  );
}

export function MentorOutputTable({ view }: { view: StatementView }) {
  const mentor = view.result.mentor;
  if (!mentor) return null;
  return (
    <Table
      caption="Mentor output payments"
      captionClassName="govuk-table__caption--m"
      firstCellIsHeader
      head={["Declaration type", numeric("Participants"), numeric("Fee per mentor"), numeric("Payments")]}
      rows={[
        ...MENTOR_TYPES.map((type: DeclarationType) => {
          const output = mentor.outputs[type];
          return [
            DECLARATION_TYPE_LABELS[type],
            numeric(formatCount(output.additions)),
            numeric(money(output.feePerDeclaration)),
            numeric(money(output.payment)),
          ];
        }),
        ["Mentor output payment total", numeric(""), numeric(""), numeric(<strong>{money(mentor.outputPayment)}</strong>)],
      ]}
    />
  );
}

export function UpliftTable({ view }: { view: StatementView }) {
  if (view.contract.upliftAmount === null) return null;
  const ect = view.result.ect;
  return (
    <Table
      caption="Uplift fees"
      captionClassName="govuk-table__caption--m"
      firstCellIsHeader
      head={["Uplift", numeric("Participants"), numeric("Fee per participant"), numeric("Payments")]}
      rows={[
        [
          "Sparsity or pupil premium uplift",
          numeric(formatCount(ect.upliftCount)),
          numeric(money(view.contract.upliftAmount)),
          numeric(money(ect.upliftFees)),
        ],
      ]}
    />
  );
}

// ---------------------------------------------------------------------------
// Clawbacks
// ---------------------------------------------------------------------------

export function ClawbacksTable({ view, links }: { view: StatementView; links: StatementLinks }) {
  const { rows, total } = view.clawbacks;
  return (
    <section aria-labelledby="clawbacks-heading">
      <h2 className="govuk-heading-m" id="clawbacks-heading">
        Clawbacks
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">Nothing is clawed back on this statement.</p>
      ) : (
        <>
          <Table
            caption="Clawbacks by declaration type and band"
            captionClassName="govuk-visually-hidden"
            firstCellIsHeader
            head={["Clawback", numeric("Participants"), numeric("Fee per participant"), numeric("Payments")]}
            rows={[
              ...rows.map((row) => [row.label, numeric(formatCount(row.count)), numeric(money(row.fee)), numeric(money(row.amount))]),
              ["Clawbacks total", numeric(""), numeric(""), numeric(<strong>{money(total)}</strong>)],
            ]}
          />
          <p className="govuk-body app-no-print">
            <a className="govuk-link" href={links.clawbacks}>
              View the clawed-back declarations
            </a>
          </p>
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------
// Service fee
// ---------------------------------------------------------------------------

export function ServiceFeeSection({ view }: { view: StatementView }) {
  const ect = view.result.ect;
  const breakdown = ect.serviceFeeBreakdown;
  return (
    <section aria-labelledby="service-fee-heading">
      <h2 className="govuk-heading-m" id="service-fee-heading">
        Service fee
      </h2>
      {ect.serviceFeeInstalment === null ? (
        <p className="govuk-body" data-testid="service-fee-instalment">
          This statement pays no service fee: the contract&apos;s {SERVICE_FEE_MONTHS} instalments are paid on other statements.
        </p>
      ) : (
        <p className="govuk-body" data-testid="service-fee-instalment">
          Service fee: instalment {ect.serviceFeeInstalment} of {SERVICE_FEE_MONTHS}
        </p>
      )}
      <p className="govuk-body">
        Service fee on this statement: <strong>{money(ect.serviceFee)}</strong>
      </p>
      {breakdown.method === "monthly" ? (
        <p className="govuk-body">
          The contract sets a monthly service fee of {money(breakdown.monthlyServiceFee)}, paid as each of the {SERVICE_FEE_MONTHS}{" "}
          instalments.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Worked out from the recruitment target of {formatCount(breakdown.recruitmentTarget)} participants, placed in the bands in order.
            The set-up fee is taken off in proportion to how full band A is, and the rest is paid in {breakdown.months} monthly
            instalments: the total ÷ {breakdown.months} to the penny, with what is left over on the last.
          </p>
          <Table
            caption="How the service fee is worked out"
            captionClassName="govuk-table__caption--s"
            firstCellIsHeader
            head={["Band", numeric("Participants"), numeric("Price per participant"), numeric("Service fee"), numeric("Amount")]}
            rows={[
              ...Object.entries(breakdown.bands).map(([letter, band]) => [
                bandLabel(letter),
                numeric(formatCount(band.participants)),
                numeric(money(band.perParticipant)),
                numeric(formatPercentage(band.serviceFeePercentage)),
                numeric(money(band.amount)),
              ]),
              ["Set-up fee deduction", numeric(""), numeric(""), numeric(""), numeric(deduction(breakdown.setUpFeeDeduction))],
              ["Total service fee", numeric(""), numeric(""), numeric(""), numeric(money(breakdown.totalServiceFee))],
              [
                ect.serviceFeeInstalment === null ? "On this statement (no instalment)" : `Instalment ${ect.serviceFeeInstalment} of ${breakdown.months}`,
                numeric(""),
                numeric(""),
                numeric(""),
                numeric(<strong>{money(ect.serviceFee)}</strong>),
              ],
            ]}
          />
          {breakdown.recruitmentBeyondBands > 0 ? (
            <p className="govuk-body">
              {formatCount(breakdown.recruitmentBeyondBands)} participants of the recruitment target are beyond the top band and earn no
              service fee.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------
// Unpaid
// ---------------------------------------------------------------------------

export function UnpaidSection({ view }: { view: StatementView }) {
  const outputs = view.result.ect.outputs;
  const unpaid = DECLARATION_TYPES.filter((type) => outputs[type].unpaid > 0);
  const unmatched = DECLARATION_TYPES.filter((type) => outputs[type].unmatchedRefundables > 0);
  return (
    <section aria-labelledby="unpaid-heading">
      <h2 className="govuk-heading-m" id="unpaid-heading">
        Unpaid declarations
      </h2>
      {unpaid.length === 0 ? (
        <p className="govuk-body">No declarations on this statement are beyond the top band&apos;s capacity.</p>
      ) : (
        <Table
          caption="Declarations beyond the top band's capacity: not paid"
          captionClassName="govuk-table__caption--s"
          firstCellIsHeader
          head={["Declaration type", numeric("Unpaid declarations")]}
          rows={unpaid.map((type) => [DECLARATION_TYPE_LABELS[type], numeric(formatCount(outputs[type].unpaid))])}
        />
      )}
      {unmatched.length > 0 ? (
        <Table
          caption="Clawbacks with no earlier payment to take them from: not clawed back"
          captionClassName="govuk-table__caption--s"
          firstCellIsHeader
          head={["Declaration type", numeric("Declarations")]}
          rows={unmatched.map((type) => [DECLARATION_TYPE_LABELS[type], numeric(formatCount(outputs[type].unmatchedRefundables))])}
        />
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------------------
// Additional adjustments
// ---------------------------------------------------------------------------

export function AdjustmentsSection({ view, links }: { view: StatementView; links: StatementLinks }) {
  const actions = links.adjustment;
  const awaiting = view.adjustments.filter((adjustment) => adjustment.awaitingApproval).length;
  return (
    <section aria-labelledby="adjustments-heading">
      <h2 className="govuk-heading-m" id="adjustments-heading">
        Additional adjustments
      </h2>
      {view.adjustments.length === 0 ? (
        <p className="govuk-body">There are no additional adjustments on this statement.</p>
      ) : (
        <Table
          caption="Additional adjustments"
          captionClassName="govuk-visually-hidden"
          firstCellIsHeader
          head={["Adjustment", numeric("Amount"), ...(actions ? [{ text: <Hidden>Actions</Hidden> }] : [])]}
          rows={[
            ...view.adjustments.map((adjustment) => [
              {
                text: (
                  <>
                    {adjustment.name}
                    {adjustment.awaitingApproval ? (
                      <>
                        {" "}
                        <Tag colour="yellow">Awaiting approval</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
              numeric(money(adjustment.amount)),
              ...(actions
                ? [
                    {
                      text: (
                        <ul className="govuk-summary-list__actions-list">
                          {adjustment.awaitingApproval && actions.confirm ? (
                            <li className="govuk-summary-list__actions-list-item">
                              <a className="govuk-link" href={actions.confirm(adjustment.id)}>
                                Confirm<Hidden> {adjustment.name}</Hidden>
                              </a>
                            </li>
                          ) : null}
                          <li className="govuk-summary-list__actions-list-item">
                            <a className="govuk-link" href={actions.change(adjustment.id)}>
                              Change<Hidden> {adjustment.name}</Hidden>
                            </a>
                          </li>
                          <li className="govuk-summary-list__actions-list-item">
                            <a className="govuk-link" href={actions.remove(adjustment.id)}>
                              Remove<Hidden> {adjustment.name}</Hidden>
                            </a>
                          </li>
                        </ul>
                      ),
                      className: "app-nowrap",
                    },
                  ]
                : []),
            ]),
            [
              "Total additional adjustments",
              numeric(<strong>{money(view.result.ect.additionalAdjustments)}</strong>),
              ...(actions ? [""] : []),
            ],
          ]}
        />
      )}
      {awaiting > 0 ? (
        <p className="govuk-body" data-testid="adjustments-awaiting-approval">
          An adjustment {links.approvalLimit ? `of more than ${links.approvalLimit} ` : "above the approval limit "}
          counts in the statement&apos;s figures only once an approver who did not add or change it confirms it. The total above
          leaves out {awaiting === 1 ? "the 1 adjustment" : `the ${awaiting} adjustments`} awaiting approval, and the statement
          cannot be authorised until {awaiting === 1 ? "it is" : "they are"} confirmed or removed.
        </p>
      ) : null}
      {actions ? (
        <Button href={actions.add} variant="secondary" className="app-no-print">
          Add an adjustment
        </Button>
      ) : links.adjustmentRefusal ? (
        <p className="govuk-body">{links.adjustmentRefusal}</p>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------------------
// Contract
// ---------------------------------------------------------------------------

function bandRange(band: { min: number | null; max: number | null }): string {
  const min = formatCount(band.min ?? 0);
  return band.max === null ? `${min} and over` : `${min} to ${formatCount(band.max)}`;
}

export function ContractDetails({ view }: { view: StatementView }) {
  const { contract } = view;
  return (
    <Details summary="Contract details">
      <SummaryList
        rows={[
          { key: "Recruitment target", value: formatCount(contract.recruitmentTarget) },
          { key: "Revised recruitment target", value: formatCount(contract.revisedRecruitmentTarget) },
          { key: "Set-up fee", value: money(contract.setUpFee) },
          contract.monthlyServiceFee !== null ? { key: "Monthly service fee", value: money(contract.monthlyServiceFee) } : null,
          { key: "Uplift amount", value: contract.upliftAmount === null ? "No uplift" : `${money(contract.upliftAmount)} per participant` },
          view.mentorContract
            ? { key: "Mentor payment per participant", value: money(view.mentorContract.paymentPerParticipant) }
            : { key: "Mentors", value: "Paid through the bands with ECTs (no separate mentor funding in this cohort)" },
          { key: "VAT", value: view.provider.vatChargeable ? "Charged at 20%" : "Not charged" },
        ]}
      />
      <Table
        caption="Bands"
        captionClassName="govuk-table__caption--s"
        firstCellIsHeader
        head={["Band", "Participants", numeric("Price per participant"), numeric("Output payment"), numeric("Service fee")]}
        rows={contract.bands.map((band) => [
          bandLabel(band.letter),
          bandRange(band),
          numeric(money(band.perParticipant)),
          numeric(formatPercentage(band.outputPaymentPercentage)),
          numeric(formatPercentage(band.serviceFeePercentage)),
        ])}
      />
    </Details>
  );
}

// ---------------------------------------------------------------------------
// The whole body
// ---------------------------------------------------------------------------

export function StatementFigures({ view, links }: { view: StatementView; links: StatementLinks }) {
  // Narrow tables stay narrow (GOV.UK: do not stretch a table across the page); the banded output table gets the full width.
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds-from-desktop">
          <StatementSummary view={view} />
          <DeclarationsSummaryTable view={view} links={links} />
          {view.statement.outputFee ? null : (
            <InsetText>This statement pays the service fee only. Declarations are paid on output statements.</InsetText>
          )}
        </div>
      </div>
      <OutputPaymentsTable view={view} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds-from-desktop">
          <MentorOutputTable view={view} />
          <UpliftTable view={view} />
          <ClawbacksTable view={view} links={links} />
          <ServiceFeeSection view={view} />
          <UnpaidSection view={view} />
          <AdjustmentsSection view={view} links={links} />
          <ContractDetails view={view} />
        </div>
      </div>
    </>
  );
}
