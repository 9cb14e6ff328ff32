-- Where a rating belongs: the contract package area the participant was in. It places a rating
-- of a prime that works in several areas, so areas can be scored and their primes compared.
ALTER TABLE ratings ADD COLUMN area_id BIGINT REFERENCES areas (id);
CREATE INDEX ratings_area_month ON ratings (area_id, month);
