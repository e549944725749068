// Small pieces shared by every feature's Prisma queries: the client-or-transaction type, paging,
// and the raw-SQL fragments Prisma's tagged templates need.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

/** A Prisma client or an open transaction: queries take either. */
export type Queryable = PrismaClient | Prisma.TransactionClient;

export interface Paging {
  skip: number;
  take: number;
}

/** `${text}::uuid` for each id, joined for an IN (...) list. Ids must already be valid UUIDs. */
export function uuidList(ids: readonly string[]): Prisma.Sql {
  return Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));
}

/**
 * `to_char` format of a `timestamp(3)` column (stored in UTC, no time zone) as ISO 8601 text with "Z":
 * raw queries read timestamps as this text, so no driver's time zone handling gets a say.
 */
export const ISO_UTC_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

/** A JS Date as a `timestamp(3)` value in UTC (the columns have no time zone; Prisma stores UTC). */
export function utcTimestamp(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
