-- Area codes are text: the Restart Scheme names its areas 1a, 1b, ... 6, and a programme is
-- data. `code` is the area's name within its programme ("5", "1a"), unique there; `number` stays
-- as the order areas are listed in (1a and 1b share 1). PostgreSQL changes the table in place;
-- SQLite cannot drop a constraint, so the table is rebuilt by its own procedure (migrate turns
-- foreign keys off around a SQLite migration and checks them before committing): contracts and
-- ratings name "areas", and point at the rebuilt table once it has the name.
-- @postgresql
ALTER TABLE areas ADD COLUMN code TEXT;
UPDATE areas SET code = CAST(number AS TEXT);
ALTER TABLE areas ALTER COLUMN code SET NOT NULL;
ALTER TABLE areas DROP CONSTRAINT areas_programme_id_number_key;
ALTER TABLE areas ADD CONSTRAINT areas_programme_id_code_key UNIQUE (programme_id, code);
ALTER TABLE areas ADD CONSTRAINT areas_code_length CHECK (length(code) BETWEEN 1 AND 5);
-- @end
-- @sqlite
CREATE TABLE areas_rebuilt (
    id INTEGER PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 5),
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    UNIQUE (programme_id, code)
);
INSERT INTO areas_rebuilt (id, programme_id, number, code, name, source)
    SELECT id, programme_id, number, CAST(number AS TEXT), name, source FROM areas;
DROP TABLE areas;
ALTER TABLE areas_rebuilt RENAME TO areas;
-- @end
