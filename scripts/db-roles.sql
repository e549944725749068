-- The runtime role: what the app (`npm start`) needs and nothing more (docs/operations.md,
-- "Database roles"). Run it once, after `npm run db:setup`, in the app's database, connected as the
-- migration role (the role that ran the migrations and so owns every table: MIGRATION_DATABASE_URL):
--
--   psql "$MIGRATION_DATABASE_URL" -v ON_ERROR_STOP=1 -f scripts/db-roles.sql
--   psql "$MIGRATION_DATABASE_URL" -c '\password ecf_app'
--
-- then run the app with DATABASE_URL=postgresql://ecf_app:<password>@<host>/<database>, and keep
-- MIGRATION_DATABASE_URL for `npm run db:setup` / `npm run db:seed` only. Creating the role needs
-- CREATEROLE (or create `ecf_app` as an administrator first: the script then only grants). Running it
-- again changes nothing; run it again after a migration that adds a table owned by another role.
--
-- The runtime role:
-- - owns nothing, so it cannot DROP, ALTER or TRUNCATE any table, nor create objects;
-- - reads and writes the business tables (SELECT, INSERT, UPDATE, DELETE: merging participants
--   deletes the retired records, removing an adjustment deletes it);
-- - on the audit log may only INSERT and SELECT (and the table's triggers refuse UPDATE, DELETE and
--   TRUNCATE to every role, the owner included);
-- - cannot read or change the migration history (_prisma_migrations).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ecf_app') THEN
    CREATE ROLE ecf_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ecf_app', current_database());
END $$;

-- Nobody but the owner creates objects in the schema (PostgreSQL 15's default; older servers let
-- every role create tables in "public").
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ecf_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ecf_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ecf_app;
REVOKE ALL ON TABLE audit_logs FROM ecf_app;
GRANT SELECT, INSERT ON TABLE audit_logs TO ecf_app;
REVOKE ALL ON TABLE "_prisma_migrations" FROM ecf_app;

-- Tables that later migrations (run by this role) create get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ecf_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ecf_app;
