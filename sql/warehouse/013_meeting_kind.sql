-- Meeting editions name the kind of meeting they were made for (koersoverleg, kerngroep, informatiebijeenkomst), so a later
-- report can say "sinds de vorige informatiebijeenkomst" and the calendar's meetings can be told apart in meta.editions.
ALTER TABLE meta.editions ADD COLUMN IF NOT EXISTS meeting_kind VARCHAR;
