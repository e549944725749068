// Large generated volumes for performance work: extra lead providers ("Scale Provider 01"…), schools,
// delivery partners, their statements (DfE's calendar, as for the demo: ./reference.ts) and participants
// with declarations and line items that follow the same rules as the demo (./lifecycle.ts), in the two
// cohorts before the current one on the given "today". Rows go in with batched multi-row inserts through
// the raw SQL executor, one transaction per chunk of participants, several chunks in flight on
// PostgreSQL.
//
// One lead provider ("Scale Provider 01", the older cohort) uploaded a backlog just before the payable
// (else the last paid) output statement's cut-off, so that statement carries about a tenth of all declarations (≈100k line items
// for 1,000,000 declarations): the CSV export benchmark's big statement.
import type { Db } from "@/lib/db/client";
import type { DeclarationType } from "@/lib/domain/declaration-types";
import { contractProblems } from "@/lib/engine/contract-rules";
import { Decimal } from "@/lib/engine/money";
import { currentCohortYear, scheduleMilestones, type Milestone, type ScheduleIdentifier, type StatementCalendar, type StatementPlan } from "./calendar";
import { HOUR_MS, dayOf, dayOfDate, dayOfMs, msOfDay } from "./dates";
import type { VoidActor } from "./lifecycle";
import {
  DEFERRAL_REASONS,
  INELIGIBLE_REASONS,
  STAFF_VOID_REASONS,
  WITHDRAWAL_REASONS,
  deliveryPartnerName,
  personName,
  schoolName,
  trnFor,
  uniqueEmail,
  urnFor,
} from "./names";
import { addPartnership, buildParticipant, type ParticipantContext, type ParticipantSpec, type Placement } from "./participants";
import { DEMO_SEED, Rng, createFaker, deriveSeed } from "./random";
import { MARKED_AS_PAID_BY, MENTOR_FUNDING_FROM, buildCohort, buildStatements, cohortInfo, type CohortRef, type ScheduleRef } from "./reference";
import { withIndexesBuiltAfter } from "./bulk-load";
import { TABLES, TABLE_ORDER, countRows, emptyRows, insertAll, type SeedRows, type TableCounts } from "./tables";

export interface ScaleOptions {
  /** Declarations to generate (exactly). */
  declarations: number;
  /** Lead providers to create (default: one per 25,000 declarations, 2 to 40). */
  providers?: number;
  /** The data's "today" (its UTC calendar day): statement statuses, and nothing happens on or after it. */
  today: Date;
  /** Random seed (default: the demo's). Runs on the same database state give the same data. */
  seed?: number;
  log?: (message: string) => void;
  /**
   * The database is the seeder's alone (created for this run, or empty when the command started):
   * build the plain indexes and check the foreign keys once, after the rows are in (./bulk-load.ts).
   * Never for a database in use.
   */
  bulk?: boolean;
}

export interface ScaleSummary {
  /** Rows added per table. */
  counts: TableCounts;
  seconds: number;
  providers: string[];
  /** The statement with the most line items (the backlog statement). */
  largestStatement: { id: string; leadProviderName: string; name: string; cohort: number; lineItems: number } | null;
}

/** Share of the declarations in the older cohort (its participants have more declarations by today). */
const SHARE_OLDER = 0.85;
/** Share of all declarations made by Scale Provider 01 in the older cohort, the backlog provider. */
const HOT_SHARE = 0.14;
/** Share of the backlog provider's participants whose earlier declarations came in the backlog. */
const BACKLOG_SHARE = 0.75;
/** Declarations per chunk (one transaction). */
const CHUNK_DECLARATIONS = 10_000;
const PARTICIPANTS_PER_SCHOOL = 40;

interface ProviderPlan {
  id: string;
  name: string;
  placements: Map<number, Placement[]>;
  calendars: Map<number, StatementCalendar>;
}

interface Segment {
  provider: ProviderPlan;
  cohort: CohortRef;
  budget: number;
  backlog?: readonly [number, number];
}

function positiveInteger(value: number | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${value}.`);
  return value;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}

/** The scale data's two cohorts: the two before the current one. */
export function scaleCohortYears(today: Date): [older: number, newer: number] {
  const current = currentCohortYear(dayOfDate(today));
  if (current < 2023) throw new Error(`The scale data needs two cohorts before the current one; on ${today.toISOString().slice(0, 10)} the current cohort is ${current}.`);
  return [current - 2, current - 1];
}

async function loadCohort(db: Db, year: number, today: number): Promise<CohortRef | null> {
  const [cohort] = await db.sql.query<{ id: string; mentor_funding: boolean; frozen: string | null }>(
    `SELECT id, mentor_funding, to_char(payments_frozen_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS frozen FROM cohorts WHERE start_year = $1`,
    [year],
  );
  if (!cohort) return null;
  // The stored schedules and milestones (the demo's, from ecfSchedules).
  const rows = await db.sql.query<{ schedule_id: string; identifier: string; declaration_type: string; name: string; start: string; end: string | null; paid: string | null }>(
    `SELECT s.id AS schedule_id, s.identifier, m.declaration_type, m.name,
            to_char(m.start_date, 'YYYY-MM-DD') AS start, to_char(m.milestone_date, 'YYYY-MM-DD') AS end,
            to_char(m.payment_date, 'YYYY-MM-DD') AS paid
       FROM schedules s JOIN milestones m ON m.schedule_id = s.id
      WHERE s.cohort_id = $1 AND s.identifier LIKE 'ecf-%'`,
    [cohort.id],
  );
  const toDay = (text: string | null) => (text === null ? null : dayOfMs(Date.parse(`${text}T00:00:00Z`)));
  const byIdentifier = new Map<string, { id: string; milestones: Milestone[] }>();
  for (const m of rows) {
    const schedule = byIdentifier.get(m.identifier) ?? { id: m.schedule_id, milestones: [] };
    schedule.milestones.push({
      type: m.declaration_type as DeclarationType,
      name: m.name,
      startDay: toDay(m.start) as number,
      endDay: toDay(m.end),
      paymentDay: toDay(m.paid),
    });
    byIdentifier.set(m.identifier, schedule);
  }
  const schedules = new Map<ScheduleIdentifier, ScheduleRef>();
  for (const [identifier, { id, milestones }] of byIdentifier) {
    schedules.set(identifier as ScheduleIdentifier, { ...scheduleMilestones(identifier, milestones), id, identifier: identifier as ScheduleIdentifier });
  }
  for (const identifier of SCALE_SCHEDULES) {
    if (!schedules.has(identifier)) throw new Error(`Cohort ${year} exists but has no "${identifier}" schedule.`);
  }
  return {
    info: cohortInfo(cohort.id, year, { mentorFunding: cohort.mentor_funding, paymentsFrozenAt: cohort.frozen ? Date.parse(cohort.frozen) : null, today }),
    schedules,
  };
}

const ECT_SCHEDULES = [
  ["ecf-standard-september", 70],
  ["ecf-standard-january", 14],
  ["ecf-standard-april", 9],
  ["ecf-extended-september", 5],
  ["ecf-reduced-september", 2],
] as const;
const MENTOR_SCHEDULES = [
  ["ecf-standard-september", 60],
  ["ecf-standard-january", 10],
  ["ecf-standard-april", 5],
  ["ecf-replacement-september", 15],
  ["ecf-replacement-january", 6],
  ["ecf-replacement-april", 4],
] as const;
const SCALE_SCHEDULES: readonly ScheduleIdentifier[] = [...new Set([...ECT_SCHEDULES, ...MENTOR_SCHEDULES].map(([identifier]) => identifier))];

export async function seedScale(db: Db, opts: ScaleOptions): Promise<ScaleSummary> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const total = positiveInteger(opts.declarations, "declarations", 1, 50_000_000) as number;
  const providerCount = positiveInteger(opts.providers, "providers", 1, 999) ?? Math.min(40, Math.max(2, Math.ceil(total / 25_000)));
  const today = dayOfDate(opts.today);
  const scaleCohorts = scaleCohortYears(opts.today);
  const [olderYear] = scaleCohorts;
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;

  // What is there already: runs stack up (new provider numbers, e-mails, TRNs, URNs, ids).
  const [existing] = await db.sql.query<{ scale_providers: number; users: number; profiles: number; schools: number }>(
    `SELECT (SELECT count(*) FROM lead_providers WHERE name LIKE 'Scale Provider %')::int AS scale_providers,
            (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM participant_profiles)::int AS profiles,
            (SELECT count(*) FROM schools)::int AS schools`,
  );
  const state = existing ?? { scale_providers: 0, users: 0, profiles: 0, schools: 0 };
  const takenUrns = new Set((await db.sql.query<{ urn: string }>(`SELECT urn FROM schools`)).map((r) => r.urn));
  const [finance] = await db.sql.query<{ id: string; email: string }>(`SELECT id, email FROM staff_users WHERE email = $1`, [MARKED_AS_PAID_BY]);

  const seed = deriveSeed(opts.seed ?? DEMO_SEED, `scale:${state.scale_providers}:${state.users}`);
  const faker = createFaker(seed);
  const rng = new Rng(seed);
  const ids = new Rng(deriveSeed(seed, "ids"));
  const newId = () => ids.uuid();
  const reference = emptyRows();
  const refMs = msOfDay(dayOf(olderYear, 4, 2)) + 9 * HOUR_MS;

  // The two cohorts before the current one: the demo's when present.
  const cohorts = new Map<number, CohortRef>();
  for (const year of scaleCohorts) {
    const cohort =
      (await loadCohort(db, year, today)) ??
      buildCohort(reference, year, { mentorFunding: year >= MENTOR_FUNDING_FROM, paymentsFrozenAt: null, today }, newId);
    cohorts.set(year, cohort);
  }
  const cohortOf = (year: number) => cohorts.get(year) as CohortRef;

  // Budgets per provider and cohort.
  const providerWeights = Array.from({ length: providerCount }, () => 0.6 + rng.next() * 0.8);
  const budgetOlder = Math.round(total * SHARE_OLDER);
  const hotBudget = providerCount > 1 ? Math.round(total * HOT_SHARE) : budgetOlder;
  const budgetsOlder = [hotBudget, ...apportion(budgetOlder - hotBudget, providerWeights.slice(1))];
  const budgetsNewer = apportion(total - budgetOlder, providerWeights);
  const budgetOf = (year: number, p: number) => ((year === olderYear ? budgetsOlder[p] : budgetsNewer[p]) as number);
  const estimatedParticipants = Math.ceil(total / 4.8);

  // Providers, contracts, delivery partners, statements.
  const providers: ProviderPlan[] = [];
  for (let p = 0; p < providerCount; p += 1) {
    const id = newId();
    const name = `Scale Provider ${String(state.scale_providers + p + 1).padStart(2, "0")}`;
    reference.leadProviders.push({ id, name, vatChargeable: p % 7 !== 3, createdAt: refMs, updatedAt: refMs });
    const provider: ProviderPlan = { id, name, placements: new Map(), calendars: new Map() };
    providers.push(provider);
    for (const year of scaleCohorts) {
      const cohort = cohortOf(year);
      const share = budgetOf(year, p) / total;
      const target = Math.max(100, Math.round((estimatedParticipants * share) / 50) * 50);
      const contractId = newId();
      const upliftAmount = cohort.info.mentorFunding || p % 8 === 5 ? null : "100.00";
      const bandA = Math.round(target * 0.4);
      const bandB = Math.round(target * 0.8);
      const bands = [
        [null, bandA, "995.00"],
        [bandA + 1, bandB, "975.00"],
        [bandB + 1, null, "950.00"],
      ] as const;
      const problems = contractProblems({ mentorFunding: cohort.info.mentorFunding, upliftAmount: upliftAmount === null ? null : new Decimal(upliftAmount), bands });
      if (problems.length > 0) throw new Error(`Scale contract ${name} ${year}: ${problems.map((x) => `${x.field} ${x.message}`).join("; ")}`);
      reference.callOffContracts.push({
        id: contractId,
        leadProviderId: id,
        cohortId: cohort.info.id,
        recruitmentTarget: target,
        setUpFee: p % 3 === 0 ? "0.00" : `${(50_000 + p * 2_500).toFixed(2)}`,
        monthlyServiceFee: p % 10 === 9 ? `${(target * 14).toFixed(2)}` : null,
        upliftAmount,
        createdAt: refMs,
        updatedAt: refMs,
      });
      for (const [min, max, price] of bands) {
        reference.participantBands.push({
          id: newId(),
          callOffContractId: contractId,
          min,
          max,
          perParticipant: price,
          outputPaymentPercentage: 60,
          serviceFeePercentage: 40,
        });
      }
      if (cohort.info.mentorFunding) {
        reference.mentorCallOffContracts.push({
          id: newId(),
          leadProviderId: id,
          cohortId: cohort.info.id,
          recruitmentTarget: Math.max(50, Math.round(target / 4)),
          paymentPerParticipant: "1000.00",
          createdAt: refMs,
          updatedAt: refMs,
        });
      }
      provider.calendars.set(year, buildStatements(reference, id, cohort.info, newId));
      provider.placements.set(year, []);
    }
  }

  // Delivery partners: three per provider.
  const partnersOf = providers.map((provider, p) =>
    [0, 1, 2].map((k) => {
      const dpId = newId();
      reference.deliveryPartners.push({ id: dpId, name: deliveryPartnerName(rng, p * 3 + k + 17), createdAt: refMs, updatedAt: refMs });
      for (const year of scaleCohorts) {
        reference.providerRelationships.push({ id: newId(), leadProviderId: provider.id, deliveryPartnerId: dpId, cohortId: cohortOf(year).info.id, createdAt: refMs });
      }
      return dpId;
    }),
  );

  // Schools, each partnered with one provider (in proportion to its size) in both cohorts.
  const schoolCount = Math.max(providerCount * 2, Math.ceil(estimatedParticipants / PARTICIPANTS_PER_SCHOOL));
  const schoolProviders = apportion(
    schoolCount,
    providers.map((_, p) => budgetOf(olderYear, p) + (budgetsNewer[p] as number)),
  ).map((n) => Math.max(1, n));
  let urnIndex = 1000 + state.schools;
  let schoolIndex = state.schools;
  for (let p = 0; p < providerCount; p += 1) {
    const provider = providers[p] as ProviderPlan;
    for (let s = 0; s < (schoolProviders[p] as number); s += 1) {
      let urn = urnFor(urnIndex++);
      while (takenUrns.has(urn)) urn = urnFor(urnIndex++);
      takenUrns.add(urn);
      const schoolId = newId();
      reference.schools.push({ id: schoolId, urn, name: schoolName(rng, schoolIndex++), createdAt: refMs, updatedAt: refMs });
      const tutor = personName(faker);
      const dp = (partnersOf[p] as string[])[s % 3] as string;
      for (const year of scaleCohorts) {
        const cohort = cohortOf(year);
        reference.schoolCohorts.push({
          id: newId(), schoolId, cohortId: cohort.info.id, inductionProgrammeChoice: "provider_led", fundingEligible: true, createdAt: refMs, updatedAt: refMs,
        });
        (provider.placements.get(year) as Placement[]).push(
          addPartnership(reference.partnerships, {
            id: newId(),
            schoolId,
            cohortId: cohort.info.id,
            leadProviderId: provider.id,
            deliveryPartnerId: dp,
            tutor: { name: tutor.full, email: uniqueEmail(tutor.first, tutor.last, 900_000 + schoolIndex, rng) },
            at: refMs,
            calendar: provider.calendars.get(year) as StatementCalendar,
          }),
        );
      }
    }
  }
  await db.sql.transaction((tx) => insertAll(tx, reference));
  log(
    `Scale: ${providerCount} providers, ${reference.schools.length.toLocaleString("en-GB")} schools, ` +
      `${reference.statements.length.toLocaleString("en-GB")} statements created (${elapsed()}).`,
  );

  // Segments and the backlog window of the big provider.
  const segments: Segment[] = [];
  providers.forEach((provider, p) => {
    for (const year of scaleCohorts) {
      const budget = budgetOf(year, p);
      if (budget > 0) segments.push({ provider, cohort: cohortOf(year), budget });
    }
  });
  const hot = segments[0] as Segment;
  const hotCalendar = hot.provider.calendars.get(hot.cohort.info.startYear) as StatementCalendar;
  const backlogStatement = hotCalendar.firstWithStatus("payable") ?? hotCalendar.lastPaid();
  const backlogDays = backlogStatement ? hotCalendar.submissionDays(backlogStatement, today - 1) : null;
  if (backlogDays) hot.backlog = backlogDays;

  // Participants, declarations and line items, chunk by chunk.
  const voidAsStaff = finance !== undefined;
  const providerNames = new Map(providers.map((p) => [p.id, p.name]));
  const ctx: ParticipantContext = {
    faker,
    rng,
    newId,
    rows: emptyRows(),
    randomVoider: (leadProviderId) =>
      voidAsStaff && rng.chance(0.5) ? { by: MARKED_AS_PAID_BY, reason: rng.pick(STAFF_VOID_REASONS) } : { by: `api:${leadProviderId}`, reason: null },
    actorFor: (by): VoidActor =>
      by === MARKED_AS_PAID_BY && finance
        ? { by, actorType: "staff", actorId: finance.id, actorLabel: finance.email }
        : { by, actorType: "api", actorId: by.slice(4), actorLabel: providerNames.get(by.slice(4)) ?? by },
  };
  const counts = countRows(reference, 0);
  const lineItemsPerStatement = new Map<string, number>();
  let serial = 100_000 + state.users;
  let trnIndex = 10_000 + state.profiles;
  let made = 0;
  let chunkNumber = 0;
  const inflight = new Set<Promise<void>>();
  const concurrency = db.config.kind === "postgres" ? 3 : 1;
  let failure: unknown = null;

  const flush = async (rows: SeedRows) => {
    chunkNumber += 1;
    const number = chunkNumber;
    for (const key of TABLE_ORDER) counts[key] += rows[key].length;
    for (const line of rows.statementLineItems) lineItemsPerStatement.set(line.statementId, (lineItemsPerStatement.get(line.statementId) ?? 0) + 1);
    const done = made;
    const task = db.sql
      .transaction((tx) => insertAll(tx, rows))
      .then(() => log(`Scale: chunk ${number}, ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} declarations generated (${elapsed()}).`))
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inflight.delete(task));
    inflight.add(task);
    while (inflight.size >= concurrency) await Promise.race(inflight);
    if (failure) throw failure;
  };

  const randomSpec = (segment: Segment, type: "ect" | "mentor", placement: Placement): ParticipantSpec => {
    const cohort = segment.cohort;
    const year = cohort.info.startYear;
    const schedule: ScheduleIdentifier = type === "ect" ? rng.weighted(ECT_SCHEDULES) : rng.weighted(MENTOR_SCHEDULES);
    const startDay = Math.min(
      (schedule.endsWith("september") ? dayOf(year, 9, 1) : schedule.endsWith("january") ? dayOf(year + 1, 1, 4) : dayOf(year + 1, 4, 15)) +
        rng.int(0, 20),
      today - 7,
    );
    const name = personName(faker);
    const eligibility = rng.next();
    const eligible = eligibility < 0.025 ? null : eligibility >= 0.06;
    const statusRoll = rng.next();
    const stopDay = () => Math.max(startDay + 1, Math.min(rng.int(startDay + 60, Math.max(startDay + 61, today - 10)), today - 10));
    const training: ParticipantSpec["training"] =
      statusRoll < 0.05
        ? { status: "withdrawn", reason: rng.pick(WITHDRAWAL_REASONS), day: stopDay() }
        : statusRoll < 0.08
          ? { status: "deferred", reason: rng.pick(DEFERRAL_REASONS), day: stopDay() }
          : { status: "active", reason: null, day: null };
    const trn = rng.chance(0.02) ? null : trnFor(trnIndex++);
    return {
      type,
      cohort,
      schedule,
      placement,
      startDay,
      fullName: name.full,
      email: uniqueEmail(name.first, name.last, serial++, rng),
      idChangedAt: rng.chance(0.003) ? msOfDay(rng.int(startDay, today - 1)) + 12 * HOUR_MS : undefined,
      trn,
      trnValidated: trn !== null && rng.chance(0.95),
      eligible,
      ineligibleReason: eligible === false ? rng.pick(INELIGIBLE_REASONS) : null,
      sparsity: type === "ect" && rng.chance(0.15),
      pupilPremium: type === "ect" && rng.chance(0.28),
      mentor: null,
      training,
      participantStatus: training.status === "withdrawn" && rng.chance(0.6) ? "withdrawn" : rng.chance(0.02) ? "leaving" : "active",
      extensions: schedule.startsWith("ecf-extended-") ? rng.int(1, 2) : 0,
      maxDeclarations: rng.chance(0.08) ? rng.int(1, 3) : Number.POSITIVE_INFINITY,
      voids: [],
      randomVoidRate: 0.025,
    };
  };

  const loadParticipants = async () => {
    let rows = emptyRows();
    let chunkDeclarations = 0;
    for (const segment of segments) {
      const year = segment.cohort.info.startYear;
      const placements = segment.provider.placements.get(year) as Placement[];
      const others = providers.filter((p) => p !== segment.provider);
      let left = segment.budget;
      let mentors: { profileId: string; userId: string }[] = [];
      let barren = 0;
      while (left > 0) {
        ctx.rows = rows;
        const type = rng.chance(0.25) ? "mentor" : "ect";
        const spec = randomSpec(segment, type, rng.pick(placements));
        spec.maxDeclarations = Math.min(spec.maxDeclarations, left);
        if (segment.backlog && rng.chance(BACKLOG_SHARE)) spec.backlog = segment.backlog;
        if (type === "ect" && rng.chance(0.9)) {
          if (others.length > 0 && rng.chance(0.02)) {
            // An unfunded mentor: trains with another provider.
            const other = rng.pick(others);
            const mentorSpec = randomSpec(segment, "mentor", rng.pick(other.placements.get(year) as Placement[]));
            mentorSpec.maxDeclarations = Math.min(mentorSpec.maxDeclarations, Math.max(0, left - 1));
            const mentor = buildParticipant(mentorSpec, ctx);
            spec.mentor = { profileId: mentor.profileId, userId: mentor.userId };
            left -= mentor.declarations.length;
            made += mentor.declarations.length;
            chunkDeclarations += mentor.declarations.length;
            spec.maxDeclarations = Math.min(spec.maxDeclarations, left);
          } else if (mentors.length > 0) {
            spec.mentor = rng.pick(mentors);
          }
        }
        if (type === "ect" && spec.training.status === "active" && others.length > 0 && rng.chance(0.01)) {
          const day = rng.int(spec.startDay + 120, Math.max(spec.startDay + 121, today - 30));
          if (day < today - 30) {
            const other = rng.chance(0.5) ? rng.pick(others) : segment.provider;
            const to = rng.pick(other.placements.get(year) as Placement[]);
            if (to.schoolId !== spec.placement.schoolId) spec.transfer = { day, to };
          }
        }
        const built = buildParticipant(spec, ctx);
        if (type === "mentor") mentors.push({ profileId: built.profileId, userId: built.userId });
        const n = built.declarations.length;
        left -= n;
        made += n;
        chunkDeclarations += n;
        barren = n === 0 ? barren + 1 : 0;
        if (barren > 1000) {
          throw new Error(`Cannot place declarations for ${segment.provider.name} ${year}: no output statement takes them before ${opts.today.toISOString().slice(0, 10)}?`);
        }
        if (chunkDeclarations >= CHUNK_DECLARATIONS) {
          await flush(rows);
          rows = emptyRows();
          chunkDeclarations = 0;
          mentors = [];
        }
      }
    }
    if (rows.participantDeclarations.length > 0 || rows.users.length > 0) await flush(rows);
    await Promise.all(inflight);
    if (failure) throw failure;
  };
  if (opts.bulk) await withIndexesBuiltAfter(db, TABLE_ORDER.map((key) => TABLES[key].table), loadParticipants, log);
  else await loadParticipants();

  log(`Scale: ${made.toLocaleString("en-GB")} declarations inserted; analysing tables (${elapsed()}).`);
  await db.sql.exec(
    "ANALYZE users, participant_identities, participant_profiles, induction_records, participant_declarations, statements, statement_line_items, audit_logs",
  );

  let largest: ScaleSummary["largestStatement"] = null;
  const statementsById = new Map<string, StatementPlan>();
  for (const provider of providers) for (const calendar of provider.calendars.values()) for (const s of calendar.statements) statementsById.set(s.id, s);
  for (const [id, lineItems] of lineItemsPerStatement) {
    if (largest && largest.lineItems >= lineItems) continue;
    const statement = statementsById.get(id) as StatementPlan;
    const provider = providers.find((p) => p.id === statement.leadProviderId) as ProviderPlan;
    const cohort = [...cohorts.values()].find((c) => c.info.id === statement.cohortId) as CohortRef;
    largest = { id, leadProviderName: provider.name, name: statement.name, cohort: cohort.info.startYear, lineItems };
  }
  const seconds = (performance.now() - started) / 1000;
  log(`Scale: done in ${seconds.toFixed(1)}s.`);
  return { counts, seconds, providers: providers.map((p) => p.name), largestStatement: largest };
}
