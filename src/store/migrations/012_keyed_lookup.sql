-- Codename look-up keys are now keyed with the deployment's secret look-up key, so nobody can
-- compute them and time which are in use. Rows made before keep their unkeyed key (keyed = 0)
-- and are still found by it.
ALTER TABLE codenames ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0 CHECK (keyed IN (0, 1));
