-- Keeps library_lexemes (the search's typo-fallback vocabulary) in step with library_items.search.
-- Statement-level triggers with transition tables, so a bulk insert adds its words in one pass.
CREATE OR REPLACE FUNCTION library_lexemes_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO library_lexemes (school_id, lexeme)
  SELECT DISTINCT n.school_id, w.lexeme FROM new_rows n, unnest(tsvector_to_array(n.search)) AS w(lexeme)
  WHERE length(w.lexeme) BETWEEN 2 AND 60
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER library_items_lexemes_insert AFTER INSERT ON library_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION library_lexemes_add();
--> statement-breakpoint
CREATE TRIGGER library_items_lexemes_update AFTER UPDATE ON library_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION library_lexemes_add();
--> statement-breakpoint
INSERT INTO library_lexemes (school_id, lexeme)
SELECT DISTINCT i.school_id, w.lexeme FROM library_items i, unnest(tsvector_to_array(i.search)) AS w(lexeme)
WHERE length(w.lexeme) BETWEEN 2 AND 60
ON CONFLICT DO NOTHING;
