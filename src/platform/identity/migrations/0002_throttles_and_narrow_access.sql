-- Issue 14 (ADR 0015, ADR 0016).
-- 1. Log-in throttles replace the per-account lock: a stranger could lock any clerk out, and
--    only known log-in IDs locked, so the 429 told which IDs exist. Failures are now counted by
--    (account, source), by account and by source, for log-in IDs whether they exist or not.
-- 2. Sessions and operator accounts are reached by kyodo_app only through the functions below
--    (SECURITY DEFINER, owned by the migration owner, fixed search_path, not executable by
--    PUBLIC). The CSRF token is derived from the session token (HMAC), so it is not stored.

ALTER TABLE staff_account DROP COLUMN failed_logins, DROP COLUMN locked_until;
ALTER TABLE operator_account DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- The delay after `failures` failures: none below the free allowance, then `first_seconds`
-- doubling with each further failure up to `max_seconds`.
CREATE FUNCTION kyodo_login_delay(failures integer, free integer, first_seconds integer, max_seconds integer)
RETURNS interval LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN failures < free THEN NULL
              ELSE make_interval(secs => least(max_seconds::double precision,
                                               first_seconds * power(2::double precision, least(failures - free, 30))))
         END
$$;
REVOKE ALL ON FUNCTION kyodo_login_delay(integer, integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kyodo_login_delay(integer, integer, integer, integer) TO kyodo_app, kyodo_operator;

-- Throttles of one municipality's log-ins (tenant_id 'platform': operators' log-ins).
-- account_key: SHA-256 of '<tenant>:<log-in ID as typed>'; an unknown ID is attacker-chosen
-- text and is never stored in clear. source: the client address (IPv6 by /64), pair rows only.
CREATE TABLE login_throttle (
  tenant_id        text NOT NULL,
  id               uuid NOT NULL DEFAULT gen_random_uuid(),
  kind             text NOT NULL CHECK (kind IN ('account', 'pair')),
  account_key      bytea NOT NULL CHECK (octet_length(account_key) = 32),
  source           inet,
  failures         integer NOT NULL DEFAULT 0,
  last_failure_at  timestamptz,
  blocked_until    timestamptz,
  last_success_at  timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE NULLS NOT DISTINCT (tenant_id, kind, account_key, source),
  CHECK ((kind = 'pair') = (source IS NOT NULL))
);
SELECT kyodo_tenant_rls('login_throttle');
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO kyodo_app, kyodo_operator;

-- Throttles per source address across every municipality: platform-wide, seen and cleared by
-- operators only. RLS is enabled with no policy, so only the owner's functions and the
-- operator role (BYPASSRLS) see rows, whatever is granted later.
CREATE TABLE login_source_throttle (
  source           inet PRIMARY KEY,
  id               uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  failures         integer NOT NULL,
  last_failure_at  timestamptz NOT NULL,
  blocked_until    timestamptz
);
ALTER TABLE login_source_throttle ENABLE ROW LEVEL SECURITY;
GRANT SELECT, DELETE ON login_source_throttle TO kyodo_operator;

CREATE FUNCTION kyodo_login_source_blocked_until(p_source inet) RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT blocked_until FROM login_source_throttle WHERE source = p_source AND blocked_until > now()
$$;

-- Counts one failed log-in from a source; the count starts again after forget_minutes without one.
CREATE FUNCTION kyodo_login_source_failed(p_source inet, p_free integer, p_first_seconds integer,
                                          p_max_seconds integer, p_forget_minutes integer) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO login_source_throttle AS t (source, failures, last_failure_at, blocked_until)
  VALUES (p_source, 1, now(), now() + kyodo_login_delay(1, p_free, p_first_seconds, p_max_seconds))
  ON CONFLICT (source) DO UPDATE SET
    failures = CASE WHEN t.last_failure_at < now() - make_interval(mins => p_forget_minutes) THEN 1 ELSE t.failures + 1 END,
    last_failure_at = now(),
    blocked_until = now() + kyodo_login_delay(
      CASE WHEN t.last_failure_at < now() - make_interval(mins => p_forget_minutes) THEN 1 ELSE t.failures + 1 END,
      p_free, p_first_seconds, p_max_seconds)
$$;

REVOKE ALL ON FUNCTION kyodo_login_source_blocked_until(inet) FROM PUBLIC;
REVOKE ALL ON FUNCTION kyodo_login_source_failed(inet, integer, integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kyodo_login_source_blocked_until(inet) TO kyodo_app, kyodo_operator;
GRANT EXECUTE ON FUNCTION kyodo_login_source_failed(inet, integer, integer, integer, integer) TO kyodo_app, kyodo_operator;

-- Sessions: looked up by the hash of their token before any tenant is known, so not under the
-- tenant policy; no role but the owner touches the table (RLS enabled, no policy, no grant).
ALTER TABLE staff_session DROP COLUMN csrf_token;
REVOKE ALL ON staff_session FROM kyodo_app, kyodo_operator;
ALTER TABLE staff_session ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION kyodo_session_start(p_token_hash bytea, p_tenant_id text, p_staff_id uuid, p_operator_id uuid,
                                    p_max_minutes integer) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO staff_session (token_hash, tenant_id, staff_id, operator_id, expires_at)
  VALUES (p_token_hash, p_tenant_id, p_staff_id, p_operator_id, now() + make_interval(mins => p_max_minutes))
$$;

-- The session of a token hash and whether it has ended, expired or idled out; refreshes
-- last_seen_at at most every 15 s. An operator's session carries the operator's display name,
-- the only column of operator_account the application needs.
CREATE FUNCTION kyodo_session_find(p_token_hash bytea, p_idle_minutes integer)
RETURNS TABLE (session_tenant_id text, session_staff_id uuid, session_operator_id uuid, operator_display_name text, is_expired boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH found AS (
    SELECT s.tenant_id, s.staff_id, s.operator_id,
           (s.ended_at IS NOT NULL OR s.expires_at < now()
            OR s.last_seen_at < now() - make_interval(mins => p_idle_minutes)) AS expired
    FROM staff_session s WHERE s.token_hash = p_token_hash
  ), touched AS (
    UPDATE staff_session s SET last_seen_at = now()
    WHERE s.token_hash = p_token_hash AND s.last_seen_at < now() - interval '15 seconds'
      AND EXISTS (SELECT 1 FROM found WHERE NOT found.expired)
  )
  SELECT f.tenant_id, f.staff_id, f.operator_id, o.display_name, f.expired
  FROM found f LEFT JOIN operator_account o ON o.id = f.operator_id
$$;

CREATE FUNCTION kyodo_session_end(p_token_hash bytea) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE staff_session SET ended_at = now() WHERE token_hash = p_token_hash AND ended_at IS NULL
$$;

REVOKE ALL ON FUNCTION kyodo_session_start(bytea, text, uuid, uuid, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION kyodo_session_find(bytea, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION kyodo_session_end(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kyodo_session_start(bytea, text, uuid, uuid, integer) TO kyodo_app;
GRANT EXECUTE ON FUNCTION kyodo_session_find(bytea, integer) TO kyodo_app;
GRANT EXECUTE ON FUNCTION kyodo_session_end(bytea) TO kyodo_app;

-- Operator accounts: only the operator role reads them (to verify an operator's password) and
-- creates them; the application reaches an operator's display name through kyodo_session_find.
REVOKE ALL ON operator_account FROM kyodo_app;
REVOKE UPDATE ON operator_account FROM kyodo_operator;
ALTER TABLE operator_account ENABLE ROW LEVEL SECURITY;
