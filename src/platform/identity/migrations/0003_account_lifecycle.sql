-- Issue 15 (ADR 0020): staff accounts through their whole life.
-- 1. A password is 'chosen' by its holder, or a temporary one — an 'activation' code (the
--    first administrator named at onboarding, or re-issued by the operator) or a 'one-time'
--    password set by an administrator — that expires and must be replaced at the next log-in.
--    Its Argon2id hash sits in password_hash like any other, so log-in takes the same steps.
-- 2. Disabling keeps the account (and its log-in ID): when, why and by whom are kept on the row
--    and in the audit log, and the account stays in every list, marked.
-- 3. Sessions remember their own idle limit (the municipality's setting, within the platform's).
ALTER TABLE staff_account
  ADD COLUMN password_kind text NOT NULL DEFAULT 'chosen' CHECK (password_kind IN ('chosen', 'activation', 'one-time')),
  ADD COLUMN password_expires_at timestamptz,
  ADD COLUMN password_changed_at timestamptz,
  ADD COLUMN disabled_reason text CHECK (char_length(disabled_reason) <= 500),
  ADD COLUMN disabled_by text,
  ADD CONSTRAINT staff_account_temporary_expires CHECK ((password_kind = 'chosen') = (password_expires_at IS NULL)),
  ADD CONSTRAINT staff_account_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 64);

-- Roles are granted and revoked, never updated; the row keeps who granted it.
ALTER TABLE staff_role ADD COLUMN granted_by text;
REVOKE UPDATE ON staff_role FROM kyodo_app, kyodo_operator;
-- An account keeps its log-in ID and municipality: the application changes only its name (a
-- clerk's surname after marriage), its password and its disabled state. Operators change
-- accounts through the municipality's own transaction (onboarding, the reset of its last
-- administrator), so their role needs no UPDATE.
REVOKE UPDATE ON staff_account FROM kyodo_app, kyodo_operator;
GRANT UPDATE (display_name, password_hash, password_kind, password_expires_at, password_changed_at,
              disabled_at, disabled_reason, disabled_by) ON staff_account TO kyodo_app;

ALTER TABLE staff_session ADD COLUMN idle_minutes integer CHECK (idle_minutes > 0);

DROP FUNCTION kyodo_session_start(bytea, text, uuid, uuid, integer);
CREATE FUNCTION kyodo_session_start(p_token_hash bytea, p_tenant_id text, p_staff_id uuid, p_operator_id uuid,
                                    p_max_minutes integer, p_idle_minutes integer) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO staff_session (token_hash, tenant_id, staff_id, operator_id, expires_at, idle_minutes)
  VALUES (p_token_hash, p_tenant_id, p_staff_id, p_operator_id, now() + make_interval(mins => p_max_minutes), p_idle_minutes)
$$;
REVOKE ALL ON FUNCTION kyodo_session_start(bytea, text, uuid, uuid, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kyodo_session_start(bytea, text, uuid, uuid, integer, integer) TO kyodo_app;

-- As before, but a session's own idle limit applies when it is shorter than the platform's.
CREATE OR REPLACE FUNCTION kyodo_session_find(p_token_hash bytea, p_idle_minutes integer)
RETURNS TABLE (session_tenant_id text, session_staff_id uuid, session_operator_id uuid, operator_display_name text, is_expired boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH found AS (
    SELECT s.tenant_id, s.staff_id, s.operator_id,
           (s.ended_at IS NOT NULL OR s.expires_at < now()
            OR s.last_seen_at < now() - make_interval(mins => least(p_idle_minutes, coalesce(s.idle_minutes, p_idle_minutes)))) AS expired
    FROM staff_session s WHERE s.token_hash = p_token_hash
  ), touched AS (
    UPDATE staff_session s SET last_seen_at = now()
    WHERE s.token_hash = p_token_hash AND s.last_seen_at < now() - interval '15 seconds'
      AND EXISTS (SELECT 1 FROM found WHERE NOT found.expired)
  )
  SELECT f.tenant_id, f.staff_id, f.operator_id, o.display_name, f.expired
  FROM found f LEFT JOIN operator_account o ON o.id = f.operator_id
$$;

-- Ends every open session of one account of the transaction's municipality (a password reset,
-- a disabled account): the caller cannot reach another municipality's sessions.
CREATE FUNCTION kyodo_session_end_staff(p_staff_id uuid) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH ended AS (
    UPDATE staff_session SET ended_at = now()
    WHERE tenant_id = current_setting('kyodo.tenant_id', true) AND staff_id = p_staff_id AND ended_at IS NULL
    RETURNING 1
  ) SELECT count(*)::integer FROM ended
$$;
REVOKE ALL ON FUNCTION kyodo_session_end_staff(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kyodo_session_end_staff(uuid) TO kyodo_app;
