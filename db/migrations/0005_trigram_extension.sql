-- Hand-written: the trigram extension for the Users search (ILIKE '%…%' served by GIN indexes,
-- issue 9). PGlite loads the same extension (db/client.ts), so this serves both databases.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
