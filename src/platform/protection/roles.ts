// The roles of 支援措置 (module id `protection`), granted like any module's roles but never as
// part of "every module": 閲覧 read sees the measures and protected addresses unmasked, 更新
// write creates, renews, changes and ends measures (支援措置担当, the dedicated role), 管理 admin
// also approves releases (the supervisor, 上長).
export { PROTECTION_ROLE_MODULE } from "../contract.ts";
