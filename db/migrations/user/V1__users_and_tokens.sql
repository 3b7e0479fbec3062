-- User module: accounts, roles, shipping addresses, refresh tokens and login throttles. Runs with
-- search_path set to the module's own schema ("users" by default); nothing here names a schema or
-- refers to another module's tables.

CREATE TABLE users (
    id            UUID         PRIMARY KEY,
    -- Stored normalized (trimmed, NFC, lower case), so the unique constraint is case-insensitive.
    email         VARCHAR(254) NOT NULL CONSTRAINT users_email_key UNIQUE
                               CHECK (email = lower(email) AND email LIKE '_%@_%'),
    name          VARCHAR(200) NOT NULL CHECK (length(trim(name)) > 0),
    -- "<algorithm>$<parameters>$<salt>$<hash>": the parameters travel with each hash.
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE user_roles (
    user_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    VARCHAR(32) NOT NULL CHECK (role IN ('customer', 'admin')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE shipping_addresses (
    user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL CHECK (position >= 0),
    recipient   VARCHAR(200) NOT NULL,
    line1       VARCHAR(200) NOT NULL,
    line2       VARCHAR(200),
    postal_code VARCHAR(20)  NOT NULL,
    city        VARCHAR(100) NOT NULL,
    region      VARCHAR(100),
    country     VARCHAR(2)   NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    is_default  BOOLEAN      NOT NULL,
    PRIMARY KEY (user_id, position)
);

-- At most one default address per user, whatever the application does.
CREATE UNIQUE INDEX shipping_addresses_one_default ON shipping_addresses (user_id) WHERE is_default;

-- Refresh tokens are stored only as SHA-256 hashes. A family is one login's chain of rotated
-- tokens: presenting a token that was already used revokes the whole family.
CREATE TABLE refresh_tokens (
    token_hash  VARCHAR(64) PRIMARY KEY,
    family_id   UUID        NOT NULL,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Failed logins per account (hashed e-mail) and per client address; the key never holds an e-mail.
CREATE TABLE login_throttles (
    throttle_key    VARCHAR(100) PRIMARY KEY,
    failures        INTEGER      NOT NULL CHECK (failures >= 0),
    last_failure_at TIMESTAMPTZ  NOT NULL,
    blocked_until   TIMESTAMPTZ
);
