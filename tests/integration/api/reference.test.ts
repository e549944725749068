// GET /api/v3/schools/ecf (+ {id}), /api/v3/delivery-partners (+ {id}), /api/v3/statements (+ {id}):
// shapes and types as in the guidance, filters, pagination and isolation.
import { INDUCTION_PROGRAMME_CHOICES } from "@/lib/domain/induction-programme-choices";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { GET as listSchools } from "@/app/api/v3/schools/ecf/route";
import { GET as getSchool } from "@/app/api/v3/schools/ecf/[id]/route";
import { GET as listDeliveryPartners } from "@/app/api/v3/delivery-partners/route";
import { GET as getDeliveryPartner } from "@/app/api/v3/delivery-partners/[id]/route";
import { GET as listStatements } from "@/app/api/v3/statements/route";
import { GET as getStatement } from "@/app/api/v3/statements/[id]/route";
import { availableKinds } from "../db";
import { AMBITION, BPN, ISO_MS, TEACH_FIRST, YMD, apiRequest, call, useSeededApi, type Json } from "./helpers";

const ids = (body: Json): string[] => body.data.map((d: { id: string }) => d.id);

describe.each(availableKinds())("reference data API on %s", (kind) => {
  const ctx = useSeededApi(kind);

  describe("schools", () => {
    it("lists the schools eligible in the cohort, in the guidance's shape (cohort a number, in_partnership a string)", async () => {
      const result = await call(listSchools, apiRequest("GET", "/api/v3/schools/ecf?filter[cohort]=2024&page[per_page]=3000"));
      expect(result.status).toBe(200);
      const eligible = await ctx.prisma.schoolCohort.findMany({ where: { cohort: { startYear: 2024 }, fundingEligible: true } });
      expect(new Set(ids(result.body))).toEqual(new Set(eligible.map((e) => e.schoolId)));
      const school = result.body.data[0];
      expect(school.type).toBe("school");
      expect(Object.keys(school.attributes)).toEqual(["name", "urn", "cohort", "in_partnership", "induction_programme_choice", "created_at", "updated_at"]);
      expect(school.attributes).toMatchObject({ cohort: 2024, in_partnership: "true", created_at: expect.stringMatching(ISO_MS) });
      // DfE's published v3 values, underscored (a partnered school is provider_led).
      const choices = new Set(result.body.data.map((s: { attributes: { induction_programme_choice: string } }) => s.attributes.induction_programme_choice));
      expect(choices.has("provider_led")).toBe(true);
      for (const choice of choices) expect(INDUCTION_PROGRAMME_CHOICES).toContain(choice);
    });

    it("says in_partnership \"false\" for a school with no active partnership, and hides ineligible schools", async () => {
      const cohort = await ctx.prisma.cohort.findUniqueOrThrow({ where: { startYear: 2025 } });
      const free = await ctx.prisma.school.create({ data: { urn: "880001", name: "Unpartnered Academy" } });
      await ctx.prisma.schoolCohort.create({ data: { schoolId: free.id, cohortId: cohort.id, inductionProgrammeChoice: "not_yet_known" } });
      const hidden = await ctx.prisma.school.create({ data: { urn: "880002", name: "Ineligible Academy" } });
      await ctx.prisma.schoolCohort.create({ data: { schoolId: hidden.id, cohortId: cohort.id, fundingEligible: false } });
      const byUrn = await call(listSchools, apiRequest("GET", "/api/v3/schools/ecf?filter[cohort]=2025&filter[urn]=880001"));
      expect(byUrn.body.data).toEqual([
        {
          id: free.id,
          type: "school",
          attributes: {
            name: "Unpartnered Academy",
            urn: "880001",
            cohort: 2025,
            in_partnership: "false",
            induction_programme_choice: "not_yet_known",
            created_at: free.createdAt.toISOString(),
            updated_at: expect.stringMatching(ISO_MS),
          },
        },
      ]);
      expect((await call(listSchools, apiRequest("GET", "/api/v3/schools/ecf?filter[cohort]=2025&filter[urn]=880002"))).body).toEqual({ data: [] });
      const single = await call(getSchool, apiRequest("GET", `/api/v3/schools/ecf/${free.id}?filter[cohort]=2025`), { id: free.id });
      expect(single.body.data.attributes.in_partnership).toBe("false");
      for (const [id, query] of [[hidden.id, "2025"], [free.id, "2024"], [randomUUID(), "2025"]]) {
        const result = await call(getSchool, apiRequest("GET", `/api/v3/schools/ecf/${id}?filter[cohort]=${query}`), { id: id as string });
        expect(result.status).toBe(404);
      }
    });

    it("paginates", async () => {
      const all = ids((await call(listSchools, apiRequest("GET", "/api/v3/schools/ecf?filter[cohort]=2024&page[per_page]=3000"))).body);
      const page = ids((await call(listSchools, apiRequest("GET", "/api/v3/schools/ecf?filter[cohort]=2024&page[page]=3&page[per_page]=5"))).body);
      expect(page).toEqual(all.slice(10, 15));
    });
  });

  describe("delivery partners", () => {
    it("lists the delivery partners working with the provider, with their cohorts as strings", async () => {
      const result = await call(listDeliveryPartners, apiRequest("GET", "/api/v3/delivery-partners"));
      const relationships = await ctx.prisma.providerRelationship.findMany({ where: { leadProvider: { name: AMBITION } }, include: { cohort: true } });
      expect(new Set(ids(result.body))).toEqual(new Set(relationships.map((r) => r.deliveryPartnerId)));
      const first = result.body.data[0];
      expect(first.type).toBe("delivery-partner");
      expect(Object.keys(first.attributes)).toEqual(["name", "cohort", "created_at", "updated_at"]);
      const years = relationships.filter((r) => r.deliveryPartnerId === first.id).map((r) => String(r.cohort.startYear)).sort();
      expect(first.attributes.cohort).toEqual(years);
    });

    it("filters by cohort", async () => {
      const dp = await ctx.prisma.deliveryPartner.create({ data: { name: "Only In 2025 Partners" } });
      const cohort = await ctx.prisma.cohort.findUniqueOrThrow({ where: { startYear: 2025 } });
      await ctx.prisma.providerRelationship.create({ data: { leadProviderId: await ctx.providerId(TEACH_FIRST), deliveryPartnerId: dp.id, cohortId: cohort.id } });
      const in2025 = await call(listDeliveryPartners, apiRequest("GET", "/api/v3/delivery-partners?filter[cohort]=2025", { as: TEACH_FIRST }));
      expect(ids(in2025.body)).toContain(dp.id);
      expect(in2025.body.data.find((d: Json) => d.id === dp.id).attributes.cohort).toEqual(["2025"]);
      const in2024 = await call(listDeliveryPartners, apiRequest("GET", "/api/v3/delivery-partners?filter[cohort]=2024", { as: TEACH_FIRST }));
      expect(ids(in2024.body)).not.toContain(dp.id);
      expect(in2024.body.data.length).toBeGreaterThan(0);
    });

    it("shows one; another provider's delivery partner is a 404", async () => {
      const ours = await ctx.prisma.providerRelationship.findFirstOrThrow({ where: { leadProvider: { name: AMBITION } } });
      const own = await call(getDeliveryPartner, apiRequest("GET", `/api/v3/delivery-partners/${ours.deliveryPartnerId}`), { id: ours.deliveryPartnerId });
      expect(own.status).toBe(200);
      expect(own.body.data.id).toBe(ours.deliveryPartnerId);
      const ambitionDps = new Set((await ctx.prisma.providerRelationship.findMany({ where: { leadProvider: { name: AMBITION } } })).map((r) => r.deliveryPartnerId));
      const theirs = (await ctx.prisma.providerRelationship.findMany({ where: { leadProvider: { name: BPN } } })).find((r) => !ambitionDps.has(r.deliveryPartnerId));
      const other = await call(getDeliveryPartner, apiRequest("GET", `/api/v3/delivery-partners/${theirs?.deliveryPartnerId}`), { id: theirs?.deliveryPartnerId as string });
      expect(other.status).toBe(404);
    });
  });

  describe("statements", () => {
    it("lists the provider's output statements, by payment date, in the guidance's shape", async () => {
      const result = await call(listStatements, apiRequest("GET", "/api/v3/statements?page[per_page]=3000"));
      expect(result.status).toBe(200);
      const expected = await ctx.prisma.statement.findMany({ where: { leadProvider: { name: AMBITION }, outputFee: true } });
      expect(new Set(ids(result.body))).toEqual(new Set(expected.map((s) => s.id)));
      const payments = result.body.data.map((s: Json) => s.attributes.payment_date);
      expect([...payments].sort()).toEqual(payments);
      const first = result.body.data[0];
      expect(first.type).toBe("statement");
      expect(Object.keys(first.attributes)).toEqual(["month", "year", "type", "cohort", "cut_off_date", "payment_date", "paid", "created_at", "updated_at"]);
      const row = expected.find((s) => s.id === first.id);
      expect(first.attributes).toEqual({
        month: "November",
        year: String(row?.year),
        type: "ecf",
        cohort: "2021",
        cut_off_date: row?.deadlineDate.toISOString().slice(0, 10),
        payment_date: row?.paymentDate.toISOString().slice(0, 10),
        paid: true,
        created_at: row?.createdAt.toISOString(),
        updated_at: row?.updatedAt.toISOString(),
      });
      expect(first.attributes.cut_off_date).toMatch(YMD);
      const open = result.body.data.find((s: Json) => s.id === ctx.seed.examples.openOutputStatements[`${AMBITION} 2025`]);
      expect(open.attributes).toMatchObject({ month: "January", year: "2027", cohort: "2025", paid: false });
    });

    it("filters by cohort and updated_since, and paginates", async () => {
      const byCohort = await call(listStatements, apiRequest("GET", "/api/v3/statements?filter[cohort]=2024&page[per_page]=3000"));
      expect(byCohort.body.data.length).toBe(await ctx.prisma.statement.count({ where: { leadProvider: { name: AMBITION }, outputFee: true, cohort: { startYear: 2024 } } }));
      for (const s of byCohort.body.data) expect(s.attributes.cohort).toBe("2024");
      const since = "2026-06-01T00:00:00Z";
      const recent = await call(listStatements, apiRequest("GET", `/api/v3/statements?filter[updated_since]=${since}&page[per_page]=3000`));
      const expected = await ctx.prisma.statement.count({ where: { leadProvider: { name: AMBITION }, outputFee: true, updatedAt: { gte: new Date(since) } } });
      expect(expected).toBeGreaterThan(0);
      expect(recent.body.data.length).toBe(expected);
      const all = ids(byCohort.body);
      const page = ids((await call(listStatements, apiRequest("GET", "/api/v3/statements?filter[cohort]=2024&page[page]=2&page[per_page]=10"))).body);
      expect(page).toEqual(all.slice(10, 20));
    });

    it("shows one of the provider's output statements; another provider's, or a service-fee-only one, is a 404", async () => {
      const id = ctx.seed.examples.openOutputStatements[`${AMBITION} 2024`] as string;
      const own = await call(getStatement, apiRequest("GET", `/api/v3/statements/${id}`), { id });
      expect(own.status).toBe(200);
      expect(own.body.data).toMatchObject({ id, type: "statement", attributes: { cohort: "2024", paid: false } });
      const other = await call(getStatement, apiRequest("GET", `/api/v3/statements/${id}`, { as: BPN }), { id });
      expect(other.status).toBe(404);
      const serviceOnly = await ctx.prisma.statement.findFirstOrThrow({ where: { leadProvider: { name: AMBITION }, outputFee: false } });
      expect((await call(getStatement, apiRequest("GET", `/api/v3/statements/${serviceOnly.id}`), { id: serviceOnly.id })).status).toBe(404);
    });
  });
});
