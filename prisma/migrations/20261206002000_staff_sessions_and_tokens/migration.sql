-- Sessions that can end: a session version per staff user, carried in the session JWT and checked
-- on every request (sign-out, a password reset and disabling the user add one), and disabled users.
ALTER TABLE "staff_users"
    ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "disabled_at" TIMESTAMP(3);

-- API tokens that expire and can be revoked; both are refused exactly like an unknown token.
ALTER TABLE "api_tokens"
    ADD COLUMN "expires_at" TIMESTAMP(3),
    ADD COLUMN "revoked_at" TIMESTAMP(3);

-- The audit trail of an API write names the token it came with, as well as the lead provider.
ALTER TABLE "audit_logs" ADD COLUMN "api_token_id" UUID;
