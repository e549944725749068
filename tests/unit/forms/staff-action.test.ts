// The one shape of a finance server action and the one page loader: the role check first, the
// form re-validated with its zod schema, the work, then the error back to the form or a banner and
// a redirect to one of our own paths; a page's ids parsed before anything is loaded.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const calls = vi.hoisted(() => ({ guard: [] as unknown[], flashes: [] as unknown[], loads: [] as unknown[] }));
vi.mock("@/lib/auth/guard", () => ({
  requireStaff: vi.fn(async (role: string, returnTo: string) => {
    calls.guard.push([role, returnTo]);
    if (role === "forbidden") throw new Error("FORBIDDEN");
    return { id: "u1", email: "finance@example.com", name: "Finance User", roles: ["finance"] };
  }),
}));
vi.mock("@/lib/flash", () => ({ setFlash: vi.fn(async (flash: unknown) => void calls.flashes.push(flash)) }));
vi.mock("@/lib/db/client", () => ({ getPrisma: vi.fn(async () => ({ marker: "prisma" })) }));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw new Error(`REDIRECT ${url}`);
  }),
  notFound: vi.fn(() => {
    throw new Error("NOT_FOUND");
  }),
}));

const { staffAction } = await import("@/lib/forms/staff-action");
const { requireResource } = await import("@/lib/auth/resource");

const FORM = { schema: z.object({ name: z.string().min(1, "Enter a name") }), fields: ["name"] };
const previous = { submission: 2, values: {}, errors: [] };
const formData = (name: string) => {
  const data = new FormData();
  data.set("name", name);
  return data;
};
const access = { role: "finance" as const, returnTo: "/statements/x" };

beforeEach(() => {
  calls.guard.length = 0;
  calls.flashes.length = 0;
  calls.loads.length = 0;
});

describe("staffAction", () => {
  it("checks the role before anything else: a refused user never reaches the work", async () => {
    const run = vi.fn();
    await expect(staffAction(FORM, { previous, formData: formData("Ada") }, { role: "forbidden" as never, returnTo: "/x" }, run)).rejects.toThrow("FORBIDDEN");
    expect(run).not.toHaveBeenCalled();
  });

  it("returns the schema's errors with the values typed, without running the work", async () => {
    const run = vi.fn();
    const state = await staffAction(FORM, { previous, formData: formData("") }, access, run);
    expect(state).toEqual({ submission: 3, values: { name: "" }, errors: [{ field: "name", message: "Enter a name" }] });
    expect(run).not.toHaveBeenCalled();
  });

  it("returns the work's error on its field, keeping what was typed", async () => {
    const state = await staffAction(FORM, { previous, formData: formData("Ada") }, access, async () => ({ error: { field: "name", message: "Taken" } }));
    expect(state).toEqual({ submission: 3, values: { name: "Ada" }, errors: [{ field: "name", message: "Taken" }] });
    expect(calls.flashes).toEqual([]);
  });

  it("sets the banner for the page it redirects to, with the parsed data and the user", async () => {
    const run = vi.fn(async ({ data, user }: { data: { name: string }; user: { id: string } }) => ({
      redirectTo: "/statements/x" as const,
      flash: { heading: `Saved ${data.name} for ${user.id}` },
    }));
    await expect(staffAction(FORM, { previous, formData: formData(" Ada ") }, access, run)).rejects.toThrow("REDIRECT /statements/x");
    expect(calls.guard).toEqual([["finance", "/statements/x"]]);
    expect(calls.flashes).toEqual([{ path: "/statements/x", heading: "Saved  Ada  for u1" }]);
  });

  it("never redirects to another origin", async () => {
    const offsite = async () => ({ redirectTo: "//evil.example" as const });
    await expect(staffAction(FORM, { previous, formData: formData("Ada") }, access, offsite)).rejects.toThrow("Redirects go to our own paths only");
    expect(calls.flashes).toEqual([]);
  });
});

describe("requireResource", () => {
  const load = async (_db: unknown, ...ids: string[]) => {
    calls.loads.push(ids);
    return ids[0] === "00000000-0000-4000-8000-00000000000a" ? { found: ids } : null;
  };

  it("parses each path id (lower case) and loads", async () => {
    const loaded = await requireResource("finance", "/x", ["00000000-0000-4000-8000-00000000000A"], load);
    expect(loaded).toMatchObject({ user: { id: "u1" }, data: { found: ["00000000-0000-4000-8000-00000000000a"] } });
  });

  it("is a 404 for a malformed id without loading, and for an unknown one", async () => {
    await expect(requireResource("finance", "/x", ["not-an-id"], load)).rejects.toThrow("NOT_FOUND");
    expect(calls.loads).toEqual([]);
    await expect(requireResource("finance", "/x", ["00000000-0000-4000-8000-00000000000b"], load)).rejects.toThrow("NOT_FOUND");
  });

  it("checks the role first", async () => {
    await expect(requireResource("forbidden" as never, "/x", ["not-an-id"], load)).rejects.toThrow("FORBIDDEN");
  });
});
