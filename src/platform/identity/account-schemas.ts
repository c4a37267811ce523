// The HTTP shapes of staff accounts, shared by the log-in and the account routes.
import { Type } from "@sinclair/typebox";

export const RoleSchema = Type.Union([Type.Literal("read"), Type.Literal("write"), Type.Literal("issue"), Type.Literal("admin")]);
export const RolesByModule = Type.Record(Type.String({ pattern: "^[a-z][a-z0-9-]{0,39}$" }), Type.Array(RoleSchema, { maxItems: 4 }), { maxProperties: 40 });

export const StaffView = Type.Object({
  id: Type.String({ format: "uuid" }),
  loginId: Type.String(),
  displayName: Type.String(),
  roles: RolesByModule,
  locked: Type.Boolean({ description: "log-ins are held back from sources this account has not logged in from" }),
  passwordKind: Type.Union([Type.Literal("chosen"), Type.Literal("activation"), Type.Literal("one-time")], {
    description: "chosen: the holder's own; activation / one-time: temporary, replaced at the next log-in",
  }),
  passwordExpiresAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  disabled: Type.Union([Type.Object({ at: Type.String({ format: "date-time" }), reason: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  createdAt: Type.String({ format: "date-time" }),
});

