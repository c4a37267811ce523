-- 業務間データ連携 (events): the transactional outbox. A module writes its event here in the
-- same transaction as the change it describes; the dispatcher delivers it afterwards.
CREATE TABLE event_outbox (
  tenant_id    text NOT NULL REFERENCES tenant (id),
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  type         text NOT NULL CHECK (type ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
  subject      text NOT NULL,
  payload      jsonb NOT NULL,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, seq),
  UNIQUE (tenant_id, id)
);
SELECT kyodo_tenant_rls('event_outbox');
GRANT SELECT, INSERT ON event_outbox TO kyodo_app;
GRANT SELECT ON event_outbox TO kyodo_operator;
