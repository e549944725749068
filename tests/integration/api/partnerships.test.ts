// GET/POST /api/v3/partnerships/ecf and GET/PUT …/{id}: shapes, filters, the guidance's rules and
// isolation between lead providers.
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { GET as listPartnerships, POST as postPartnership } from "@/app/api/v3/partnerships/ecf/route";
import { GET as getPartnership, PUT as putPartnership } from "@/app/api/v3/partnerships/ecf/[id]/route";
import { availableKinds } from "../db";
import { AMBITION, BPN, ISO_MS, UCL, apiRequest, call, makeParticipant, useSeededApi, type Json } from "./helpers";

const M = {
  cohortMissing: "Enter a '#/cohort' value for this partnership.",
  cohortNotRecognised: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
  cohortFrozen: "You cannot confirm partnerships for the 2021 cohort. The funding contract for this cohort has ended.",
  schoolMissing: "Enter a '#/school_id' value for this partnership.",
  schoolNotRecognised:
    "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'.",
  schoolNotEligible: "The school you have entered is not eligible for funded training in the '#/cohort' you entered. Contact the school for more information.",
  dpMissing: "Enter a '#/delivery_partner_id' value for this partnership.",
  dpNotRecognised: "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
  dpNotYours: "The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.",
  duplicate: "You are already in a confirmed partnership with this school for the entered cohort.",
  otherProvider: "Another provider is in a confirmed partnership with the school for the cohort you entered. Contact the school for more information.",
  challenged: "You cannot change a challenged partnership. If the school has agreed to work with you again, confirm a new partnership with POST partnerships.",
};

const KEYS = [
  "cohort", "urn", "school_id", "delivery_partner_id", "delivery_partner_name", "status", "challenged_reason", "challenged_at",
  "induction_tutor_name", "induction_tutor_email", "updated_at", "created_at",
];

let urnCounter = 990_000;

describe.each(availableKinds())("partnerships API on %s", (kind) => {
  const ctx = useSeededApi(kind);

  const post = (attributes: Record<string, unknown>, as = AMBITION) =>
    call(postPartnership, apiRequest("POST", "/api/v3/partnerships/ecf", { as, body: { data: { type: "ecf-partnership", attributes } } }));
  const put = (id: string, attributes: Record<string, unknown>, as = AMBITION) =>
    call(putPartnership, apiRequest("PUT", `/api/v3/partnerships/ecf/${id}`, { as, body: { data: { type: "ecf-partnership-update", attributes } } }), { id });

  /** A new school, eligible in the cohort, with its choice of programme. */
  async function newSchool(cohort: number, options: { eligible?: boolean; choice?: string } = {}) {
    const c = await ctx.prisma.cohort.findUniqueOrThrow({ where: { startYear: cohort } });
    urnCounter += 1;
    const school = await ctx.prisma.school.create({ data: { urn: String(urnCounter + (kind === "pglite" ? 5000 : 0)), name: `Test School ${urnCounter}` } });
    await ctx.prisma.schoolCohort.create({
      data: { schoolId: school.id, cohortId: c.id, fundingEligible: options.eligible ?? true, inductionProgrammeChoice: options.choice ?? "school_led" },
    });
    return school;
  }

  /** Delivery partners the provider works with in the cohort. */
  async function deliveryPartnersOf(provider: string, cohort: number): Promise<string[]> {
    const rows = await ctx.prisma.providerRelationship.findMany({
      where: { leadProvider: { name: provider }, cohort: { startYear: cohort } },
      orderBy: { deliveryPartnerId: "asc" },
    });
    return rows.map((r) => r.deliveryPartnerId);
  }

  async function expect422(promise: ReturnType<typeof post>, title: string, detail: string) {
    const result = await promise;
    expect(result.status).toBe(422);
    expect(result.body).toEqual({ errors: [{ title, detail }] });
  }

  describe("GET", () => {
    it("lists the provider's partnerships in the guidance's shape (cohort a number)", async () => {
      const result = await call(listPartnerships, apiRequest("GET", "/api/v3/partnerships/ecf?page[per_page]=3000", { as: UCL }));
      expect(result.status).toBe(200);
      expect(result.body.data.length).toBe(await ctx.prisma.partnership.count({ where: { leadProvider: { name: UCL } } }));
      const challenged = result.body.data.find((p: Json) => p.attributes.status === "challenged");
      expect(challenged.type).toBe("partnership");
      expect(Object.keys(challenged.attributes)).toEqual(KEYS);
      expect(challenged.attributes).toMatchObject({ cohort: expect.any(Number), status: "challenged", challenged_reason: expect.any(String), challenged_at: expect.stringMatching(ISO_MS) });
    });

    it("filters by cohort and paginates", async () => {
      const result = await call(listPartnerships, apiRequest("GET", "/api/v3/partnerships/ecf?filter[cohort]=2024&page[per_page]=3000"));
      expect(result.body.data.length).toBe(await ctx.prisma.partnership.count({ where: { leadProvider: { name: AMBITION }, cohort: { startYear: 2024 } } }));
      for (const p of result.body.data) expect(p.attributes.cohort).toBe(2024);
      const all = (await call(listPartnerships, apiRequest("GET", "/api/v3/partnerships/ecf?page[per_page]=3000"))).body.data.map((p: Json) => p.id);
      const page2 = (await call(listPartnerships, apiRequest("GET", "/api/v3/partnerships/ecf?page[page]=2&page[per_page]=4"))).body.data.map((p: Json) => p.id);
      expect(page2).toEqual(all.slice(4, 8));
    });

    it("shows one partnership; another provider's is a 404", async () => {
      const own = await ctx.prisma.partnership.findFirstOrThrow({ where: { leadProvider: { name: AMBITION } }, include: { school: true, deliveryPartner: true } });
      const result = await call(getPartnership, apiRequest("GET", `/api/v3/partnerships/ecf/${own.id}`), { id: own.id });
      expect(result.body.data).toMatchObject({ id: own.id, type: "partnership", attributes: { urn: own.school.urn, school_id: own.schoolId, delivery_partner_name: own.deliveryPartner.name } });
      const other = await call(getPartnership, apiRequest("GET", `/api/v3/partnerships/ecf/${own.id}`, { as: BPN }), { id: own.id });
      expect(other.status).toBe(404);
    });
  });

  describe("POST", () => {
    it("confirms a partnership, records the school as provider-led, and writes an audit entry", async () => {
      const school = await newSchool(2025, { choice: "school_led" });
      const [dp] = await deliveryPartnersOf(AMBITION, 2025);
      const result = await post({ cohort: "2025", school_id: school.id, delivery_partner_id: dp });
      expect(result.status).toBe(200);
      const dpRow = await ctx.prisma.deliveryPartner.findUniqueOrThrow({ where: { id: dp as string } });
      expect(result.body.data).toMatchObject({
        type: "partnership",
        attributes: { cohort: 2025, urn: school.urn, school_id: school.id, delivery_partner_id: dp, delivery_partner_name: dpRow.name, status: "active", challenged_reason: null, challenged_at: null },
      });
      expect(Object.keys(result.body.data.attributes)).toEqual(KEYS);
      const sc = await ctx.prisma.schoolCohort.findFirstOrThrow({ where: { schoolId: school.id } });
      expect(sc.inductionProgrammeChoice).toBe("provider_led");
      expect(await ctx.prisma.auditLog.count({ where: { entityId: result.body.data.id, action: "partnership.create", actorType: "api", apiTokenId: await ctx.tokenId(AMBITION) } })).toBe(1);
      // The same again is a duplicate; another provider is refused while it is active.
      await expect422(post({ cohort: 2025, school_id: school.id, delivery_partner_id: dp }), "school_id", M.duplicate);
      const [bpnDp] = await deliveryPartnersOf(BPN, 2025);
      await expect422(post({ cohort: "2025", school_id: school.id, delivery_partner_id: bpnDp }, BPN), "school_id", M.otherProvider);
    });

    it("allows a new partnership where the earlier one was challenged", async () => {
      const school = await newSchool(2025, { choice: "provider_led" });
      const [dp] = await deliveryPartnersOf(AMBITION, 2025);
      const cohort = await ctx.prisma.cohort.findUniqueOrThrow({ where: { startYear: 2025 } });
      await ctx.prisma.partnership.create({
        data: { leadProviderId: await ctx.providerId(AMBITION), deliveryPartnerId: dp as string, schoolId: school.id, cohortId: cohort.id, status: "challenged", challengedReason: "mistake", challengedAt: new Date(), inductionTutorName: "Pat Tutor", inductionTutorEmail: "pat@school.example.org" },
      });
      const result = await post({ cohort: "2025", school_id: school.id, delivery_partner_id: dp });
      expect(result.status).toBe(200);
      expect(result.body.data.attributes).toMatchObject({ status: "active", induction_tutor_name: "Pat Tutor", induction_tutor_email: "pat@school.example.org" });
    });

    it("refuses a missing, unknown or frozen cohort", async () => {
      const school = await newSchool(2025);
      const [dp] = await deliveryPartnersOf(AMBITION, 2025);
      await expect422(post({ school_id: school.id, delivery_partner_id: dp }), "cohort", M.cohortMissing);
      await expect422(post({ cohort: "2031", school_id: school.id, delivery_partner_id: dp }), "cohort", M.cohortNotRecognised);
      await expect422(post({ cohort: "twenty", school_id: school.id, delivery_partner_id: dp }), "cohort", M.cohortNotRecognised);
      const [dp2021] = await deliveryPartnersOf(AMBITION, 2021);
      await expect422(post({ cohort: "2021", school_id: school.id, delivery_partner_id: dp2021 }), "cohort", M.cohortFrozen);
    });

    it("refuses a missing, unknown or ineligible school", async () => {
      const [dp] = await deliveryPartnersOf(AMBITION, 2025);
      await expect422(post({ cohort: "2025", delivery_partner_id: dp }), "school_id", M.schoolMissing);
      await expect422(post({ cohort: "2025", school_id: randomUUID(), delivery_partner_id: dp }), "school_id", M.schoolNotRecognised);
      await expect422(post({ cohort: "2025", school_id: "urn-123456", delivery_partner_id: dp }), "school_id", M.schoolNotRecognised);
      const ineligible = await newSchool(2025, { eligible: false });
      await expect422(post({ cohort: "2025", school_id: ineligible.id, delivery_partner_id: dp }), "school_id", M.schoolNotEligible);
      const only2024 = await newSchool(2024);
      await expect422(post({ cohort: "2025", school_id: only2024.id, delivery_partner_id: dp }), "school_id", M.schoolNotEligible);
    });

    it("refuses a missing or unknown delivery partner, or one that does not work with this provider in the cohort", async () => {
      const school = await newSchool(2025);
      await expect422(post({ cohort: "2025", school_id: school.id }), "delivery_partner_id", M.dpMissing);
      await expect422(post({ cohort: "2025", school_id: school.id, delivery_partner_id: randomUUID() }), "delivery_partner_id", M.dpNotRecognised);
      const ours = new Set(await deliveryPartnersOf(AMBITION, 2025));
      const theirs = (await deliveryPartnersOf(BPN, 2025)).find((id) => !ours.has(id));
      await expect422(post({ cohort: "2025", school_id: school.id, delivery_partner_id: theirs }), "delivery_partner_id", M.dpNotYours);
    });

    it("lists every failing attribute", async () => {
      const result = await post({});
      expect(result.status).toBe(422);
      expect(result.body.errors).toEqual([
        { title: "cohort", detail: M.cohortMissing },
        { title: "school_id", detail: M.schoolMissing },
        { title: "delivery_partner_id", detail: M.dpMissing },
      ]);
    });
  });

  describe("PUT", () => {
    async function ownPartnership(status: "active" | "challenged" = "active") {
      const school = await newSchool(2025);
      const [dp] = await deliveryPartnersOf(UCL, 2025);
      const cohort = await ctx.prisma.cohort.findUniqueOrThrow({ where: { startYear: 2025 } });
      return ctx.prisma.partnership.create({
        data: { leadProviderId: await ctx.providerId(UCL), deliveryPartnerId: dp as string, schoolId: school.id, cohortId: cohort.id, status, ...(status === "challenged" ? { challengedReason: "mistake", challengedAt: new Date() } : {}) },
      });
    }

    it("changes the delivery partner, and that of participants training through the partnership", async () => {
      const partnership = await ownPartnership();
      const participant = await makeParticipant(ctx.prisma, { provider: UCL, cohort: 2025 });
      await ctx.prisma.inductionRecord.update({ where: { id: participant.recordId }, data: { partnershipId: partnership.id, schoolId: partnership.schoolId, deliveryPartnerId: partnership.deliveryPartnerId } });
      const other = (await deliveryPartnersOf(UCL, 2025)).find((id) => id !== partnership.deliveryPartnerId) as string;
      const result = await put(partnership.id, { delivery_partner_id: other }, UCL);
      expect(result.status).toBe(200);
      expect(result.body.data).toMatchObject({ id: partnership.id, attributes: { delivery_partner_id: other, status: "active" } });
      expect((await ctx.prisma.inductionRecord.findUniqueOrThrow({ where: { id: participant.recordId } })).deliveryPartnerId).toBe(other);
      const audit = await ctx.prisma.auditLog.findFirstOrThrow({ where: { entityId: partnership.id, action: "partnership.update" } });
      expect(audit.before).toEqual({ deliveryPartnerId: partnership.deliveryPartnerId });
    });

    it("refuses a challenged partnership", async () => {
      const partnership = await ownPartnership("challenged");
      const other = (await deliveryPartnersOf(UCL, 2025)).find((id) => id !== partnership.deliveryPartnerId) as string;
      await expect422(put(partnership.id, { delivery_partner_id: other }, UCL), "partnership_id", M.challenged);
    });

    it("refuses a missing or unknown delivery partner, or one that does not work with this provider", async () => {
      const partnership = await ownPartnership();
      await expect422(put(partnership.id, {}, UCL), "delivery_partner_id", M.dpMissing);
      await expect422(put(partnership.id, { delivery_partner_id: randomUUID() }, UCL), "delivery_partner_id", M.dpNotRecognised);
      const ours = new Set(await deliveryPartnersOf(UCL, 2025));
      const theirs = (await deliveryPartnersOf(AMBITION, 2025)).find((id) => !ours.has(id));
      await expect422(put(partnership.id, { delivery_partner_id: theirs }, UCL), "delivery_partner_id", M.dpNotYours);
    });

    it("is a 404 for another provider's partnership, and changes nothing", async () => {
      const partnership = await ownPartnership();
      const [dp] = await deliveryPartnersOf(AMBITION, 2025);
      const result = await put(partnership.id, { delivery_partner_id: dp }, AMBITION);
      expect(result.status).toBe(404);
      expect((await ctx.prisma.partnership.findUniqueOrThrow({ where: { id: partnership.id } })).deliveryPartnerId).toBe(partnership.deliveryPartnerId);
    });
  });
});
