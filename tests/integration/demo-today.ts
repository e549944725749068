// The date the integration tests build the demo data around (prisma/seed/dates.ts PINNED_DEMO_TODAY).
export { PINNED_DEMO_TODAY as DEMO_TODAY } from "@/prisma/seed/dates";
