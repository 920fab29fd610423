-- Records of every sampler kind (issues 13 and 14). Existing rows are DistributedSampler
-- records: they take the defaults and keep reading their settings from dataset_size,
-- world_size, shuffle and drop_last. Other kinds keep their settings in sampler_settings
-- (the API's names under "sampler", without "kind"); dataset_size and world_size then hold
-- the spec's dataset length and rank count, so the existing checks still hold.
ALTER TABLE experiment ADD COLUMN sampler_kind TEXT NOT NULL DEFAULT 'distributed';
ALTER TABLE experiment ADD COLUMN sampler_settings JSONB;
-- Lightning's seed_everything(workers=True): worker_init_fn=pl_worker_init_function.
ALTER TABLE experiment ADD COLUMN seed_workers BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE experiment ADD CONSTRAINT ck_experiment_sampler_kind
    CHECK (sampler_kind IN ('distributed', 'random', 'accelerate', 'hf-datasets', 'streaming'));
ALTER TABLE experiment ADD CONSTRAINT ck_experiment_sampler_settings
    CHECK ((sampler_kind = 'distributed') = (sampler_settings IS NULL));
