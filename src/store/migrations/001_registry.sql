-- The registry: a programme is data, so a second programme is an import, not code.
CREATE TABLE programmes (
    id @ID@,
    name TEXT NOT NULL UNIQUE,
    slug TEXT NOT NULL UNIQUE
);

-- Contract package areas (CPAs), numbered within their programme.
CREATE TABLE areas (
    id @ID@,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    UNIQUE (programme_id, number)
);

-- A provider is prime or sub-contractor by the contracts it holds, not by a column:
-- one organisation can be a prime in one area and a sub-contractor in another.
CREATE TABLE providers (
    id @ID@,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL
);

-- A prime's contract in one area.
CREATE TABLE contracts (
    id @ID@,
    area_id BIGINT NOT NULL REFERENCES areas (id),
    prime_id BIGINT NOT NULL REFERENCES providers (id),
    notes TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    UNIQUE (area_id, prime_id)
);

-- A sub-contractor delivering under a prime's contract.
CREATE TABLE subcontracts (
    id @ID@,
    contract_id BIGINT NOT NULL REFERENCES contracts (id),
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    source TEXT NOT NULL,
    UNIQUE (contract_id, provider_id)
);

CREATE TABLE offices (
    id @ID@,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    town TEXT NOT NULL,
    postcode_district TEXT NOT NULL,
    search_key TEXT NOT NULL,  -- name, town and district folded for search
    source TEXT NOT NULL,
    UNIQUE (provider_id, name_key)
);

-- A provider's published minimum service standards, in the order it published them.
CREATE TABLE service_standards (
    id @ID@,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    UNIQUE (provider_id, position)
);

CREATE INDEX areas_programme ON areas (programme_id);
CREATE INDEX contracts_prime ON contracts (prime_id);
CREATE INDEX subcontracts_provider ON subcontracts (provider_id);
CREATE INDEX offices_provider ON offices (provider_id);
