-- Issue 14 (ADR 0016): the chain head moves only with the entries it covers. A statement-level
-- trigger on audit_log INSERT checks that the statement's entries continue their chain (next
-- seq, linked by prev_hash, no gap) and moves audit_chain_head to the last one; neither role
-- may write the head itself any more. It runs as the owner (SECURITY DEFINER), once per
-- statement, so a batch of entries costs one head update, as before.
CREATE FUNCTION kyodo_audit_chain_advance() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  chains integer;
  chain text;
  entries bigint;
  first_seq bigint;
  last_seq bigint;
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT count(DISTINCT tenant_id), min(tenant_id), count(*), min(seq), max(seq)
    INTO chains, chain, entries, first_seq, last_seq FROM appended;
  IF entries = 0 THEN
    RETURN NULL;
  END IF;
  IF chains <> 1 THEN
    RAISE EXCEPTION 'audit entries of one statement must belong to one chain' USING ERRCODE = 'check_violation';
  END IF;
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_head h WHERE h.tenant_id = chain;
  IF NOT FOUND THEN
    head_seq := 0;
    head_hash := repeat('0', 64);
  END IF;
  IF first_seq <> head_seq + 1 OR last_seq - first_seq + 1 <> entries
     OR (SELECT a.prev_hash FROM appended a WHERE a.seq = first_seq) <> head_hash
     OR EXISTS (SELECT 1 FROM appended a JOIN appended b ON b.seq = a.seq + 1 WHERE b.prev_hash <> a.hash) THEN
    RAISE EXCEPTION 'audit entries must continue their chain from its head' USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO audit_chain_head (tenant_id, seq, hash)
  SELECT chain, a.seq, a.hash FROM appended a WHERE a.seq = last_seq
  ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION kyodo_audit_chain_advance() FROM PUBLIC;

CREATE TRIGGER audit_chain_advance AFTER INSERT ON audit_log
  REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION kyodo_audit_chain_advance();

-- audit_chain_head has forced RLS (tenant policy). The trigger runs as the owner, who may not
-- be a superuser on an external PostgreSQL, and must move the platform chain's head too.
DO $$ BEGIN
  EXECUTE format('CREATE POLICY chain_advance ON audit_chain_head TO %I USING (true) WITH CHECK (true)', current_user);
END $$;

REVOKE INSERT, UPDATE ON audit_chain_head FROM kyodo_app, kyodo_operator;
