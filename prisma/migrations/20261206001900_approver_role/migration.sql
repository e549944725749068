-- Two pairs of eyes: an approver authorises statements (and confirms large adjustments); a finance
-- user prepares them. A user may hold both roles.
-- (All pending migrations run in one transaction: nothing in this batch may use the new value.)
ALTER TYPE "StaffRole" ADD VALUE IF NOT EXISTS 'approver';
