-- Experiment records. Seeds are NUMERIC(20,0): torch accepts -2^63 .. 2^64-1, which no
-- SQL integer type holds. Replay-defining columns are never updated by the application.
CREATE TABLE experiment (
    id                          UUID           NOT NULL PRIMARY KEY,
    name                        VARCHAR(200)   NOT NULL,
    description                 VARCHAR(4000),
    framework                   VARCHAR(20)    NOT NULL,
    framework_version           VARCHAR(64)    NOT NULL,
    torch_version               VARCHAR(64)    NOT NULL,
    global_seed                 NUMERIC(20, 0) NOT NULL,
    data_seed                   NUMERIC(20, 0),
    data_seed_policy            VARCHAR(20)    NOT NULL,
    effective_data_seed         NUMERIC(20, 0) NOT NULL,
    effective_data_seed_reason  VARCHAR(1000)  NOT NULL,
    device_specific             BOOLEAN        NOT NULL,
    dataset_size                BIGINT         NOT NULL,
    world_size                  INTEGER        NOT NULL,
    shuffle                     BOOLEAN        NOT NULL,
    drop_last                   BOOLEAN        NOT NULL,
    status                      VARCHAR(16)    NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                  VARCHAR(200)   NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    version                     BIGINT         NOT NULL,
    CONSTRAINT uq_experiment_name UNIQUE (name),
    CONSTRAINT ck_experiment_global_seed CHECK (global_seed BETWEEN -9223372036854775808 AND 18446744073709551615),
    CONSTRAINT ck_experiment_data_seed CHECK (data_seed BETWEEN -9223372036854775808 AND 18446744073709551615),
    CONSTRAINT ck_experiment_sampler CHECK (dataset_size >= 0 AND world_size >= 1),
    CONSTRAINT ck_experiment_status CHECK (status IN ('ACTIVE', 'ARCHIVED'))
);

CREATE INDEX ix_experiment_created ON experiment (created_at DESC, id DESC);
CREATE INDEX ix_experiment_framework ON experiment (framework, created_at DESC);
CREATE INDEX ix_experiment_status ON experiment (status, created_at DESC);

CREATE TABLE experiment_tag (
    experiment_id  UUID          NOT NULL REFERENCES experiment (id),
    tag_key        VARCHAR(100)  NOT NULL,
    tag_value      VARCHAR(200)  NOT NULL,
    PRIMARY KEY (experiment_id, tag_key)
);

CREATE INDEX ix_experiment_tag_key_value ON experiment_tag (tag_key, tag_value);

-- Idempotent creates: the key, a digest of the request body and the exact first response,
-- written in the same transaction as the experiment, so a replay survives restarts and replicas.
CREATE TABLE idempotency_key (
    idempotency_key  VARCHAR(200)  NOT NULL PRIMARY KEY,
    request_sha256   VARCHAR(64)     NOT NULL,
    experiment_id    UUID          NOT NULL REFERENCES experiment (id),
    response_body    TEXT          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
