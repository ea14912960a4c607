import "server-only";
import { syncProductCatalog } from "./catalog";
import { getDatabase, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDemo } from "./seed";

/**
 * What the app does at start: apply migrations, keep the product catalogue in step, and on an
 * empty database (unless SEATWISE_DEMO=off) load the demo.
 */
export async function prepareDatabase(handle: DatabaseHandle = getDatabase(), env = process.env) {
  await migrateDatabase(handle);
  await syncProductCatalog(handle.db);
  if (env.SEATWISE_DEMO !== "off") {
    const seeded = await seedDemo(handle.db);
    if (seeded) console.info("[seatwise] demo data loaded: sign in as admin@acme.test");
  }
}
