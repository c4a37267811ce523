// 権限の表: roles per module as checkboxes, for creating an account and changing its roles. A
// module whose roles the session may not grant (its 管理 is needed; 支援措置's only from its own
// 管理) is shown but cannot be changed, with the reason (the server checks the same rules).
import type { Role } from "../../../../src/platform/contract.ts";
import { moduleNameJa, roleNameJa, ROLES } from "./role-names.ts";

export function toggleRole(current: Record<string, Role[]>, module: string, role: Role, on: boolean): Record<string, Role[]> {
  const granted = new Set(current[module] ?? []);
  if (on) granted.add(role);
  else granted.delete(role);
  const next = { ...current, [module]: ROLES.filter((r) => granted.has(r)) };
  if (!next[module]!.length) delete next[module];
  return next;
}

export function RoleMatrix({
  modules,
  roles,
  onChange,
  mayGrant,
  idPrefix,
  error,
}: {
  modules: readonly string[];
  roles: Record<string, Role[]>;
  onChange(roles: Record<string, Role[]>): void;
  mayGrant(module: string): boolean;
  idPrefix: string;
  error?: string | undefined;
}) {
  return (
    <fieldset className="fieldset fieldset--spaced" aria-describedby={error ? `${idPrefix}-roles-error` : undefined}>
      <legend className="form-label fieldset__legend">
        権限<span className="form-optional">任意</span>
      </legend>
      <p className="form-hint">
        業務ごとに付与します。管理は同じ業務のすべての操作を含みます。業務の権限を変更できるのはその業務の管理権限を持つ職員だけで、支援措置の権限は支援措置の管理権限を持つ職員だけが変更できます。
      </p>
      <table className="role-matrix">
        <thead>
          <tr>
            <th scope="col">業務</th>
            {ROLES.map((r) => (
              <th scope="col" key={r}>
                {roleNameJa(r)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {modules.map((m) => {
            const allowed = mayGrant(m);
            return (
              <tr key={m}>
                <th scope="row">
                  {moduleNameJa(m)}
                  {allowed ? null : <span className="sub">変更できません（この業務の管理権限がありません）</span>}
                </th>
                {ROLES.map((r) => (
                  <td key={r}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={roles[m]?.includes(r) ?? false}
                        disabled={!allowed}
                        onChange={(e) => onChange(toggleRole(roles, m, r, e.target.checked))}
                      />
                      <span className="visually-hidden">
                        {moduleNameJa(m)}の{roleNameJa(r)}
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error ? (
        <p className="form-error" id={`${idPrefix}-roles-error`}>
          ＊{error}
        </p>
      ) : null}
    </fieldset>
  );
}
