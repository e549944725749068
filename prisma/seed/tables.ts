// Row shapes of every table the seed writes, and a fast multi-row insert through the raw SQL
// executor: one `INSERT … SELECT * FROM unnest(…)` per batch, each column passed as one array
// literal. Works the same on PostgreSQL (pg) and PGlite.
import type { SqlExecutor } from "@/lib/db/sql";
import { timestampText, ymd } from "./dates";

export type Tx = Omit<SqlExecutor, "transaction">;

/** Epoch milliseconds (UTC), for timestamp(3) columns. */
export type Ms = number;
/** Day number (days since 1970-01-01), for date columns. */
export type Day = number;

export type DeclarationStateValue =
  | "submitted"
  | "eligible"
  | "ineligible"
  | "payable"
  | "voided"
  | "paid"
  | "awaiting_clawback"
  | "clawed_back";

export interface StaffUserRow { id: string; email: string; name: string; passwordHash: string; roles: ("finance" | "approver")[]; createdAt: Ms; updatedAt: Ms }
export interface LeadProviderRow { id: string; name: string; vatChargeable: boolean; createdAt: Ms; updatedAt: Ms }
export interface ApiTokenRow { id: string; leadProviderId: string; hashedToken: string; description: string | null; lastUsedAt: Ms | null; createdAt: Ms }
export interface CohortRow { id: string; startYear: number; mentorFunding: boolean; paymentsFrozenAt: Ms | null; createdAt: Ms; updatedAt: Ms }
export interface ScheduleRow { id: string; cohortId: string; identifier: string; name: string; createdAt: Ms; updatedAt: Ms }
export interface MilestoneRow {
  id: string; scheduleId: string; declarationType: string; name: string; startDate: Day; milestoneDate: Day | null; paymentDate: Day | null;
}
export interface CallOffContractRow {
  id: string; leadProviderId: string; cohortId: string; recruitmentTarget: number; setUpFee: string;
  monthlyServiceFee: string | null; upliftAmount: string | null; createdAt: Ms; updatedAt: Ms;
}
export interface ParticipantBandRow {
  id: string; callOffContractId: string; min: number | null; max: number | null; perParticipant: string;
  outputPaymentPercentage: number; serviceFeePercentage: number;
}
export interface MentorCallOffContractRow {
  id: string; leadProviderId: string; cohortId: string; recruitmentTarget: number | null; paymentPerParticipant: string;
  createdAt: Ms; updatedAt: Ms;
}
export interface SchoolRow { id: string; urn: string; name: string; createdAt: Ms; updatedAt: Ms }
export interface SchoolCohortRow {
  id: string; schoolId: string; cohortId: string; inductionProgrammeChoice: string; fundingEligible: boolean;
  createdAt: Ms; updatedAt: Ms;
}
export interface DeliveryPartnerRow { id: string; name: string; createdAt: Ms; updatedAt: Ms }
export interface ProviderRelationshipRow { id: string; leadProviderId: string; deliveryPartnerId: string; cohortId: string; createdAt: Ms }
export interface PartnershipRow {
  id: string; leadProviderId: string; deliveryPartnerId: string; schoolId: string; cohortId: string;
  status: "active" | "challenged"; challengedReason: string | null; challengedAt: Ms | null;
  inductionTutorName: string | null; inductionTutorEmail: string | null; createdAt: Ms; updatedAt: Ms;
}
export interface UserRow { id: string; fullName: string; email: string; createdAt: Ms; updatedAt: Ms }
export interface ParticipantIdentityRow {
  id: string; userId: string; externalIdentifier: string; email: string; origin: string; createdAt: Ms; updatedAt: Ms;
}
export interface ParticipantIdChangeRow { id: string; userId: string; fromParticipantId: string; toParticipantId: string; changedAt: Ms }
export interface ParticipantProfileRow {
  id: string; participantIdentityId: string; type: "ect" | "mentor"; trn: string | null; trnValidated: boolean;
  eligibleForFunding: boolean | null; ineligibleForFundingReason: string | null; sparsityUplift: boolean;
  pupilPremiumUplift: boolean; mentorProfileId: string | null; inductionStartDate: Day | null;
  inductionEndDate: Day | null; mentorFundingEndDate: Day | null; cohortChangedAfterPaymentsFrozen: boolean;
  createdAt: Ms; updatedAt: Ms;
}
export interface InductionRecordRow {
  id: string; participantProfileId: string; leadProviderId: string; schoolId: string | null;
  deliveryPartnerId: string | null; partnershipId: string | null; scheduleId: string;
  trainingStatus: "active" | "deferred" | "withdrawn"; trainingStatusReason: string | null;
  trainingStatusDate: Ms | null; participantStatus: string; startDate: Ms; endDate: Ms | null;
  schoolTransfer: boolean; createdAt: Ms; updatedAt: Ms;
}
export interface ParticipantDeclarationRow {
  id: string; participantProfileId: string; userId: string; leadProviderId: string; cohortId: string;
  deliveryPartnerId: string | null; declarationType: string; declarationDate: Ms; courseIdentifier: string;
  evidenceHeld: string | null; state: DeclarationStateValue; ineligibleForFundingReason: string | null;
  mentorUserId: string | null; sparsityUplift: boolean; pupilPremiumUplift: boolean; hasPassed: boolean | null;
  voidedAt: Ms | null; voidedBy: string | null; createdAt: Ms; updatedAt: Ms;
}
export interface StatementRow {
  id: string; leadProviderId: string; cohortId: string; name: string; month: number; year: number;
  deadlineDate: Day; paymentDate: Day; outputFee: boolean; serviceFeeInstalment: number | null; status: "open" | "payable" | "paid";
  markedAsPaidAt: Ms | null; markedAsPaidBy: string | null; reconcileAmount: string; snapshot: unknown;
  createdAt: Ms; updatedAt: Ms;
}
export interface StatementLineItemRow {
  id: string; statementId: string; participantDeclarationId: string; state: DeclarationStateValue; createdAt: Ms; updatedAt: Ms;
  /** The participant's name: the database checks it (and writes it when missing), see migration 20261206002500. */
  participantName?: string;
}
export interface AdditionalAdjustmentRow { id: string; statementId: string; name: string; amount: string; createdAt: Ms; updatedAt: Ms }
export interface AuditLogRow {
  id: string; occurredAt: Ms; actorType: string; actorId: string; actorLabel: string; action: string;
  entityType: string; entityId: string; userId: string | null; reason: string | null; before: unknown; after: unknown;
}

type ColumnType =
  | "uuid"
  | "text"
  | "int"
  | "bool"
  | "date"
  | "timestamp"
  | "numeric"
  | "jsonb"
  | "DeclarationState"
  | "StatementStatus"
  | "ParticipantType"
  | "TrainingStatus"
  | "PartnershipStatus";

type Columns<R> = { [K in keyof R]-?: ColumnType };

export interface TableSpec<R> {
  table: string;
  columns: Columns<R>;
}

function spec<R>(table: string, columns: Columns<R>): TableSpec<R> {
  return { table, columns };
}

/** Tables in foreign-key order (staff users are inserted separately: their roles are an array). */
export const TABLES = {
  leadProviders: spec<LeadProviderRow>("lead_providers", { id: "uuid", name: "text", vatChargeable: "bool", createdAt: "timestamp", updatedAt: "timestamp" }),
  apiTokens: spec<ApiTokenRow>("api_tokens", { id: "uuid", leadProviderId: "uuid", hashedToken: "text", description: "text", lastUsedAt: "timestamp", createdAt: "timestamp" }),
  cohorts: spec<CohortRow>("cohorts", { id: "uuid", startYear: "int", mentorFunding: "bool", paymentsFrozenAt: "timestamp", createdAt: "timestamp", updatedAt: "timestamp" }),
  schedules: spec<ScheduleRow>("schedules", { id: "uuid", cohortId: "uuid", identifier: "text", name: "text", createdAt: "timestamp", updatedAt: "timestamp" }),
  milestones: spec<MilestoneRow>("milestones", {
    id: "uuid", scheduleId: "uuid", declarationType: "text", name: "text", startDate: "date", milestoneDate: "date", paymentDate: "date",
  }),
  callOffContracts: spec<CallOffContractRow>("call_off_contracts", {
    id: "uuid", leadProviderId: "uuid", cohortId: "uuid", recruitmentTarget: "int", setUpFee: "numeric",
    monthlyServiceFee: "numeric", upliftAmount: "numeric", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  participantBands: spec<ParticipantBandRow>("participant_bands", {
    id: "uuid", callOffContractId: "uuid", min: "int", max: "int", perParticipant: "numeric",
    outputPaymentPercentage: "int", serviceFeePercentage: "int",
  }),
  mentorCallOffContracts: spec<MentorCallOffContractRow>("mentor_call_off_contracts", {
    id: "uuid", leadProviderId: "uuid", cohortId: "uuid", recruitmentTarget: "int", paymentPerParticipant: "numeric",
    createdAt: "timestamp", updatedAt: "timestamp",
  }),
  schools: spec<SchoolRow>("schools", { id: "uuid", urn: "text", name: "text", createdAt: "timestamp", updatedAt: "timestamp" }),
  schoolCohorts: spec<SchoolCohortRow>("school_cohorts", {
    id: "uuid", schoolId: "uuid", cohortId: "uuid", inductionProgrammeChoice: "text", fundingEligible: "bool",
    createdAt: "timestamp", updatedAt: "timestamp",
  }),
  deliveryPartners: spec<DeliveryPartnerRow>("delivery_partners", { id: "uuid", name: "text", createdAt: "timestamp", updatedAt: "timestamp" }),
  providerRelationships: spec<ProviderRelationshipRow>("provider_relationships", {
    id: "uuid", leadProviderId: "uuid", deliveryPartnerId: "uuid", cohortId: "uuid", createdAt: "timestamp",
  }),
  partnerships: spec<PartnershipRow>("partnerships", {
    id: "uuid", leadProviderId: "uuid", deliveryPartnerId: "uuid", schoolId: "uuid", cohortId: "uuid",
    status: "PartnershipStatus", challengedReason: "text", challengedAt: "timestamp", inductionTutorName: "text",
    inductionTutorEmail: "text", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  users: spec<UserRow>("users", { id: "uuid", fullName: "text", email: "text", createdAt: "timestamp", updatedAt: "timestamp" }),
  participantIdentities: spec<ParticipantIdentityRow>("participant_identities", {
    id: "uuid", userId: "uuid", externalIdentifier: "uuid", email: "text", origin: "text", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  participantIdChanges: spec<ParticipantIdChangeRow>("participant_id_changes", {
    id: "uuid", userId: "uuid", fromParticipantId: "uuid", toParticipantId: "uuid", changedAt: "timestamp",
  }),
  participantProfiles: spec<ParticipantProfileRow>("participant_profiles", {
    id: "uuid", participantIdentityId: "uuid", type: "ParticipantType", trn: "text", trnValidated: "bool",
    eligibleForFunding: "bool", ineligibleForFundingReason: "text", sparsityUplift: "bool", pupilPremiumUplift: "bool",
    mentorProfileId: "uuid", inductionStartDate: "date", inductionEndDate: "date", mentorFundingEndDate: "date",
    cohortChangedAfterPaymentsFrozen: "bool", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  inductionRecords: spec<InductionRecordRow>("induction_records", {
    id: "uuid", participantProfileId: "uuid", leadProviderId: "uuid", schoolId: "uuid", deliveryPartnerId: "uuid",
    partnershipId: "uuid", scheduleId: "uuid", trainingStatus: "TrainingStatus", trainingStatusReason: "text",
    trainingStatusDate: "timestamp", participantStatus: "text", startDate: "timestamp", endDate: "timestamp",
    schoolTransfer: "bool", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  statements: spec<StatementRow>("statements", {
    id: "uuid", leadProviderId: "uuid", cohortId: "uuid", name: "text", month: "int", year: "int", deadlineDate: "date",
    paymentDate: "date", outputFee: "bool", serviceFeeInstalment: "int", status: "StatementStatus", markedAsPaidAt: "timestamp", markedAsPaidBy: "text",
    reconcileAmount: "numeric", snapshot: "jsonb", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  participantDeclarations: spec<ParticipantDeclarationRow>("participant_declarations", {
    id: "uuid", participantProfileId: "uuid", userId: "uuid", leadProviderId: "uuid", cohortId: "uuid",
    deliveryPartnerId: "uuid", declarationType: "text", declarationDate: "timestamp", courseIdentifier: "text",
    evidenceHeld: "text", state: "DeclarationState", ineligibleForFundingReason: "text", mentorUserId: "uuid",
    sparsityUplift: "bool", pupilPremiumUplift: "bool", hasPassed: "bool", voidedAt: "timestamp", voidedBy: "text",
    createdAt: "timestamp", updatedAt: "timestamp",
  }),
  statementLineItems: spec<StatementLineItemRow>("statement_line_items", {
    id: "uuid", statementId: "uuid", participantDeclarationId: "uuid", state: "DeclarationState", createdAt: "timestamp", updatedAt: "timestamp",
    participantName: "text",
  }),
  additionalAdjustments: spec<AdditionalAdjustmentRow>("additional_adjustments", {
    id: "uuid", statementId: "uuid", name: "text", amount: "numeric", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  auditLogs: spec<AuditLogRow>("audit_logs", {
    id: "uuid", occurredAt: "timestamp", actorType: "text", actorId: "text", actorLabel: "text", action: "text",
    entityType: "text", entityId: "uuid", userId: "uuid", reason: "text", before: "jsonb", after: "jsonb",
  }),
} as const;

export type TableKey = keyof typeof TABLES;
export type RowOf<K extends TableKey> = (typeof TABLES)[K] extends TableSpec<infer R> ? R : never;
export type SeedRows = { [K in TableKey]: RowOf<K>[] };
/** Rows written per table (staff users included). */
export type TableCounts = { staffUsers: number } & { [K in TableKey]: number };

export const TABLE_ORDER = Object.keys(TABLES) as TableKey[];

export function emptyRows(): SeedRows {
  return Object.fromEntries(TABLE_ORDER.map((key) => [key, []])) as unknown as SeedRows;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** One element of a PostgreSQL array literal. */
function element(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  switch (type) {
    case "uuid":
    case "int":
      return String(value);
    case "bool":
      return value ? "t" : "f";
    case "date":
      return ymd(value as number);
    case "timestamp":
      return `"${timestampText(value as number)}"`;
    case "jsonb":
      return quote(JSON.stringify(value));
    default:
      return quote(String(value));
  }
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function sqlType(type: ColumnType): string {
  switch (type) {
    case "int":
      return "integer";
    case "bool":
      return "boolean";
    case "timestamp":
      return "timestamp(3)";
    case "DeclarationState":
    case "StatementStatus":
    case "ParticipantType":
    case "TrainingStatus":
    case "PartnershipStatus":
      return `"${type}"`;
    default:
      return type;
  }
}

const insertSql = new Map<string, string>();

function insertStatement<R>(spec: TableSpec<R>): { sql: string; keys: (keyof R)[]; types: ColumnType[] } {
  const keys = Object.keys(spec.columns) as (keyof R)[];
  const types = keys.map((k) => spec.columns[k]);
  let sql = insertSql.get(spec.table);
  if (!sql) {
    const columns = keys.map((k) => `"${snake(String(k))}"`).join(", ");
    const arrays = types.map((t, i) => `$${i + 1}::text::${sqlType(t)}[]`).join(", ");
    sql = `INSERT INTO "${spec.table}" (${columns}) SELECT * FROM unnest(${arrays})`;
    insertSql.set(spec.table, sql);
  }
  return { sql, keys, types };
}

export const DEFAULT_BATCH = 5000;

/** Inserts rows in batches of `batchSize`, one statement per batch. */
export async function insertRows<R>(tx: Tx, spec: TableSpec<R>, rows: readonly R[], batchSize = DEFAULT_BATCH): Promise<void> {
  if (rows.length === 0) return;
  const { sql, keys, types } = insertStatement(spec);
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params = keys.map((key, i) => {
      const type = types[i] as ColumnType;
      const parts = new Array<string>(batch.length);
      for (let r = 0; r < batch.length; r += 1) parts[r] = element(type, (batch[r] as R)[key]);
      return `{${parts.join(",")}}`;
    });
    await tx.query(sql, params);
  }
}

/** Inserts every table's rows in foreign-key order. */
export async function insertAll(tx: Tx, rows: SeedRows, batchSize = DEFAULT_BATCH): Promise<void> {
  for (const key of TABLE_ORDER) {
    await insertRows(tx, TABLES[key] as TableSpec<unknown>, rows[key] as unknown[], batchSize);
  }
}

export async function insertStaffUsers(tx: Tx, rows: readonly StaffUserRow[]): Promise<void> {
  for (const row of rows) {
    await tx.query(
      `INSERT INTO "staff_users" ("id", "email", "name", "password_hash", "roles", "created_at", "updated_at")
       VALUES ($1::uuid, $2, $3, $4, $5::text::"StaffRole"[], $6::timestamp(3), $7::timestamp(3))`,
      [row.id, row.email, row.name, row.passwordHash, `{${row.roles.join(",")}}`, timestampText(row.createdAt), timestampText(row.updatedAt)],
    );
  }
}

export function countRows(rows: SeedRows, staffUsers: number): TableCounts {
  const counts = { staffUsers } as TableCounts;
  for (const key of TABLE_ORDER) counts[key] = rows[key].length;
  return counts;
}
