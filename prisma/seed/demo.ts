// The deterministic demo data set: every case the finance pages, the CSV export and the lead
// provider API need, on a few hundred participants. Same ids, names and states on every run.
import { hashApiToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/staff";
import type { Db } from "@/lib/db/client";
import type { ScheduleIdentifier, StatementCalendar, StatementPlan } from "./calendar";
import { DAY_MS, HOUR_MS, TODAY, dayOf, dayOfMs, msOfDay } from "./dates";
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
import { buildParticipant, type ParticipantContext, type ParticipantSpec, type Placement, type ScriptedVoid } from "./participants";
import { DEMO_SEED, Rng, createFaker, deriveSeed } from "./random";
import { MARKED_AS_PAID_BY, buildCohort, buildStatements, type CohortRef } from "./reference";
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

export { SEED_TODAY } from "./dates";

export const DEMO_PASSWORD = "demo-password-123";

export const DEMO_STAFF = [
  { email: "finance@example.com", name: "Finance User", roles: ["finance"] as "finance"[] },
  { email: "viewer@example.com", name: "Viewer User", roles: [] as "finance"[] },
] as const;

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

export const DEMO_COHORTS = [2023, 2024, 2025] as const;
type DemoYear = (typeof DEMO_COHORTS)[number];

/** Participant (user) ids of the interesting cases, and statement ids to start from. */
export interface DemoExamples {
  participants: Record<string, string>;
  /** `${provider} ${cohort}` → the current open output statement (cut-off after SEED_TODAY). */
  openOutputStatements: Record<string, string>;
  /** `${provider} ${cohort}` → the payable statement (November 2026). */
  payableStatements: Record<string, string>;
  /** The contract with tiny bands (Best Practice Network, 2024). */
  smallBandsContractId: string;
}

export interface SeedSummary {
  counts: TableCounts;
  /** Lead provider name → plain demo API token. */
  tokens: Record<string, string>;
  examples: DemoExamples;
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

interface ContractSpec {
  bands: readonly Band[];
  recruitmentTarget: number;
  setUpFee: string;
  monthlyServiceFee: string | null;
  upliftAmount: string | null;
}

function contractSpec(provider: number, year: DemoYear): ContractSpec {
  const growth = year - 2023;
  switch (provider) {
    case 0:
      return {
        bands: BANDS_OPEN_TOP,
        recruitmentTarget: 4200 + growth * 200,
        setUpFee: ["149651.00", "120000.00", "95000.00"][growth] as string,
        monthlyServiceFee: year === 2025 ? "52500.00" : null,
        upliftAmount: "100.00",
      };
    case 1:
      if (year === 2024) return { bands: BANDS_TINY, recruitmentTarget: 60, setUpFee: "1500.00", monthlyServiceFee: null, upliftAmount: "100.00" };
      return { bands: BANDS_FOUR, recruitmentTarget: 3100 + growth * 150, setUpFee: "110000.00", monthlyServiceFee: null, upliftAmount: "100.00" };
    case 2:
      return {
        bands: BANDS_TF,
        recruitmentTarget: 5800 + growth * 250,
        setUpFee: year === 2023 ? "165000.00" : "0.00",
        monthlyServiceFee: null,
        upliftAmount: year === 2023 ? null : "100.00",
      };
    default:
      return {
        bands: BANDS_FOUR,
        recruitmentTarget: 4400 + growth * 100,
        setUpFee: "132500.00",
        monthlyServiceFee: year === 2024 ? "47850.00" : null,
        upliftAmount: "100.00",
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
}

/** Participants per provider in each cohort (fewer in the closed 2023 cohort). */
const PARTICIPANTS_PER_PROVIDER: Readonly<Record<DemoYear, number>> = { 2023: 22, 2024: 30, 2025: 32 };
/** Best Practice Network 2024: enough started declarations to go past its small top band (70). */
const BPN_2024_PARTICIPANTS = 100;
const MENTOR_SHARE = 0.25;

const NOV_2026: readonly [number, number] = [dayOf(2026, 11, 1), TODAY - 1];
const OCT_2026: readonly [number, number] = [dayOf(2026, 10, 1), dayOf(2026, 10, 31)];

export function buildDemo(): DemoBuild {
  const faker = createFaker(DEMO_SEED);
  const rng = new Rng(deriveSeed(DEMO_SEED, "demo"));
  const newId = () => faker.string.uuid();
  const rows = emptyRows();
  const refMs = msOfDay(dayOf(2023, 4, 3)) + 9 * HOUR_MS;

  // Staff users.
  const staff = DEMO_STAFF.map((s) => ({ id: newId(), email: s.email, name: s.name, roles: [...s.roles], createdAt: refMs, updatedAt: refMs }));
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

  // Cohorts, schedules and milestones.
  const cohorts = new Map<DemoYear, CohortRef>();
  cohorts.set(2023, buildCohort(rows, 2023, { mentorFunding: false, paymentsFrozenAt: Date.UTC(2026, 7, 1) }, newId));
  cohorts.set(2024, buildCohort(rows, 2024, { mentorFunding: false, paymentsFrozenAt: null }, newId));
  cohorts.set(2025, buildCohort(rows, 2025, { mentorFunding: true, paymentsFrozenAt: null }, newId));
  const cohortOf = (year: DemoYear) => cohorts.get(year) as CohortRef;

  // Contracts.
  let smallBandsContractId = "";
  for (const year of DEMO_COHORTS) {
    const cohort = cohortOf(year);
    const createdAt = msOfDay(dayOf(year, 4, 1)) + 9 * HOUR_MS;
    for (const provider of providers) {
      const spec = contractSpec(provider.index, year);
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
      for (const [min, max, perParticipant] of spec.bands) {
        rows.participantBands.push({
          id: newId(),
          callOffContractId: contractId,
          min,
          max,
          perParticipant,
          outputPaymentPercentage: 60,
          serviceFeePercentage: 40,
        });
      }
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

  // Statements: November of the cohort year to October 2026 (2023) or July 2030.
  const calendars = new Map<string, StatementCalendar>();
  const calendarOf = (providerId: string, year: number) => calendars.get(`${providerId}:${year}`) as StatementCalendar;
  for (const year of DEMO_COHORTS) {
    for (const provider of providers) {
      const count = year === 2023 ? 36 : (2030 - year) * 12 - 3;
      calendars.set(`${provider.id}:${year}`, buildStatements(rows, provider.id, cohortOf(year).info, count, newId));
    }
  }
  const statementNamed = (provider: number, year: DemoYear, name: string): StatementPlan => {
    const plan = calendarOf((providers[provider] as ProviderRef).id, year).statements.find((s) => s.name === name);
    if (!plan) throw new Error(`No statement ${name}`);
    return plan;
  };
  const statementRowOf = (plan: StatementPlan) => rows.statements.find((s) => s.id === plan.id) as SeedRows["statements"][number];
  statementRowOf(statementNamed(0, 2024, "May 2025")).reconcileAmount = "1250.00";
  statementRowOf(statementNamed(2, 2023, "January 2025")).reconcileAmount = "-2375.50";
  statementRowOf(statementNamed(1, 2025, "November 2026")).reconcileAmount = "310.25";
  const adjustments: [number, DemoYear, string, string, string][] = [
    [0, 2024, "April 2025", "Additional funding for induction tutor training", "4500.00"],
    [3, 2023, "February 2025", "Correction of uplift calculation", "-300.00"],
    [2, 2024, "July 2026", "Funding for delivery partner quality assurance visits", "1800.00"],
    [0, 2025, "November 2026", "Late mentor funding adjustment", "750.00"],
    [1, 2024, "January 2027", "Delivery partner mobilisation support", "2000.00"],
    [2, 2025, "January 2027", "Overpayment on the October 2026 statement", "-1250.00"],
    [3, 2024, "January 2027", "Duplicate service fee reversal", "-1500.00"],
  ];
  for (const [provider, year, statementName, name, amount] of adjustments) {
    const plan = statementNamed(provider, year, statementName);
    if (!plan.outputFee) throw new Error(`${statementName} is not an output statement`);
    const createdAt = Math.min(plan.paidMs ?? Number.POSITIVE_INFINITY, msOfDay(Math.min(plan.deadlineDay, TODAY - 3))) - 2 * DAY_MS;
    rows.additionalAdjustments.push({ id: newId(), statementId: plan.id, name, amount, createdAt, updatedAt: createdAt });
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
  for (const year of DEMO_COHORTS) {
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
      const providerIndex = year === 2025 && i < 3 ? (i + 1) % 4 : i % 4;
      const provider = providers[providerIndex] as ProviderRef;
      const dp = provider.deliveryPartners[Math.floor(i / 4) % provider.deliveryPartners.length] as string;
      const tutor = tutors[i] as { name: string; email: string };
      const partnershipId = newId();
      rows.partnerships.push({
        id: partnershipId,
        leadProviderId: provider.id,
        deliveryPartnerId: dp,
        schoolId,
        cohortId: cohort.info.id,
        status: "active",
        challengedReason: null,
        challengedAt: null,
        inductionTutorName: tutor.name,
        inductionTutorEmail: tutor.email,
        createdAt,
        updatedAt: createdAt,
      });
      placementsOf(providerIndex, year).push({
        leadProviderId: provider.id,
        schoolId,
        deliveryPartnerId: dp,
        partnershipId,
        calendar: calendarOf(provider.id, year),
      });
    });
    // A school challenged a partnership recorded with the wrong provider.
    const challengedSchool = year === 2024 ? 5 : year === 2025 ? 10 : null;
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
        challengedReason: year === 2024 ? "mistake" : "do_not_recognise",
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

  const baseSpec = (provider: ProviderRef, year: DemoYear, type: "ect" | "mentor"): ParticipantSpec => {
    const cohort = cohortOf(year);
    const schedule: ScheduleIdentifier =
      type === "ect"
        ? rng.weighted([["ecf-standard-september", 72], ["ecf-standard-january", 17], ["ecf-standard-april", 11]] as const)
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
    const eligible = year === 2023 ? eligibility >= 0.07 : eligibility < 0.06 ? null : eligibility >= 0.12;
    const statusRoll = rng.next();
    const training: ParticipantSpec["training"] =
      statusRoll < 0.07
        ? { status: "withdrawn", reason: rng.pick(WITHDRAWAL_REASONS.filter((r) => type === "mentor" || r !== "mentor-no-longer-being-mentor")), day: 0 }
        : statusRoll < 0.11
          ? { status: "deferred", reason: rng.pick(DEFERRAL_REASONS), day: 0 }
          : { status: "active", reason: null, day: null };
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
      extensions: type === "ect" && rng.chance(0.08) ? rng.int(1, 3) : 0,
      maxDeclarations: rng.chance(0.1) ? rng.int(1, 3) : Number.POSITIVE_INFINITY,
      voids: [],
      randomVoidRate: 0.03,
    };
    setSchedule(spec, schedule);
    if (training.status !== "active") {
      const day = rng.int(spec.startDay + 60, Math.max(spec.startDay + 61, TODAY - 10));
      training.day = Math.min(day, TODAY - 10);
      spec.participantStatus = training.status === "withdrawn" && rng.chance(0.6) ? "withdrawn" : "active";
    } else if (rng.chance(0.03)) {
      spec.participantStatus = "leaving";
    }
    return spec;
  };

  function setSchedule(spec: ParticipantSpec, schedule: ScheduleIdentifier): void {
    spec.schedule = schedule;
    const year = spec.cohort.info.startYear;
    const start = schedule.endsWith("september") ? dayOf(year, 9, 1) : schedule.endsWith("january") ? dayOf(year + 1, 1, 4) : dayOf(year + 1, 4, 15);
    spec.startDay = start + rng.int(0, 20);
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
    return spec;
  }

  const staffVoid = (target: ScriptedVoid["target"], mode: VoidMode): ScriptedVoid => ({ target, mode, by: staffVoider, reason: rng.pick(STAFF_VOID_REASONS) });
  const apiVoid = (provider: ProviderRef, target: ScriptedVoid["target"], mode: VoidMode): ScriptedVoid => ({ target, mode, by: `api:${provider.id}`, reason: null });
  const record = (key: string, userId: string) => {
    if (!(key in examples)) examples[key] = userId;
  };

  /** Scenario for the i-th ECT of a provider and cohort (null: random). */
  function ectScenario(spec: ParticipantSpec, provider: ProviderRef, year: DemoYear, i: number): string | null {
    if (year === 2023) {
      switch (i) {
        case 0:
          scripted(spec, { sparsity: true, pupilPremium: true, voids: [staffVoid("first", "clawed-back")] });
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
          scripted(spec, { training: { status: "withdrawn", reason: "left-teaching-profession", day: dayOf(2025, 2, 10) + provider.index * 9 } });
          return "withdrawn";
        case 5:
          scripted(spec, {});
          return provider.index === 2 ? "ectWhoLaterMentors" : null;
        case 6:
          scripted(spec, { idChangedAt: Date.UTC(2024, 2, 12 + provider.index, 14) });
          return "participantIdChanged";
        default:
          return null;
      }
    }
    const is2025 = year === 2025;
    const current: ScheduleIdentifier = is2025 ? "ecf-standard-september" : "ecf-standard-january";
    switch (i) {
      case 0:
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: NOV_2026 });
        return "eligibleOnOpenStatement";
      case 1:
        if (is2025) {
          setSchedule(spec, "ecf-standard-april");
          scripted(spec, { sparsity: true, pupilPremium: true, maxDeclarations: 1, lastCreatedDays: NOV_2026 });
          return "upliftStartedOnOpenStatement";
        }
        setSchedule(spec, current);
        scripted(spec, { sparsity: true, lastCreatedDays: NOV_2026 });
        return null;
      case 2:
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: OCT_2026 });
        return "payable";
      case 3:
        if (is2025) {
          setSchedule(spec, "ecf-standard-april");
          scripted(spec, { sparsity: true, pupilPremium: false, maxDeclarations: 1, lastCreatedDays: OCT_2026 });
          return "upliftStartedOnPayableStatement";
        }
        setSchedule(spec, current);
        scripted(spec, { pupilPremium: true, lastCreatedDays: OCT_2026 });
        return null;
      case 4:
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: NOV_2026, voids: [staffVoid("last", "voided")] });
        return "voidedOnOpenStatement";
      case 5:
        setSchedule(spec, current);
        scripted(spec, { lastCreatedDays: OCT_2026, voids: [apiVoid(provider, "last", "voided")] });
        return "voidedOnPayableStatement";
      case 6:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { sparsity: true, pupilPremium: true, voids: [staffVoid("first", "awaiting-open")] });
        return "awaitingClawbackOnOpenStatement";
      case 7:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { voids: [apiVoid(provider, "second", "awaiting-payable")] });
        return "awaitingClawbackOnPayableStatement";
      case 8:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { pupilPremium: true, voids: [staffVoid("first", "clawed-back")] });
        return "clawedBack";
      case 9:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { voids: [staffVoid("first", "voided")] });
        return "voidedOnPaidStatement";
      case 10:
        scripted(spec, { eligible: false, ineligibleReason: INELIGIBLE_REASONS[provider.index % 2] as string });
        return "ineligible";
      case 11:
        scripted(spec, { eligible: null });
        return "submitted";
      case 12:
        if (provider.index === 0 && year === 2024) {
          setSchedule(spec, "ecf-standard-september");
          const to = placementsOf(2, 2024)[0] as Placement;
          scripted(spec, { transfer: { day: dayOf(2025, 9, 1), to } });
          return "transferredToAnotherProvider";
        }
        if (provider.index === 3 && year === 2025) {
          setSchedule(spec, "ecf-standard-september");
          const to = placementsOf(3, 2025).find((p) => p.schoolId !== spec.placement.schoolId) as Placement;
          scripted(spec, { transfer: { day: dayOf(2026, 4, 1), to } });
          return "transferredSchoolSameProvider";
        }
        return null;
      case 13:
        if (year === 2024) {
          scripted(spec, { idChangedAt: Date.UTC(2025, 4, 6 + provider.index, 10) });
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
          training: { status: "withdrawn", reason: WITHDRAWAL_REASONS[provider.index % 2] as string, day: dayOf(year + 1, 6, 3) + provider.index * 5 },
          participantStatus: "withdrawn",
        });
        return "withdrawn";
      case 16:
        setSchedule(spec, "ecf-standard-september");
        scripted(spec, { training: { status: "deferred", reason: "career-break", day: dayOf(year + 1, 9, 20) + provider.index * 4 } });
        return "deferred";
      default:
        return null;
    }
  }

  function mentorScenario(spec: ParticipantSpec, provider: ProviderRef, year: DemoYear, i: number): string | null {
    if (year === 2025) {
      switch (i) {
        case 0:
          setSchedule(spec, "ecf-replacement-april");
          scripted(spec, { maxDeclarations: 1, lastCreatedDays: OCT_2026 });
          return "mentorPayable";
        case 1:
          setSchedule(spec, "ecf-replacement-april");
          scripted(spec, { maxDeclarations: 1, lastCreatedDays: NOV_2026 });
          return "mentorOnOpenStatement";
        case 2:
          setSchedule(spec, "ecf-standard-september");
          scripted(spec, { voids: [staffVoid("first", "clawed-back")] });
          return "mentorClawedBack";
        case 3:
          setSchedule(spec, "ecf-standard-september");
          scripted(spec, { voids: [apiVoid(provider, "first", "awaiting-open")] });
          return "mentorAwaitingClawback";
        default:
          return null;
      }
    }
    if (year === 2024 && i === 0) {
      setSchedule(spec, "ecf-standard-september");
      scripted(spec, {
        training: { status: "withdrawn", reason: "mentor-no-longer-being-mentor", day: dayOf(2025, 11, 12) + provider.index * 3 },
        participantStatus: "active",
      });
      return "mentorWithdrawn";
    }
    return null;
  }

  for (const year of DEMO_COHORTS) {
    const counts = providers.map((p) => (p.index === 1 && year === 2024 ? BPN_2024_PARTICIPANTS : PARTICIPANTS_PER_PROVIDER[year]));
    const mentorCounts = counts.map((n) => Math.round(n * MENTOR_SHARE));
    // Mentors first, so ECTs can be linked to them.
    for (const provider of providers) {
      const list: { profileId: string; userId: string }[] = [];
      for (let i = 0; i < (mentorCounts[provider.index] as number); i += 1) {
        const spec = baseSpec(provider, year, "mentor");
        const key = mentorScenario(spec, provider, year, i);
        const built = buildParticipant(spec, ctx);
        if (key) record(key, built.userId);
        list.push({ profileId: built.profileId, userId: built.userId });
      }
      if (year === 2025 && provider.index === 1 && ectTurnedMentor) {
        // The 2023 Teach First ECT, now mentoring with Best Practice Network: a second profile and identity.
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
        const key = ectScenario(spec, provider, year, i);
        const built = buildParticipant(spec, ctx);
        if (key) record(year === 2023 && key !== "ectWhoLaterMentors" && key !== "participantIdChanged" ? `${key}2023` : key, built.userId);
        if (key === "ectWhoLaterMentors") ectTurnedMentor = built.userId;
      }
    }
  }

  // Useful look-ups for the report and the tests.
  const openOutputStatements: Record<string, string> = {};
  const payableStatements: Record<string, string> = {};
  for (const year of [2024, 2025] as const) {
    for (const provider of providers) {
      const calendar = calendarOf(provider.id, year);
      openOutputStatements[`${provider.name} ${year}`] = (calendar.firstWithStatus("open") as StatementPlan).id;
      payableStatements[`${provider.name} ${year}`] = (calendar.firstWithStatus("payable") as StatementPlan).id;
    }
  }
  const statesByUser = new Map<string, DeclarationStateValue[]>();
  for (const d of rows.participantDeclarations) statesByUser.set(d.userId, [...(statesByUser.get(d.userId) ?? []), d.state]);
  const allPaid = rows.participantDeclarations.find((d) => {
    const states = statesByUser.get(d.userId) ?? [];
    return d.leadProviderId === providers[0]?.id && states.length >= 4 && states.every((s) => s === "paid");
  });
  if (allPaid) examples.paid = allPaid.userId;

  assertDemoCoverage(rows, providers, cohorts, calendars, smallBandsContractId);
  return {
    rows,
    staff,
    examples: { participants: examples, openOutputStatements, payableStatements, smallBandsContractId },
  };
}

/** The demo promises these cases; fail loudly if a change to the generator loses one. */
function assertDemoCoverage(
  rows: SeedRows,
  providers: readonly ProviderRef[],
  cohorts: Map<DemoYear, CohortRef>,
  calendars: Map<string, StatementCalendar>,
  smallBandsContractId: string,
): void {
  const linesByStatement = new Map<string, Set<string>>();
  for (const line of rows.statementLineItems) {
    const set = linesByStatement.get(line.statementId) ?? new Set<string>();
    set.add(line.state);
    linesByStatement.set(line.statementId, set);
  }
  const fail = (message: string) => {
    throw new Error(`Demo data check failed: ${message}`);
  };
  for (const year of [2024, 2025] as const) {
    for (const provider of providers) {
      const calendar = calendars.get(`${provider.id}:${year}`) as StatementCalendar;
      const open = calendar.firstWithStatus("open") as StatementPlan;
      const payable = calendar.firstWithStatus("payable") as StatementPlan;
      for (const [statement, needed] of [
        [open, ["eligible", "voided", "awaiting_clawback"]],
        [payable, ["payable", "voided", "awaiting_clawback"]],
      ] as const) {
        const states = linesByStatement.get(statement.id) ?? new Set();
        for (const state of needed) if (!states.has(state)) fail(`${provider.name} ${statement.name} (${year}) has no ${state} line`);
      }
    }
  }
  for (const [year, cohort] of cohorts) {
    const states = new Set(rows.participantDeclarations.filter((d) => d.cohortId === cohort.info.id).map((d) => d.state));
    const needed = year === 2023 ? ["paid", "voided", "clawed_back", "ineligible"] : ["submitted", "eligible", "ineligible", "payable", "voided", "paid", "awaiting_clawback", "clawed_back"];
    for (const state of needed) if (!states.has(state as DeclarationStateValue)) fail(`cohort ${year} has no ${state} declaration`);
  }
  const bpn = rows.callOffContracts.find((c) => c.id === smallBandsContractId);
  const billableStarted = rows.participantDeclarations.filter(
    (d) =>
      d.leadProviderId === bpn?.leadProviderId &&
      d.cohortId === bpn?.cohortId &&
      d.declarationType === "started" &&
      (d.state === "paid" || d.state === "payable" || d.state === "eligible"),
  ).length;
  if (billableStarted <= 70) fail(`only ${billableStarted} billable started declarations for the small-bands contract (need > 70)`);
  if (dayOfMs(Math.max(...rows.participantDeclarations.map((d) => d.createdAt))) >= TODAY) fail("a declaration was submitted on or after SEED_TODAY");
}

// ---------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------

/** Seeds the demo data into an empty, migrated database, in one transaction. */
export async function seedDemo(db: Db): Promise<SeedSummary> {
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
  const build = buildDemo();
  const staff: StaffUserRow[] = [];
  for (const user of build.staff) staff.push({ ...user, passwordHash: await hashPassword(DEMO_PASSWORD) });
  await db.sql.transaction(async (tx) => {
    await insertStaffUsers(tx, staff);
    await insertAll(tx, build.rows);
  });
  return { counts: countRows(build.rows, staff.length), tokens: { ...DEMO_API_TOKENS }, examples: build.examples };
}
