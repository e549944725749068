// Health check for load balancers and operators: 200 when the database answers, 503 otherwise.
// Deliberately public (no session): it reveals nothing but up or down.
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const prisma = await getPrisma();
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", database: "down" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
