// The driver adapter the Prisma CLI uses (never the app: see lib/db/client.ts).
//
// 1. The schema engine reads catalog columns of type "char" (oid 18), name (19) and "char"[]
//    (1002), which @prisma/adapter-pg 6.19 cannot deserialise ("Column type 'name' could not be
//    deserialized", prisma/orm#27403). The pool below reports them as text / text[].
// 2. PrismaPg.connectToShadowDb() spreads the config with a new `database`, but pg lets a
//    connectionString win over `database`, so the "shadow" would be the main database. We create
//    the shadow database ourselves and connect to it by URL.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
const REWRITE: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

type Fields = { dataTypeID: number }[] | undefined;

function rewriteFields(result: unknown): unknown {
  const fields = (result as { fields?: Fields } | undefined)?.fields;
  for (const field of fields ?? []) {
    const replacement = REWRITE[field.dataTypeID];
    if (replacement !== undefined) field.dataTypeID = replacement;
  }
  return result;
}

class CatalogSafePool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(rewriteFields) : result;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override connect(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const connected = (super.connect as any)(...args);
    if (!connected || typeof connected.then !== "function") return connected;
    return connected.then((client: pg.PoolClient) => {
      const original = client.query.bind(client);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (client as any).query = (...queryArgs: any[]) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const result = (original as any)(...queryArgs);
        return result && typeof result.then === "function" ? result.then(rewriteFields) : result;
      };
      return client;
    });
  }
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super(new CatalogSafePool({ connectionString: url, allowExitOnIdle: true }));
  }

  override async connectToShadowDb() {
    const shadowName = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    await admin.end();
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${shadowName}`;
    const shadow = new PrismaPg(new CatalogSafePool({ connectionString: shadowUrl.toString(), allowExitOnIdle: true }));
    const adapter = await shadow.connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

export function cliAdapter(url: string) {
  return new CliPrismaPg(url);
}
