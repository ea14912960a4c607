import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and serve both PostgreSQL and the embedded PGlite.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
