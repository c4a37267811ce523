// What each database role may do to each object of the schema, read from the catalog: the
// reviewed picture that privileges.test.ts compares with privileges.expected.json.
import type pg from "pg";

export const GRANTEES = ["kyodo_app", "kyodo_operator", "PUBLIC"] as const;
export type Grantee = (typeof GRANTEES)[number];

export type RlsState = "off" | "enabled" | "forced";

export interface ObjectPrivileges {
  kind: "table" | "view" | "materialized view" | "sequence" | "foreign table" | "function" | "procedure";
  /** Tables only: row-level security off, enabled (the owner bypasses it), or forced. */
  rls?: RlsState;
  /** Functions only. */
  securityDefiner?: boolean;
  privileges: Record<Grantee, string[]>;
  /** Column-level grants, when any. */
  columns?: Record<string, Record<Grantee, string[]>>;
}

const KINDS: Record<string, ObjectPrivileges["kind"]> = {
  r: "table",
  p: "table",
  v: "view",
  m: "materialized view",
  S: "sequence",
  f: "foreign table",
};

/** Privileges per grantee in an ACL (the owner's default when the ACL is null). */
const GRANTS_SQL = (acl: string, defaultKind: string, owner: string) => `(
  SELECT json_object_agg(g.name, coalesce(
    (SELECT array_agg(DISTINCT a.privilege_type ORDER BY a.privilege_type)
     FROM aclexplode(coalesce(${acl}, acldefault(${defaultKind}, ${owner}))) a WHERE a.grantee = g.oid), '{}'))
  FROM (VALUES ('kyodo_app', 'kyodo_app'::regrole::oid), ('kyodo_operator', 'kyodo_operator'::regrole::oid), ('PUBLIC', 0::oid)) g(name, oid))`;

/** Every table, view, sequence and function of schema `public` (not an extension's), by name. */
export async function catalogPrivileges(db: pg.Pool): Promise<Record<string, ObjectPrivileges>> {
  const relations = await db.query(`
    SELECT c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
           ${GRANTS_SQL("c.relacl", "CASE c.relkind WHEN 'S' THEN 's'::\"char\" ELSE 'r'::\"char\" END", "c.relowner")} AS privileges,
           (SELECT json_object_agg(att.attname, ${GRANTS_SQL("att.attacl", "'c'::\"char\"", "c.relowner")})
            FROM pg_attribute att WHERE att.attrelid = c.oid AND att.attnum > 0 AND NOT att.attisdropped AND att.attacl IS NOT NULL) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`);
  const functions = await db.query(`
    SELECT p.oid::regprocedure::text AS name, p.prokind AS kind, p.prosecdef AS definer,
           ${GRANTS_SQL("p.proacl", "'f'::\"char\"", "p.proowner")} AS privileges
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
  const out: Record<string, ObjectPrivileges> = {};
  for (const r of relations.rows) {
    const kind = KINDS[r.kind as string]!;
    out[`public.${r.name}`] = {
      kind,
      ...(kind === "table" ? { rls: (r.forced ? "forced" : r.rls ? "enabled" : "off") as RlsState } : {}),
      privileges: r.privileges,
      ...(r.columns ? { columns: r.columns } : {}),
    };
  }
  for (const f of functions.rows) {
    out[`public.${f.name}`] = {
      kind: f.kind === "p" ? "procedure" : "function",
      securityDefiner: f.definer as boolean,
      privileges: f.privileges,
    };
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** What to review, in words, for each difference between the catalog and the expectation. */
export function reviewNotes(actual: Record<string, ObjectPrivileges>, expected: Record<string, ObjectPrivileges>): string[] {
  const notes: string[] = [];
  const show = (o: ObjectPrivileges) =>
    [
      ...GRANTEES.map((g) => `${g} [${o.privileges[g].join(", ")}]`),
      ...(o.rls ? [`RLS ${o.rls}`] : []),
      ...(o.securityDefiner ? ["SECURITY DEFINER"] : []),
      ...(o.columns ? [`column grants ${JSON.stringify(o.columns)}`] : []),
    ].join(", ");
  for (const [name, o] of Object.entries(actual)) {
    const e = expected[name];
    if (!e) {
      notes.push(
        `${name} (${o.kind}) is new: ${show(o)}. Review it: a table of a municipality's rows needs tenant_id first in its key and ` +
          `SELECT kyodo_tenant_rls('…') (RLS forced); grant each role only what it needs (append-only: SELECT, INSERT); ` +
          `a SECURITY DEFINER function needs SET search_path and REVOKE ALL ON FUNCTION … FROM PUBLIC. ` +
          `Then record it in test/security/privileges.expected.json.`,
      );
      continue;
    }
    if (JSON.stringify(o) !== JSON.stringify(e)) {
      notes.push(`${name} (${o.kind}) changed: now ${show(o)}; reviewed as ${show(e)}. Review the migration that changed it, then update the expectation.`);
    }
  }
  for (const name of Object.keys(expected)) {
    if (!actual[name]) notes.push(`${name} is in test/security/privileges.expected.json but not in the schema: remove it from the file.`);
  }
  return notes;
}
