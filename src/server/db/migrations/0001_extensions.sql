-- Typo-tolerant search (similarity, trigram indexes) for the library and people search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
