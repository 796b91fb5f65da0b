-- Library tags as 'group:value' strings, kept by the database, so that the search's tag facet
-- counts an array instead of parsing each matching item's JSON.
CREATE OR REPLACE FUNCTION library_tag_list(tags jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(g.key || ':' || v.value ORDER BY g.key, v.value), '{}')
  FROM jsonb_each(tags) g,
    jsonb_array_elements_text(CASE WHEN jsonb_typeof(g.value) = 'array' THEN g.value ELSE '[]'::jsonb END) v
$$;--> statement-breakpoint
ALTER TABLE "library_items" ADD COLUMN "tag_list" text[] GENERATED ALWAYS AS (library_tag_list(tags)) STORED;
