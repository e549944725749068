import path from "node:path";
import { describe, expect, it } from "vitest";
import { dbConfigFromEnv, describeDbConfig, migrationDbConfigFromEnv } from "@/lib/db/config";

describe("dbConfigFromEnv", () => {
  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(dbConfigFromEnv({ DATABASE_URL: "postgresql://u@db.internal:6543/ecf" })).toEqual({
      kind: "postgres",
      url: "postgresql://u@db.internal:6543/ecf",
    });
  });

  it("uses the embedded database in .data/pglite by default", () => {
    expect(dbConfigFromEnv({})).toEqual({ kind: "pglite", dataDir: path.join(process.cwd(), ".data", "pglite") });
    expect(dbConfigFromEnv({ DATABASE_URL: "   " }).kind).toBe("pglite");
  });

  it("takes the data folder from PGLITE_DATA_DIR", () => {
    expect(dbConfigFromEnv({ PGLITE_DATA_DIR: "/var/lib/ecf" })).toEqual({ kind: "pglite", dataDir: "/var/lib/ecf" });
  });

  it("describes the database without its password", () => {
    const text = describeDbConfig({ kind: "postgres", url: "postgresql://user:secret@db.internal:6543/ecf" });
    expect(text).toBe('PostgreSQL database "ecf" on db.internal:6543');
    expect(text).not.toContain("secret");
  });
});

describe("migrationDbConfigFromEnv", () => {
  it("is MIGRATION_DATABASE_URL when set, else the app's database", () => {
    const env = { DATABASE_URL: "postgresql://ecf_app@db/ecf", MIGRATION_DATABASE_URL: "postgresql://ecf_owner@db/ecf" };
    expect(migrationDbConfigFromEnv(env)).toEqual({ kind: "postgres", url: "postgresql://ecf_owner@db/ecf" });
    expect(migrationDbConfigFromEnv({ DATABASE_URL: "postgresql://ecf_app@db/ecf" })).toEqual({ kind: "postgres", url: "postgresql://ecf_app@db/ecf" });
    expect(migrationDbConfigFromEnv({ DATABASE_URL: "postgresql://ecf_app@db/ecf", MIGRATION_DATABASE_URL: " " }).kind).toBe("postgres");
    expect(migrationDbConfigFromEnv({ PGLITE_DATA_DIR: "/var/lib/ecf" })).toEqual({ kind: "pglite", dataDir: "/var/lib/ecf" });
  });

  it("refuses a migration database without the app's (the embedded database has one role)", () => {
    expect(() => migrationDbConfigFromEnv({ MIGRATION_DATABASE_URL: "postgresql://ecf_owner@db/ecf" })).toThrow(/DATABASE_URL is not/);
  });
});
