// The deterministic demo data set, built around a given "today": every case the finance pages, the
// CSV export and the lead provider API need, on a few hundred participants, on DfE's calendar.
// Cohorts 2021 (payments frozen) to the current one, each with DfE's twelve schedules and, per lead
// provider, its 31 statements, paid, payable or open as that date makes them. The same date gives the
// same ids, names and states on every run.
import { hashApiToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/staff";
import type { Db } from "@/lib/db/client";
import { contractProblems } from "@/lib/engine/contract-rules";
import { Decimal } from "@/lib/engine/money";
import { currentCohortYear, type ScheduleIdentifier, type StatementCalendar, type StatementPlan } from "./calendar";
import { DAY_MS, HOUR_MS, dayOf, dayOfDate, dayOfMs, msOfDay, ymd } from "./dates";
import type { VoidActor, VoidMode } from "./lifecycle";
import {
  DEFERRAL_REASONS,
  INELIGIBLE_REASONS,
  STAFF_VOID_REASONS,
  WITHDRAWAL_REASONS,
  deliveryPartnerName,
  emailOnce,
  personName,
  schoolName,
  slugify,
  trnFor,
  urnFor,
} from "./names";
import { addPartnership, buildParticipant, type ParticipantContext, type ParticipantSpec, type Placement, type ScriptedVoid } from "./participants";
import { DEMO_SEED, Rng, createFaker, deriveSeed } from "./random";
import { MARKED_AS_PAID_BY, MENTOR_FUNDING_FROM, buildCohort, buildStatements, type CohortRef } from "./reference";
import {
  countRows,
  emptyRows,
  insertAll,
  insertStaffUsers,
  type DeclarationStateValue,
  type SeedRows,
  type StaffUserRow,
  type TableCounts,
} from "./tables";

export const DEMO_PASSWORD = "demo-password-123";

type DemoRole = "finance" | "approver";

/** Two pairs of eyes: finance prepares statements (adjustments, voids), an approver authorises them. */
export const DEMO_STAFF = [
  { email: "finance@example.com", name: "Finance User", roles: ["finance"] as DemoRole[] },
  { email: "approver@example.com", name: "Approver User", roles: ["finance", "approver"] as DemoRole[] },
  { email: "viewer@example.com", name: "Viewer User", roles: [] as DemoRole[] },
] as const;

/** Staff users added after the demo data was first made (ids from their own sequence, see buildDemo). */
const LATER_STAFF: ReadonlySet<string> = new Set(["approver@example.com"]);

export const DEMO_PROVIDERS = [
  { name: "Ambition Institute", vatChargeable: true },
  { name: "Best Practice Network", vatChargeable: true },
  { name: "Teach First", vatChargeable: false },
  { name: "UCL Early Career Teacher Education", vatChargeable: true },
] as const;

/** Lead provider name → its demo API token (stored hashed). */
export const DEMO_API_TOKENS: Readonly<Record<string, string>> = Object.fromEntries(
  DEMO_PROVIDERS.map((p) => [p.name, `demo-token-${slugify(p.name)}`]),
);

/** The first cohort. Its payments were frozen on 2024-04-03 (DfE's calendar, section 6). */
export const FIRST_COHORT = 2021;
const FROZEN_AT: Readonly<Record<number, number>> = { 2021: Date.UTC(2024, 3, 3) };

/** The demo's cohorts on `today`: 2021 to the current one. */
export function demoCohortYears(today: Date): number[] {
  const current = currentCohortYear(dayOfDate(today));
  return Array.from({ length: current - FIRST_COHORT + 1 }, (_, i) => FIRST_COHORT + i);
}

export interface DemoOptions {
  /** The demo's "today" (its UTC calendar day): statement statuses, and nothing happens on or after it. */
  today: Date;
}

/** Participant (user) ids of the interesting cases, and statement ids to start from. */
export interface DemoExamples {
  /** Scenario → user id. Unsuffixed keys are in the oldest cohort with paid, payable/open statements
   * (e.g. `clawedBack`), `…${year}` ones in a cohort whose output statements are all paid. */
  participants: Record<string, string>;
  /** `${provider} ${cohort}` → the first open output statement (where the cohort still has one). */
  openOutputStatements: Record<string, string>;
  /** `${provider} ${cohort}` → the payable output statement (where there is one on this date). */
  payableStatements: Record<string, string>;
  /** The contract with tiny bands (Best Practice Network, 2024). */
  smallBandsContractId: string;
  /** Participants with no declarations yet, in the current and the previous cohort, for every provider:
   * `${provider} ${cohort} ${"ect" | "mentor"} ${"eligible" | "unknown"}` (ecf-standard-september;
   * unknown = eligibility not yet decided) and `${provider} ${cohort} ect eligible extended`
   * (ecf-extended-september) → user id. */
  freshParticipants: Record<string, string>;
  /** Pairs of participants who look like one person (same TRN, same email, same name at the same
   * school) → [the record to keep, the record to retire] (user ids). Where the calendar allows. */
  duplicatePairs: Partial<Record<"trn" | "email" | "nameAndSchool", [string, string]>>;
}

export interface SeedSummary {
  counts: TableCounts;
  /** Lead provider name → plain demo API token. */
  tokens: Record<string, string>;
  examples: DemoExamples;
  /** The demo's today, "YYYY-MM-DD". */
  today: string;
  cohorts: number[];
}

// ---------------------------------------------------------------------------
// Contracts
// ---------------------------------------------------------------------------

type Band = readonly [min: number | null, max: number | null, perParticipant: string];

const BANDS_OPEN_TOP: readonly Band[] = [
  [null, 2000, "1000.00"],
  [2001, 4000, "975.00"],
  [4001, null, "950.00"],
];
const BANDS_FOUR: readonly Band[] = [
  [null, 1500, "995.00"],
  [1501, 3000, "979.00"],
  [3001, 4500, "966.00"],
  [4501, 5000, "949.00"],
];
/** From 2025: three ECT bands (A–C). */
const BANDS_THREE: readonly Band[] = [
  [null, 1500, "995.00"],
  [1501, 3000, "979.00"],
  [3001, null, "966.00"],
];
const BANDS_TF: readonly Band[] = [
  [null, 2500, "990.00"],
  [2501, 5000, "968.00"],
  [5001, null, "935.00"],
];
/** Best Practice Network 2024: small enough that the demo's declarations fill B, C and D and overflow. */
const BANDS_TINY: readonly Band[] = [
  [null, 20, "995.00"],
  [21, 40, "979.00"],
  [41, 60, "966.00"],
  [61, 70, "949.00"],
];

/** Output / service fee split of a band: A–C 60/40; a Band D ("new target") 100/0, as DfE imports it. */
function bandSplit(index: number): { output: number; serviceFee: number } {
  return index >= 3 ? { output: 100, serviceFee: 0 } : { output: 60, serviceFee: 40 };
}

interface ContractSpec {
  bands: readonly Band[];
  recruitmentTarget: number;
  setUpFee: string;
  monthlyServiceFee: string | null;
  upliftAmount: string | null;
}

const AMBITION_SET_UP_FEES: Readonly<Record<number, string>> = { 2021: "185000.00", 2022: "162500.00", 2023: "149651.00", 2024: "120000.00", 2025: "95000.00" };

function contractSpec(provider: number, year: number): ContractSpec {
  const growth = year - 2023;
  const mentorFunded = year >= MENTOR_FUNDING_FROM;
  const uplift = mentorFunded ? null : "100.00";
  switch (provider) {
    case 0:
      return {
        bands: BANDS_OPEN_TOP,
        recruitmentTarget: 4200 + growth * 200,
        setUpFee: AMBITION_SET_UP_FEES[year] ?? "90000.00",
        monthlyServiceFee: year === 2025 ? "52500.00" : null,
        upliftAmount: uplift,
      };
    case 1:
      if (year === 2024) return { bands: BANDS_TINY, recruitmentTarget: 60, setUpFee: "1500.00", monthlyServiceFee: null, upliftAmount: uplift };
      return { bands: mentorFunded ? BANDS_THREE : BANDS_FOUR, recruitmentTarget: 3100 + growth * 150, setUpFee: "110000.00", monthlyServiceFee: null, upliftAmount: uplift };
    case 2:
      return {
        bands: BANDS_TF,
        recruitmentTarget: 5800 + growth * 250,
        setUpFee: year <= 2023 ? "165000.00" : "0.00",
        monthlyServiceFee: null,
        upliftAmount: year === 2023 ? null : uplift,
      };
    default:
      return {
        bands: mentorFunded ? BANDS_THREE : BANDS_FOUR,
        recruitmentTarget: 4400 + growth * 100,
        setUpFee: "132500.00",
        monthlyServiceFee: year === 2024 ? "47850.00" : null,
        upliftAmount: uplift,
      };
  }
}

// ---------------------------------------------------------------------------
// The build (pure: no database)
// ---------------------------------------------------------------------------

interface ProviderRef {
  index: number;
  id: string;
  name: string;
  deliveryPartners: string[];
}

interface DemoBuild {
  rows: SeedRows;
  staff: Omit<StaffUserRow, "passwordHash">[];
  examples: DemoExamples;
  cohorts: number[];
}

/**
 * Where a cohort stands on the demo's today (the same for every provider):
 * - closed: no open output statement left (all paid, or the last one payable);
 * - running: some outputs paid, some still open (the richest cases: paid, payable, open, clawbacks);
 * - starting: nothing paid yet (the current cohort in its first autumn).
 */
interface CohortPhase {
  year: number;
  role: "closed" | "running" | "starting";
  paidOutputs: number;
  /** Days on which a submission goes on the first open output statement (the last few weeks), if any. */
  openDays: readonly [number, number] | null;
  /** Days on which a submission went on the payable output statement, if there is one. */
  payableDays: readonly [number, number] | null;
  /** Days on which a submission went on the first paid output statement (for voids after payment), if any. */
  firstPaidDays: readonly [number, number] | null;
}

function phaseOf(year: number, calendar: StatementCalendar, today: number): CohortPhase {
  const open = calendar.firstWithStatus("open");
  const payable = calendar.firstWithStatus("payable");
  const paid = calendar.paidOutputs();
  const paidOutputs = paid.length;
  let openDays: readonly [number, number] | null = null;
  if (open) {
    const days = calendar.submissionDays(open, today - 1);
    // The last few weeks: the starting cohort's first output statement takes everything before its cut-off.
    if (days && Math.max(days[0], today - 30) <= days[1]) openDays = [Math.max(days[0], today - 30), days[1]];
  }
  return {
    year,
    role: !open ? "closed" : paidOutputs > 0 ? "running" : "starting",
    paidOutputs,
    openDays,
    payableDays: payable ? calendar.submissionDays(payable, today - 1) : null,
    firstPaidDays: paid[0] ? calendar.submissionDays(paid[0], today - 1) : null,
  };
}

const MENTOR_SHARE = 0.25;
/** Best Practice Network 2024: enough started declarations to go past its small top band (70). */
const BPN_2024_PARTICIPANTS = 100;

export function buildDemo(options: DemoOptions): DemoBuild {
  const today = dayOfDate(options.today);
  const todayMs = msOfDay(today);
  const years = demoCohortYears(options.today);
  const currentYear = years.at(-1) as number;
  const faker = createFaker(DEMO_SEED);
  const rng = new Rng(deriveSeed(DEMO_SEED, "demo"));
  const newId = () => faker.string.uuid();
  const rows = emptyRows();
  const refMs = msOfDay(dayOf(FIRST_COHORT, 4, 6)) + 9 * HOUR_MS;

  // Staff users.
  // Users added to the demo later take their ids from a faker of their own, so that every other id
  // (and with it the data the tests pick by id) stays what it was.
  const laterStaff = createFaker(deriveSeed(DEMO_SEED, "staff:later"));
  const staff = DEMO_STAFF.map((s) => ({
    id: LATER_STAFF.has(s.email) ? laterStaff.string.uuid() : newId(),
    email: s.email,
    name: s.name,
    roles: [...s.roles],
    createdAt: refMs,
    updatedAt: refMs,
  }));
  const financeUser = staff[0] as (typeof staff)[number];

  // Lead providers and their API tokens.
  const providers: ProviderRef[] = DEMO_PROVIDERS.map((p, index) => {
    const id = newId();
    rows.leadProviders.push({ id, name: p.name, vatChargeable: p.vatChargeable, createdAt: refMs, updatedAt: refMs });
    rows.apiTokens.push({
      id: newId(),
      leadProviderId: id,
      hashedToken: hashApiToken(DEMO_API_TOKENS[p.name] as string),
      description: "Demo token",
      lastUsedAt: null,
      createdAt: refMs,
    });
    return { index, id, name: p.name, deliveryPartners: [] };
  });
  const providerById = new Map(providers.map((p) => [p.id, p]));

  // Cohorts, their schedules and milestones.
  const cohorts = new Map<number, CohortRef>();
  for (const year of years) {
    const frozen = FROZEN_AT[year];
    cohorts.set(
      year,
      buildCohort(rows, year, { mentorFunding: year >= MENTOR_FUNDING_FROM, paymentsFrozenAt: frozen !== undefined && frozen < todayMs ? frozen : null, today }, newId),
    );
  }
  const cohortOf = (year: number) => cohorts.get(year) as CohortRef;

  // Contracts (checked against the cohort rules the calculator applies).
  let smallBandsContractId = "";
  for (const year of years) {
    const cohort = cohortOf(year);
    const createdAt = msOfDay(dayOf(year, 4, 1)) + 9 * HOUR_MS;
    for (const provider of providers) {
      const spec = contractSpec(provider.index, year);
      const problems = contractProblems({
        mentorFunding: cohort.info.mentorFunding,
        upliftAmount: spec.upliftAmount === null ? null : new Decimal(spec.upliftAmount),
        bands: spec.bands,
      });
      if (problems.length > 0) throw new Error(`Demo contract ${provider.name} ${year}: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`);
      const contractId = newId();
      if (provider.index === 1 && year === 2024) smallBandsContractId = contractId;
      rows.callOffContracts.push({
        id: contractId,
        leadProviderId: provider.id,
        cohortId: cohort.info.id,
        recruitmentTarget: spec.recruitmentTarget,
        setUpFee: spec.setUpFee,
        monthlyServiceFee: spec.monthlyServiceFee,
        upliftAmount: spec.upliftAmount,
        createdAt,
        updatedAt: createdAt,
      });
      spec.bands.forEach(([min, max, perParticipant], index) => {
        const split = bandSplit(index);
        rows.participantBands.push({
          id: newId(),
          callOffContractId: contractId,
          min,
          max,
          perParticipant,
          outputPaymentPercentage: split.output,
          serviceFeePercentage: split.serviceFee,
        });
      });
      if (cohort.info.mentorFunding) {
        rows.mentorCallOffContracts.push({
          id: newId(),
          leadProviderId: provider.id,
          cohortId: cohort.info.id,
          recruitmentTarget: 1200 + provider.index * 150,
          paymentPerParticipant: "1000.00",
          createdAt,
          updatedAt: createdAt,
        });
      }
    }
  }

  // Statements: DfE's calendar, November of the cohort's year to May three years on.
  const calendars = new Map<string, StatementCalendar>();
  const calendarOf = (providerId: string, year: number) => calendars.get(`${providerId}:${year}`) as StatementCalendar;
  for (const year of years) {
    for (const provider of providers) calendars.set(`${provider.id}:${year}`, buildStatements(rows, provider.id, cohortOf(year).info, newId));
  }
  const phases = new Map(years.map((year) => [year, phaseOf(year, calendarOf((providers[0] as ProviderRef).id, year), today)]));
  const phaseOfYear = (year: number) => phases.get(year) as CohortPhase;
  const running = years.filter((y) => phaseOfYear(y).role === "running");
  const closed = years.filter((y) => phaseOfYear(y).role === "closed");
  const firstRunning = running[0] ?? null;
  const latestRunning = running.at(-1) ?? null;
  const latestClosed = closed.at(-1) ?? null;

  // Reconciliation amounts and additional adjustments on output statements, relative to today.
  type Pick = "first paid" | "second paid" | "last paid" | "current" | "open";
  const statementFor = (provider: number, year: number | null, pick: Pick): StatementPlan | undefined => {
    if (year === null) return undefined;
    const calendar = calendarOf((providers[provider] as ProviderRef).id, year);
    const paid = calendar.paidOutputs();
    if (pick === "first paid") return paid[0];
    if (pick === "second paid") return paid[1];
    if (pick === "last paid") return paid.at(-1);
    if (pick === "current") return calendar.firstWithStatus("payable") ?? calendar.firstWithStatus("open");
    return calendar.firstWithStatus("open");
  };
  const statementRowOf = (plan: StatementPlan) => rows.statements.find((s) => s.id === plan.id) as SeedRows["statements"][number];
  const reconciliations: [number, number | null, Pick, string][] = [
    [0, firstRunning, "second paid", "1250.00"],
    [2, latestClosed, "second paid", "-2375.50"],
    [1, latestRunning, "current", "310.25"],
  ];
  for (const [provider, year, pick, amount] of reconciliations) {
    const plan = statementFor(provider, year, pick);
    if (plan) statementRowOf(plan).reconcileAmount = amount;
  }
  const adjustments: [number, number | null, Pick, (plan: StatementPlan, year: number) => string, string][] = [
    [0, firstRunning, "first paid", () => "Additional funding for induction tutor training", "4500.00"],
    [3, latestClosed, "second paid", () => "Correction of uplift calculation", "-300.00"],
    [2, firstRunning, "last paid", () => "Funding for delivery partner quality assurance visits", "1800.00"],
    [0, latestRunning, "current", () => "Late mentor funding adjustment", "750.00"],
    [1, firstRunning, "open", () => "Delivery partner mobilisation support", "2000.00"],
    [
      2,
      latestRunning,
      "open",
      (plan, year) => `Overpayment on the ${calendarOf((providers[2] as ProviderRef).id, year).previousOutput(plan)?.name ?? "previous"} statement`,
      "-1250.00",
    ],
    [3, firstRunning, "open", () => "Duplicate service fee reversal", "-1500.00"],
  ];
  for (const [provider, year, pick, name, amount] of adjustments) {
    const plan = statementFor(provider, year, pick);
    if (!plan || year === null) continue;
    const createdAt = Math.min(plan.paidMs ?? Number.POSITIVE_INFINITY, msOfDay(Math.min(plan.deadlineDay, today - 3))) - 2 * DAY_MS;
    rows.additionalAdjustments.push({ id: newId(), statementId: plan.id, name: name(plan, year), amount, createdAt, updatedAt: createdAt });
  }

  // Delivery partners, schools, partnerships.
  const deliveryPartners = Array.from({ length: 8 }, (_, i) => {
    const id = newId();
    rows.deliveryPartners.push({ id, name: deliveryPartnerName(rng, i), createdAt: refMs, updatedAt: refMs });
    return id;
  });
  providers.forEach((p) => {
    p.deliveryPartners = [deliveryPartners[p.index * 2] as string, deliveryPartners[p.index * 2 + 1] as string];
  });
  (providers[3] as ProviderRef).deliveryPartners.push(deliveryPartners[1] as string);

  const SCHOOLS = 30;
  const PARTNERED = 28;
  const schools = Array.from({ length: SCHOOLS }, (_, i) => {
    const id = newId();
    rows.schools.push({ id, urn: urnFor(i), name: schoolName(rng, i * 3 + 1), createdAt: refMs, updatedAt: refMs });
    return id;
  });
  const tutors = schools.map(() => {
    const name = personName(faker);
    return { name: name.full, email: `${name.first}.${name.last}`.toLowerCase().replace(/[^a-z.]/g, "") + "@school.example.org" };
  });
  const placements = new Map<string, Placement[]>(); // `${provider}:${year}` → its partnered schools
  const placementsOf = (provider: number, year: number) => placements.get(`${provider}:${year}`) as Placement[];
  for (const year of years) {
    const cohort = cohortOf(year);
    const createdAt = msOfDay(dayOf(year, 5, 15)) + 10 * HOUR_MS;
    for (const provider of providers) {
      placements.set(`${provider.index}:${year}`, []);
      for (const dp of provider.deliveryPartners) {
        rows.providerRelationships.push({ id: newId(), leadProviderId: provider.id, deliveryPartnerId: dp, cohortId: cohort.info.id, createdAt });
      }
    }
    schools.forEach((schoolId, i) => {
      const partnered = i < PARTNERED;
      rows.schoolCohorts.push({
        id: newId(),
        schoolId,
        cohortId: cohort.info.id,
        inductionProgrammeChoice: partnered ? "provider_led" : "school_led",
        fundingEligible: partnered,
        createdAt,
        updatedAt: createdAt,
      });
      if (!partnered) return;
      // From 2025 three schools work with another provider.
      const providerIndex = year >= 2025 && i < 3 ? (i + 1) % 4 : i % 4;
      const provider = providers[providerIndex] as ProviderRef;
      const dp = provider.deliveryPartners[Math.floor(i / 4) % provider.deliveryPartners.length] as string;
      const tutor = tutors[i] as { name: string; email: string };
      placementsOf(providerIndex, year).push(
        addPartnership(rows.partnerships, {
          id: newId(),
          schoolId,
          cohortId: cohort.info.id,
          leadProviderId: provider.id,
          deliveryPartnerId: dp,
          tutor,
          at: createdAt,
          calendar: calendarOf(provider.id, year),
        }),
      );
    });
    // A school challenged a partnership recorded with the wrong provider (the two cohorts before the current one).
    const challengedSchool = year === currentYear - 2 ? 5 : year === currentYear - 1 ? 10 : null;
    if (challengedSchool !== null) {
      const provider = providers[(challengedSchool + 2) % 4] as ProviderRef;
      const challengedAt = msOfDay(dayOf(year, 10, 14)) + 15 * HOUR_MS;
      const tutor = tutors[challengedSchool] as { name: string; email: string };
      rows.partnerships.push({
        id: newId(),
        leadProviderId: provider.id,
        deliveryPartnerId: provider.deliveryPartners[0] as string,
        schoolId: schools[challengedSchool] as string,
        cohortId: cohort.info.id,
        status: "challenged",
        challengedReason: year === currentYear - 2 ? "mistake" : "do_not_recognise",
        challengedAt,
        inductionTutorName: tutor.name,
        inductionTutorEmail: tutor.email,
        createdAt,
        updatedAt: challengedAt,
      });
    }
  }

  // Participants.
  const staffVoider = MARKED_AS_PAID_BY;
  const ctx: ParticipantContext = {
    faker,
    rng,
    newId,
    rows,
    randomVoider: (leadProviderId) =>
      rng.chance(0.5) ? { by: staffVoider, reason: rng.pick(STAFF_VOID_REASONS) } : { by: `api:${leadProviderId}`, reason: null },
    actorFor: (by): VoidActor => {
      if (by === staffVoider) return { by, actorType: "staff", actorId: financeUser.id, actorLabel: financeUser.email };
      const provider = providerById.get(by.slice(4));
      return { by, actorType: "api", actorId: by.slice(4), actorLabel: provider?.name ?? by };
    },
  };
  const takenEmails = new Set<string>();
  let trnIndex = 0;
  const examples: Record<string, string> = {};
  const mentorsOf = new Map<string, { profileId: string; userId: string }[]>();
  let ectTurnedMentor: string | null = null;

  /** The first day of training on a schedule: its start, a few days in; always before today. */
  const startDayFor = (year: number, schedule: ScheduleIdentifier): number => {
    const start = schedule.endsWith("september") ? dayOf(year, 9, 1) : schedule.endsWith("january") ? dayOf(year + 1, 1, 4) : dayOf(year + 1, 4, 15);
    return Math.min(start + rng.int(0, 20), today - rng.int(7, 21));
  };
  /** A day for a scripted event, kept after the start of training and before today. */
  const eventDay = (spec: ParticipantSpec, day: number) => Math.max(spec.startDay + 1, Math.min(day, dayOfMs(spec.cohort.info.limitMs) - 5));

  const baseSpec = (provider: ProviderRef, year: number, type: "ect" | "mentor"): ParticipantSpec => {
    const cohort = cohortOf(year);
    const closedCohort = phaseOfYear(year).role === "closed";
    const schedule: ScheduleIdentifier =
      type === "ect"
        ? rng.weighted([
            ["ecf-standard-september", 66],
            ["ecf-standard-january", 14],
            ["ecf-standard-april", 9],
            ["ecf-extended-september", 6],
            ["ecf-reduced-september", 3],
            ["ecf-reduced-january", 2],
          ] as const)
        : rng.weighted([
            ["ecf-standard-september", 55],
            ["ecf-standard-january", 10],
            ["ecf-standard-april", 5],
            ["ecf-replacement-september", 15],
            ["ecf-replacement-january", 10],
            ["ecf-replacement-april", 5],
          ] as const);
    const name = personName(faker);
    const trn = rng.chance(0.05) ? null : trnFor(trnIndex++);
    const eligibility = rng.next();
    const eligible = closedCohort ? eligibility >= 0.07 : eligibility < 0.06 ? null : eligibility >= 0.12;
    const statusRoll = rng.next();
    const training: ParticipantSpec["training"] =
      statusRoll < 0.07
        ? { status: "withdrawn", reason: rng.pick(WITHDRAWAL_REASONS.filter((r) => type === "mentor" || r !== "mentor-no-longer-being-mentor")), day: 0 }
        : statusRoll < 0.11
          ? { status: "deferred", reason: rng.pick(DEFERRAL_REASONS), day: 0 }
          : { status: "active", reason: null, day: null };
    const extended = schedule.startsWith("ecf-extended-");
    const spec: ParticipantSpec = {
      type,
      cohort,
      schedule,
      placement: rng.pick(placementsOf(provider.index, year)),
      startDay: 0,
      fullName: name.full,
      email: emailOnce(name.first, name.last, takenEmails, rng),
      trn,
      trnValidated: trn !== null && rng.chance(0.93),
      eligible,
      ineligibleReason: eligible === false ? rng.pick(INELIGIBLE_REASONS) : null,
      sparsity: type === "ect" && rng.chance(0.2),
      pupilPremium: type === "ect" && rng.chance(0.3),
      mentor: null,
      training,
      participantStatus: "active",
      extensions: extended ? rng.int(1, 3) : 0,
      maxDeclarations: rng.chance(0.1) ? rng.int(1, 3) : Number.POSITIVE_INFINITY,
      voids: [],
      randomVoidRate: 0.03,
    };
    setSchedule(spec, schedule);
    const lastStopDay = dayOfMs(cohort.info.limitMs) - 10;
    if (training.status !== "active" && lastStopDay > spec.startDay + 61) {
      training.day = rng.int(spec.startDay + 60, lastStopDay);
      spec.participantStatus = training.status === "withdrawn" && rng.chance(0.6) ? "withdrawn" : "active";
    } else if (training.status !== "active") {
      spec.training = { status: "active", reason: null, day: null };
    } else if (rng.chance(0.03)) {
      spec.participantStatus = "leaving";
    }
    return spec;
  };

  function setSchedule(spec: ParticipantSpec, schedule: ScheduleIdentifier): void {
    spec.schedule = schedule;
    spec.startDay = startDayFor(spec.cohort.info.startYear, schedule);
  }

  /** A participant who is sure to reach the statements a scenario needs. */
  function scripted(spec: ParticipantSpec, changes: Partial<ParticipantSpec>): ParticipantSpec {
    Object.assign(spec, {
      eligible: true,
      ineligibleReason: null,
      training: { status: "active", reason: null, day: null },
      participantStatus: "active",
      extensions: 0,
      maxDeclarations: Number.POSITIVE_INFINITY,
      randomVoidRate: 0,
      ...changes,
    });
    // Extended schedules only for participants with extended declarations (same start, September).
    if (spec.schedule === "ecf-extended-september" && spec.extensions === 0) spec.schedule = "ecf-standard-september";
    return spec;
  }

  const staffVoid = (target: ScriptedVoid["target"], mode: VoidMode): ScriptedVoid => ({ target, mode, by: staffVoider, reason: rng.pick(STAFF_VOID_REASONS) });
  const apiVoid = (provider: ProviderRef, target: ScriptedVoid["target"], mode: VoidMode): ScriptedVoid => ({ target, mode, by: `api:${provider.id}`, reason: null });
  const record = (key: string, userId: string) => {
    if (!(key in examples)) examples[key] = userId;
  };

  /** Scenario for the i-th ECT of a provider and cohort whose output statements are all paid (null: random). */
  function closedEctScenario(spec: ParticipantSpec, provider: ProviderRef, year: number, i: number): string | null {
    const firstPaid = phaseOfYear(year).firstPaidDays ?? undefined;
    switch (i) {
      case 0:
        scripted(spec, { sparsity: true, pupilPremium: true, firstCreatedDays: firstPaid, voids: [staffVoid("first", "clawed-back")] });
        return "clawedBack";
      case 1:
        scripted(spec, { voids: [apiVoid(provider, "second", "voided")] });
        return "voidedOnPaidStatement";
      case 2:
        scripted(spec, { eligible: false, ineligibleReason: "duplicate_declaration" });
        return "ineligible";
      case 3:
        scripted(spec, { voids: [apiVoid(provider, "second", "clawed-back")] });
        return null;
      case 4:
        scripted(spec, { training: { status: "withdrawn", reason: "left-teaching-profession", day: eventDay(spec, dayOf(year + 2, 2, 10) + provider.index * 9) } });
        return "withdrawn";
      case 5:
        scripted(spec, {});
        return provider.index === 2 ? "ectWhoLaterMentors" : null;
      case 6:
        scripted(spec, { idChangedAt: msOfDay(eventDay(spec, dayOf(year + 1, 3, 12 + provider.index))) + 14 * HOUR_MS });
        return "participantIdChanged";
      case 7:
        if (spec.cohort.info.frozenMs === null) return null;
        // Unfinished training in a frozen cohort (started, retained-1 and -2 paid): may move to an open cohort.
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { maxDeclarations: 3 });
        return "unfinishedInFrozenCohort";
      default:
        return null;
    }
  }

  /** Scenario for the i-th ECT of a provider and cohort with paid and open output statements (null: random). */
  function runningEctScenario(spec: ParticipantSpec, provider: ProviderRef, year: number, i: number): string | null {
    const phase = phaseOfYear(year);
    const latest = year === latestRunning;
    const current: ScheduleIdentifier = latest ? "ecf-standard-september" : "ecf-standard-january";
    const { openDays, payableDays } = phase;
    const firstPaid = phase.firstPaidDays ?? undefined;
    switch (i) {
      case 0:
        if (!openDays) return null;
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: openDays });
        return "eligibleOnOpenStatement";
      case 1:
        if (!openDays) return null;
        if (latest) {
          setSchedule(spec, "ecf-standard-april");
          scripted(spec, { sparsity: true, pupilPremium: true, maxDeclarations: 1, lastCreatedDays: openDays });
          return "upliftStartedOnOpenStatement";
        }
        setSchedule(spec, current);
        scripted(spec, { sparsity: true, lastCreatedDays: openDays });
        return null;
      case 2:
        if (!payableDays) return null;
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: payableDays });
        return "payable";
      case 3:
        if (!payableDays) return null;
        if (latest) {
          setSchedule(spec, "ecf-standard-april");
          scripted(spec, { sparsity: true, pupilPremium: false, maxDeclarations: 1, lastCreatedDays: payableDays });
          return "upliftStartedOnPayableStatement";
        }
        setSchedule(spec, current);
        scripted(spec, { pupilPremium: true, lastCreatedDays: payableDays });
        return null;
      case 4:
        if (!openDays) return null;
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: openDays, voids: [staffVoid("last", "voided")] });
        return "voidedOnOpenStatement";
      case 5:
        if (!payableDays) return null;
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: payableDays, voids: [apiVoid(provider, "last", "voided")] });
        return "voidedOnPayableStatement";
      case 6:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { sparsity: true, pupilPremium: true, firstCreatedDays: firstPaid, voids: [staffVoid("first", "awaiting-open")] });
        return "awaitingClawbackOnOpenStatement";
      case 7:
        if (!payableDays) return null;
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { voids: [apiVoid(provider, "second", "awaiting-payable")] });
        return "awaitingClawbackOnPayableStatement";
      case 8:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { pupilPremium: true, firstCreatedDays: firstPaid, voids: [staffVoid("first", "clawed-back")] });
        return "clawedBack";
      case 9:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { firstCreatedDays: firstPaid, voids: [staffVoid("first", "voided")] });
        return "voidedOnPaidStatement";
      case 10:
        scripted(spec, { eligible: false, ineligibleReason: INELIGIBLE_REASONS[provider.index % 2] as string });
        return "ineligible";
      case 11:
        scripted(spec, { eligible: null });
        return "submitted";
      case 12: {
        if (provider.index === 0 && year === firstRunning) {
          setSchedule(spec, "ecf-standard-september");
          const to = placementsOf(2, year)[0] as Placement;
          const day = dayOf(year + 1, 9, 1);
          if (day >= today - 30) return null;
          scripted(spec, { transfer: { day, to } });
          return "transferredToAnotherProvider";
        }
        if (provider.index === 3 && latest) {
          setSchedule(spec, "ecf-standard-september");
          const to = placementsOf(3, year).find((p) => p.schoolId !== spec.placement.schoolId) as Placement;
          const day = dayOf(year + 1, 4, 1);
          if (day >= today - 30) return null;
          scripted(spec, { transfer: { day, to } });
          return "transferredSchoolSameProvider";
        }
        return null;
      }
      case 13:
        if (!latest) {
          scripted(spec, { idChangedAt: msOfDay(eventDay(spec, dayOf(year + 1, 5, 6 + provider.index))) + 10 * HOUR_MS });
          return "participantIdChanged";
        }
        return null;
      case 14: {
        const other = mentorsOf.get(`${(provider.index + 1) % 4}:${year}`) ?? [];
        scripted(spec, { mentor: other[0] ?? null });
        return "ectWithUnfundedMentor";
      }
      case 15:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, {
          training: { status: "withdrawn", reason: WITHDRAWAL_REASONS[provider.index % 2] as string, day: eventDay(spec, dayOf(year + 1, 6, 3) + provider.index * 5) },
          participantStatus: "withdrawn",
        });
        return "withdrawn";
      case 16:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { training: { status: "deferred", reason: "career-break", day: eventDay(spec, dayOf(year + 1, 9, 20) + provider.index * 4) } });
        return "deferred";
      case 17:
        setSchedule(spec, "ecf-extended-september");
        scripted(spec, { extensions: 1 });
        return "extendedSchedule";
      default:
        return null;
    }
  }

  /** Scenario for the i-th ECT of the cohort that has nothing paid yet (null: random). */
  function startingEctScenario(spec: ParticipantSpec, provider: ProviderRef, year: number, i: number): string | null {
    const { openDays } = phaseOfYear(year);
    if (!openDays) return null;
    setSchedule(spec, "ecf-standard-september");
    switch (i) {
      case 0:
        scripted(spec, { lastCreatedDays: openDays });
        return null;
      case 1:
        scripted(spec, { sparsity: true, pupilPremium: true, lastCreatedDays: openDays });
        return null;
      case 2:
        scripted(spec, { lastCreatedDays: openDays, voids: [apiVoid(provider, "last", "voided")] });
        return null;
      case 3:
        scripted(spec, { eligible: false, ineligibleReason: INELIGIBLE_REASONS[(provider.index + 2) % 4] as string });
        return null;
      case 4:
        scripted(spec, { eligible: null });
        return null;
      default:
        return null;
    }
  }

  function mentorScenario(spec: ParticipantSpec, provider: ProviderRef, year: number, i: number): string | null {
    const { role, openDays, payableDays, firstPaidDays } = phaseOfYear(year);
    const firstPaid = firstPaidDays ?? undefined;
    if (role === "running" && year === latestRunning) {
      switch (i) {
        case 0:
          if (!payableDays) return null;
          setSchedule(spec, "ecf-replacement-april");
          scripted(spec, { maxDeclarations: 1, lastCreatedDays: payableDays });
          return "mentorPayable";
        case 1:
          if (!openDays) return null;
          setSchedule(spec, "ecf-replacement-april");
          scripted(spec, { maxDeclarations: 1, lastCreatedDays: openDays });
          return "mentorOnOpenStatement";
        case 2:
          setSchedule(spec, "ecf-standard-september");
          scripted(spec, { firstCreatedDays: firstPaid, voids: [staffVoid("first", "clawed-back")] });
          return "mentorClawedBack";
        case 3:
          setSchedule(spec, "ecf-standard-september");
          scripted(spec, { firstCreatedDays: firstPaid, voids: [apiVoid(provider, "first", "awaiting-open")] });
          return "mentorAwaitingClawback";
        default:
          return null;
      }
    }
    if (role === "running" && i === 0) {
      setSchedule(spec, "ecf-standard-september");
      scripted(spec, {
        training: { status: "withdrawn", reason: "mentor-no-longer-being-mentor", day: eventDay(spec, dayOf(year + 1, 11, 12) + provider.index * 3) },
        participantStatus: "active",
      });
      return "mentorWithdrawn";
    }
    if (role === "starting" && i === 0 && openDays) {
      setSchedule(spec, "ecf-standard-september");
      scripted(spec, { maxDeclarations: 1, lastCreatedDays: openDays });
      return null;
    }
    return null;
  }

  const participantsPer = (provider: ProviderRef, year: number): number => {
    if (provider.index === 1 && year === 2024) return BPN_2024_PARTICIPANTS;
    const { role } = phaseOfYear(year);
    if (role === "closed") return year === latestClosed ? 22 : 12;
    if (role === "starting") return 16;
    return year === latestRunning ? 32 : 30;
  };

  for (const year of years) {
    const { role } = phaseOfYear(year);
    const counts = providers.map((p) => participantsPer(p, year));
    const mentorCounts = counts.map((n) => Math.round(n * MENTOR_SHARE));
    // Mentors first, so ECTs can be linked to them.
    for (const provider of providers) {
      const list: { profileId: string; userId: string }[] = [];
      for (let i = 0; i < (mentorCounts[provider.index] as number); i += 1) {
        const spec = baseSpec(provider, year, "mentor");
        const key = mentorScenario(spec, provider, year, i);
        const built = buildParticipant(spec, ctx);
        if (key && built.scriptedVoidsDone && built.declarations.length > 0) record(key, built.userId);
        list.push({ profileId: built.profileId, userId: built.userId });
      }
      if (year === latestRunning && provider.index === 1 && ectTurnedMentor) {
        // An ECT of a closed cohort with Teach First, now mentoring with Best Practice Network: a second profile and identity.
        const spec = baseSpec(provider, year, "mentor");
        setSchedule(spec, "ecf-standard-september");
        const name = rows.users.find((u) => u.id === ectTurnedMentor)?.fullName.split(" ") ?? ["A", "B"];
        scripted(spec, { existingUserId: ectTurnedMentor, email: emailOnce(name[0] as string, `${name.at(-1)}.mentor`, takenEmails, rng) });
        const built = buildParticipant(spec, ctx);
        list.push({ profileId: built.profileId, userId: built.userId });
      }
      mentorsOf.set(`${provider.index}:${year}`, list);
    }
    for (const provider of providers) {
      const mentors = mentorsOf.get(`${provider.index}:${year}`) ?? [];
      const ects = (counts[provider.index] as number) - (mentorCounts[provider.index] as number);
      for (let i = 0; i < ects; i += 1) {
        const spec = baseSpec(provider, year, "ect");
        spec.mentor = rng.chance(0.9) ? rng.pick(mentors) : null;
        const key =
          role === "closed"
            ? closedEctScenario(spec, provider, year, i)
            : role === "running"
              ? runningEctScenario(spec, provider, year, i)
              : startingEctScenario(spec, provider, year, i);
        const built = buildParticipant(spec, ctx);
        if (!key || !built.scriptedVoidsDone || built.declarations.length === 0) continue;
        const unsuffixed = key === "ectWhoLaterMentors" || key === "participantIdChanged" || key === "unfinishedInFrozenCohort";
        record(role === "closed" && !unsuffixed ? `${key}${year}` : key, built.userId);
        if (key === "ectWhoLaterMentors" && ectTurnedMentor === null) ectTurnedMentor = built.userId;
      }
    }
  }

  // Participants with no declarations yet, for a provider to try every call: the current and the previous cohort.
  const freshParticipants: Record<string, string> = {};
  for (const year of years.slice(-2)) {
    for (const provider of providers) {
      const fresh = (type: "ect" | "mentor", eligible: boolean | null, schedule: ScheduleIdentifier, mentor: ParticipantSpec["mentor"]) => {
        const spec = baseSpec(provider, year, type);
        setSchedule(spec, schedule);
        scripted(spec, { eligible, maxDeclarations: 0, mentor, sparsity: false, pupilPremium: false, extensions: schedule.startsWith("ecf-extended-") ? 3 : 0 });
        const built = buildParticipant(spec, ctx);
        return { profileId: built.profileId, userId: built.userId };
      };
      const prefix = `${provider.name} ${year}`;
      const mentor = fresh("mentor", true, "ecf-standard-september", null);
      freshParticipants[`${prefix} mentor eligible`] = mentor.userId;
      freshParticipants[`${prefix} mentor unknown`] = fresh("mentor", null, "ecf-standard-september", null).userId;
      freshParticipants[`${prefix} ect eligible`] = fresh("ect", true, "ecf-standard-september", mentor).userId;
      freshParticipants[`${prefix} ect unknown`] = fresh("ect", null, "ecf-standard-september", mentor).userId;
      freshParticipants[`${prefix} ect eligible extended`] = fresh("ect", true, "ecf-extended-september", mentor).userId;
    }
  }

  // Duplicate records: three pairs of participants who look like one person (issue 14), made last so
  // nothing before them changes. Merging the TRN pair claws back the retired record's paid started
  // declaration; merging the name-and-school pair voids its eligible one.
  const duplicatePairs: DemoExamples["duplicatePairs"] = {};
  if (latestRunning !== null) {
    const year = latestRunning;
    const { firstPaidDays, openDays } = phaseOfYear(year);
    const pairOf = (provider: ProviderRef, changes: Partial<ParticipantSpec>, duplicate: (original: ParticipantSpec) => Partial<ParticipantSpec>) => {
      const spec = baseSpec(provider, year, "ect");
      setSchedule(spec, "ecf-standard-september");
      scripted(spec, { mentor: null, ...changes });
      const original = buildParticipant(spec, ctx);
      const copy = baseSpec(provider, year, "ect");
      setSchedule(copy, "ecf-standard-september");
      scripted(copy, { mentor: null, placement: spec.placement, ...changes, ...duplicate(spec) });
      const second = buildParticipant(copy, ctx);
      return { spec, kept: original.userId, retired: second.userId };
    };
    const [ambition, bpn, teachFirst] = providers as [ProviderRef, ProviderRef, ProviderRef];
    if (firstPaidDays) {
      // The same TRN on both registrations (given once, so both get it).
      const trnPair = pairOf(ambition, { maxDeclarations: 1, firstCreatedDays: firstPaidDays, trn: trnFor(trnIndex++), trnValidated: true }, () => ({}));
      duplicatePairs.trn = [trnPair.kept, trnPair.retired];
    }
    const emailPair = pairOf(bpn, { maxDeclarations: 0 }, () => ({}));
    const keptEmail = rows.users.find((u) => u.id === emailPair.kept)?.email;
    const retiredIdentity = rows.participantIdentities.find((i) => i.userId === emailPair.retired);
    if (retiredIdentity && keptEmail) retiredIdentity.email = keptEmail; // registered again with the same address
    duplicatePairs.email = [emailPair.kept, emailPair.retired];
    if (openDays) {
      const namePair = pairOf(teachFirst, { lastCreatedDays: openDays, maxDeclarations: 1 }, (original) => ({
        fullName: original.fullName.toLowerCase().replace(" ", "  "),
        trn: null,
        trnValidated: false,
      }));
      duplicatePairs.nameAndSchool = [namePair.kept, namePair.retired];
    }
  }

  // Useful look-ups for the report and the tests.
  const openOutputStatements: Record<string, string> = {};
  const payableStatements: Record<string, string> = {};
  for (const year of years) {
    for (const provider of providers) {
      const calendar = calendarOf(provider.id, year);
      const open = calendar.firstWithStatus("open");
      const payable = calendar.firstWithStatus("payable");
      if (open) openOutputStatements[`${provider.name} ${year}`] = open.id;
      if (payable) payableStatements[`${provider.name} ${year}`] = payable.id;
    }
  }
  const statesByUser = new Map<string, DeclarationStateValue[]>();
  for (const d of rows.participantDeclarations) statesByUser.set(d.userId, [...(statesByUser.get(d.userId) ?? []), d.state]);
  const allPaid = rows.participantDeclarations.find((d) => {
    const states = statesByUser.get(d.userId) ?? [];
    return d.leadProviderId === providers[0]?.id && states.length >= 4 && states.every((s) => s === "paid");
  });
  if (allPaid) examples.paid = allPaid.userId;

  assertDemoCoverage(rows, providers, phases, cohorts, calendars, smallBandsContractId, todayMs);
  return {
    rows,
    staff,
    examples: { participants: examples, openOutputStatements, payableStatements, smallBandsContractId, freshParticipants, duplicatePairs },
    cohorts: years,
  };
}

/** The demo promises these cases, where the calendar allows them on its date; fail loudly if a change to the generator loses one. */
function assertDemoCoverage(
  rows: SeedRows,
  providers: readonly ProviderRef[],
  phases: Map<number, CohortPhase>,
  cohorts: Map<number, CohortRef>,
  calendars: Map<string, StatementCalendar>,
  smallBandsContractId: string,
  todayMs: number,
): void {
  const fail = (message: string) => {
    throw new Error(`Demo data check failed: ${message}`);
  };
  const linesByStatement = new Map<string, Set<string>>();
  for (const line of rows.statementLineItems) {
    const set = linesByStatement.get(line.statementId) ?? new Set<string>();
    set.add(line.state);
    linesByStatement.set(line.statementId, set);
  }
  for (const [year, phase] of phases) {
    const cohort = cohorts.get(year) as CohortRef;
    if (phase.role === "running") {
      for (const provider of providers) {
        const calendar = calendars.get(`${provider.id}:${year}`) as StatementCalendar;
        const needs: [StatementPlan | undefined, string[]][] = [];
        if (phase.openDays) needs.push([calendar.firstWithStatus("open"), ["eligible", "voided", "awaiting_clawback"]]);
        if (phase.payableDays) needs.push([calendar.firstWithStatus("payable"), ["payable", "voided", "awaiting_clawback"]]);
        for (const [statement, needed] of needs) {
          const states = linesByStatement.get(statement?.id ?? "") ?? new Set();
          for (const state of needed) if (!states.has(state)) fail(`${provider.name} ${statement?.name} (${year}) has no ${state} line`);
        }
      }
    }
    const needed: string[] = [];
    if (phase.role === "closed" && phase.paidOutputs >= 2) needed.push("paid", "voided", "clawed_back", "ineligible");
    if (phase.role === "running") {
      needed.push("submitted", "ineligible", "paid", "voided");
      if (phase.openDays) needed.push("eligible", "awaiting_clawback");
      if (phase.payableDays) needed.push("payable", "awaiting_clawback");
      if (phase.paidOutputs >= 2) needed.push("clawed_back");
    }
    const startedOpened = cohort.schedules.get("ecf-standard-september")?.milestones[0]?.startDay ?? Number.POSITIVE_INFINITY;
    if (phase.role === "starting" && phase.openDays && phase.openDays[1] - startedOpened >= 30) needed.push("submitted", "eligible", "ineligible", "voided");
    const states = new Set(rows.participantDeclarations.filter((d) => d.cohortId === cohort.info.id).map((d) => d.state));
    for (const state of needed) if (!states.has(state as DeclarationStateValue)) fail(`cohort ${year} has no ${state} declaration`);
  }
  const bpn = rows.callOffContracts.find((c) => c.id === smallBandsContractId);
  const bpnPhase = phases.get(2024);
  if (bpn && bpnPhase && bpnPhase.paidOutputs >= 2) {
    const billableStarted = rows.participantDeclarations.filter(
      (d) =>
        d.leadProviderId === bpn.leadProviderId &&
        d.cohortId === bpn.cohortId &&
        d.declarationType === "started" &&
        (d.state === "paid" || d.state === "payable" || d.state === "eligible"),
    ).length;
    if (billableStarted <= 70) fail(`only ${billableStarted} billable started declarations for the small-bands contract (need > 70)`);
  }
  // Nothing happens on or after today.
  const late = (label: string, values: Iterable<number | null>) => {
    for (const ms of values) if (ms !== null && ms >= todayMs) fail(`${label} at ${new Date(ms).toISOString()}, on or after today`);
  };
  late("a declaration submitted", rows.participantDeclarations.map((d) => d.createdAt));
  late("a declaration dated", rows.participantDeclarations.map((d) => d.declarationDate));
  late("a declaration changed", rows.participantDeclarations.map((d) => d.updatedAt));
  late("a declaration voided", rows.participantDeclarations.map((d) => d.voidedAt));
  late("a line item changed", rows.statementLineItems.map((l) => l.updatedAt));
  late("an audit entry", rows.auditLogs.map((a) => a.occurredAt));
  late("a statement changed", rows.statements.map((s) => s.updatedAt));
  late("an induction record", rows.inductionRecords.flatMap((r) => [r.createdAt, r.updatedAt, r.startDate, r.endDate, r.trainingStatusDate]));
  late("a participant", rows.participantProfiles.map((p) => p.updatedAt));
  late("an adjustment", rows.additionalAdjustments.map((a) => a.createdAt));
  late("an id change", rows.participantIdChanges.map((c) => c.changedAt));
}

// ---------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------

/** Lines for the seeding commands: each provider's eligible ECT and mentor with no declarations yet, in the current cohort. */
export function freshParticipantLines(summary: SeedSummary): string[] {
  const year = summary.cohorts.at(-1);
  const fresh = summary.examples.freshParticipants;
  return [
    `Participants with no declarations yet, cohort ${year}, ecf-standard-september, eligible for funding (to try the API):`,
    ...DEMO_PROVIDERS.map((p) => `  ${p.name}: ECT ${fresh[`${p.name} ${year} ect eligible`]}, mentor ${fresh[`${p.name} ${year} mentor eligible`]}`),
  ];
}

/** Seeds the demo data, as it stands on `options.today`, into an empty, migrated database, in one transaction. */
export async function seedDemo(db: Db, options: DemoOptions): Promise<SeedSummary> {
  const [existing] = await db.sql.query<{ staff: number; providers: number; cohorts: number }>(
    `SELECT (SELECT count(*) FROM staff_users)::int AS staff,
            (SELECT count(*) FROM lead_providers)::int AS providers,
            (SELECT count(*) FROM cohorts)::int AS cohorts`,
  );
  if (existing && (existing.staff > 0 || existing.providers > 0 || existing.cohorts > 0)) {
    throw new Error(
      `The demo data needs an empty database, but it already has ${existing.staff} staff users, ` +
        `${existing.providers} lead providers and ${existing.cohorts} cohorts.`,
    );
  }
  const build = buildDemo(options);
  // Both demo users have the same password: hash it once (bcrypt is slow on purpose).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staff: StaffUserRow[] = build.staff.map((user) => ({ ...user, passwordHash }));
  await db.sql.transaction(async (tx) => {
    await insertStaffUsers(tx, staff);
    await insertAll(tx, build.rows);
  });
  return {
    counts: countRows(build.rows, staff.length),
    tokens: { ...DEMO_API_TOKENS },
    examples: build.examples,
    today: ymd(dayOfDate(options.today)),
    cohorts: build.cohorts,
  };
}
