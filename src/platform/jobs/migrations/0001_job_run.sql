-- ジョブ管理 (jobs): the run history that users see. pg-boss (its own schema, installed by the job
-- runner at start-up) only carries the work; this journal is the record, kept as long as the
-- municipality's data and never rewritten.
-- job_run: one row per run, written in the same transaction that queues the pg-boss job.
-- Per-tenant runs belong to their municipality (RLS); platform-wide runs use the pseudo-tenant
-- 'platform', which no staff session can carry, so only the operator role (and the job runner
-- itself) reads them - the same arrangement as the audit log's 'platform' chain.
CREATE TABLE job_run (
  tenant_id     text NOT NULL CHECK (tenant_id ~ '^[0-9]{6}$' OR tenant_id = 'platform'),
  run_id        uuid NOT NULL,
  job_name      text NOT NULL,
  trigger       text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  requested_by  text NOT NULL,        -- 'system:schedule', 'staff:<uuid>', 'operator:<uuid>'
  queued_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, run_id)
);
SELECT kyodo_tenant_rls('job_run');
CREATE INDEX job_run_recent ON job_run (tenant_id, queued_at DESC);
CREATE INDEX job_run_by_job ON job_run (tenant_id, job_name, queued_at DESC);

-- job_run_event: every state change of a run, appended: queued (attempt 1), then per attempt
-- running and succeeded or failed; a failed attempt that will be retried is followed by queued
-- (next attempt). The current state of a run is its latest event. Errors are short messages
-- without personal data; results are summaries (counts, ids), never personal data.
CREATE TABLE job_run_event (
  tenant_id  text NOT NULL,
  run_id     uuid NOT NULL,
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  state      text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
  attempt    integer NOT NULL CHECK (attempt >= 1),
  at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  result     jsonb,
  error      text CHECK (length(error) <= 500),
  PRIMARY KEY (tenant_id, run_id, seq),
  FOREIGN KEY (tenant_id, run_id) REFERENCES job_run (tenant_id, run_id)
);
SELECT kyodo_tenant_rls('job_run_event');

-- Append-only: nobody may update or delete history.
GRANT SELECT, INSERT ON job_run, job_run_event TO kyodo_app, kyodo_operator;
