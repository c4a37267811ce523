-- 業務間データ連携 (events): delivery state per subscriber, and the record of what each
-- subscriber has processed.
-- event_delivery: one row per (event, subscriber), written by the publisher in the same
-- transaction as the outbox row. The dispatcher claims due rows with FOR UPDATE SKIP LOCKED,
-- and keeps order per (subscriber, subject): a row is not claimed while an earlier row of the
-- same subscriber and subject is not 'done'. subject and type are copied from the outbox so
-- that this check is one index lookup. 'failed' means dead: retries exhausted, waiting for an
-- administrator to retry it.
CREATE TABLE event_delivery (
  tenant_id        text NOT NULL,
  subscriber       text NOT NULL,
  event_seq        bigint NOT NULL,
  event_id         uuid NOT NULL,
  type             text NOT NULL,
  subject          text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_attempt_at  timestamptz,
  last_error       text,
  delivered_at     timestamptz,
  PRIMARY KEY (tenant_id, subscriber, event_seq),
  UNIQUE (tenant_id, event_id, subscriber),
  FOREIGN KEY (tenant_id, event_seq) REFERENCES event_outbox (tenant_id, seq)
);
SELECT kyodo_tenant_rls('event_delivery');
-- What is due now, per tenant.
CREATE INDEX event_delivery_due ON event_delivery (tenant_id, next_attempt_at) WHERE status = 'pending';
-- The order check: is an earlier delivery of this subscriber and subject still open?
CREATE INDEX event_delivery_open ON event_delivery (tenant_id, subscriber, subject, event_seq) WHERE status <> 'done';
-- Listing failed deliveries (administrators, operators) without scanning the done ones.
CREATE INDEX event_delivery_failed ON event_delivery (tenant_id, event_seq) WHERE status = 'failed';

-- event_processed: the idempotency record. A row is inserted in the same transaction as the
-- handler's own writes, so a redelivered event whose row exists is acknowledged without
-- running the handler again. Append-only.
CREATE TABLE event_processed (
  tenant_id     text NOT NULL,
  subscriber    text NOT NULL,
  event_id      uuid NOT NULL,
  processed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, subscriber, event_id)
);
SELECT kyodo_tenant_rls('event_processed');

-- Which active tenants have a delivery due, in one round trip instead of one per tenant.
-- SECURITY INVOKER: it runs as the caller (kyodo_app), switches kyodo.tenant_id to each tenant
-- in turn, so row-level security still decides what each EXISTS sees, and restores the
-- caller's setting at the end. It returns tenant codes only, never a row's content.
CREATE FUNCTION kyodo_event_due_tenants(only_tenants text[]) RETURNS SETOF text
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  previous text := current_setting('kyodo.tenant_id', true);
  t text;
BEGIN
  FOR t IN SELECT id FROM tenant WHERE status = 'active' AND (only_tenants IS NULL OR id = ANY (only_tenants)) ORDER BY id
  LOOP
    PERFORM set_config('kyodo.tenant_id', t, true);
    IF EXISTS (SELECT 1 FROM event_delivery WHERE status = 'pending' AND next_attempt_at <= clock_timestamp()) THEN
      RETURN NEXT t;
    END IF;
  END LOOP;
  PERFORM set_config('kyodo.tenant_id', coalesce(previous, ''), true);
END $$;

GRANT SELECT, INSERT, UPDATE ON event_delivery TO kyodo_app;
GRANT SELECT ON event_delivery TO kyodo_operator;
GRANT SELECT, INSERT ON event_processed TO kyodo_app;
GRANT SELECT ON event_processed TO kyodo_operator;
GRANT EXECUTE ON FUNCTION kyodo_event_due_tenants(text[]) TO kyodo_app;
