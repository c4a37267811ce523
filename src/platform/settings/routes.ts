// The settings API: each municipality's resolved settings with their source, the history of
// overrides, municipality overrides (管理 admin of the platform), the fit-gap report, and the
// operators' prefecture/consortium overrides and cross-tenant fit-gap view (audited). Each setting
// carries its JSON schema (TypeBox schemas are JSON Schema), so the staff UI offers the input
// that fits — a list for 首長の職名, time fields for 窓口受付時間 — and says what is accepted.
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform, SettingDefinition } from "../contract.ts";
import { operatorOf, staffOf } from "../http/access.ts";
import { actorOf } from "../identity/principal.ts";
import { withOperator } from "../audit/operator.ts";
import { listTenants } from "../tenancy/tenants.ts";
import { invalidSettingValue } from "./registry.ts";
import { createSettingsService } from "./service.ts";
import { clearGroupOverride, clearMunicipalityOverride, setGroupOverride, setMunicipalityOverride } from "./overrides.ts";
import { deviationsBySetting, fitGap } from "./fit-gap.ts";
import type { ResolvedSetting } from "./resolution.ts";
import type { SettingRegistry } from "./registry.ts";

const OverrideLevel = Type.Union([Type.Literal("municipality"), Type.Literal("consortium"), Type.Literal("prefecture")]);
const SettingLevel = Type.Union([Type.Literal("national"), OverrideLevel]);
const KeyParams = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200, description: "setting key, e.g. platform.mayorName" }) });
const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: "\\S", description: "why the value changes (recorded)" });
const SetBody = Type.Object(
  { value: Type.Unknown({ description: "the new value; must fit the setting's schema" }), reason: Reason },
  { additionalProperties: false },
);
const ClearBody = Type.Object({ reason: Reason }, { additionalProperties: false });

const AppliedOverride = Type.Object({
  level: OverrideLevel,
  scopeId: Type.String(),
  scopeName: Type.String(),
  value: Type.Unknown(),
  valid: Type.Boolean({ description: "false: the stored value no longer fits the schema and is skipped" }),
  seq: Type.String(),
  changedAt: Type.String({ format: "date-time" }),
  actor: Type.String(),
  reason: Type.String(),
});

const SchemaJson = Type.Unknown({ description: "the setting's JSON schema: what a value must be (type, list, pattern, titles)" });

const SettingView = Type.Object({
  key: Type.String(),
  label: Type.String(),
  description: Type.String(),
  source: Type.String({ description: "the law or page that sets the national default" }),
  value: Type.Unknown({ description: "the value that applies" }),
  level: SettingLevel,
  scopeId: Type.Union([Type.String(), Type.Null()]),
  scopeName: Type.Union([Type.String(), Type.Null()]),
  nationalDefault: Type.Unknown(),
  deviates: Type.Boolean(),
  overrides: Type.Array(AppliedOverride, { description: "current overrides that apply, highest precedence first" }),
  schema: SchemaJson,
});

const ChangeView = Type.Object({
  level: OverrideLevel,
  scopeId: Type.String(),
  scopeName: Type.String(),
  seq: Type.String(),
  value: Type.Optional(Type.Unknown()),
  cleared: Type.Boolean(),
  reason: Type.String(),
  actor: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  changedAt: Type.String({ format: "date-time" }),
});

const FitGapView = Type.Object({
  tenantId: Type.String(),
  total: Type.Integer(),
  deviating: Type.Integer(),
  fitRate: Type.Number({ minimum: 0, maximum: 1 }),
  byLevel: Type.Object({ prefecture: Type.Integer(), consortium: Type.Integer(), municipality: Type.Integer() }),
  deviations: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      level: OverrideLevel,
      scopeId: Type.String(),
      scopeName: Type.String(),
      value: Type.Unknown(),
      nationalDefault: Type.Unknown(),
    }),
  ),
});

const GroupChangeView = Type.Object({
  groupId: Type.String(),
  level: OverrideLevel,
  key: Type.String(),
  seq: Type.String(),
  cleared: Type.Boolean(),
  changedAt: Type.String({ format: "date-time" }),
});

/** The schema as plain JSON: TypeBox's symbol keys are its own bookkeeping, not part of the schema. */
function schemaJson(definition: SettingDefinition): unknown {
  return JSON.parse(JSON.stringify(definition.schema)) as unknown;
}

function view(registry: SettingRegistry, s: ResolvedSetting) {
  return {
    ...s,
    overrides: s.overrides.map((o) => ({ ...o, changedAt: o.changedAt.toISOString() })),
    schema: schemaJson(registry.require(s.key)),
  };
}

export function settingsRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const settings = createSettingsService(platform.areas);
  const { registry } = settings;

  /** 404 for an unknown key, then 400 naming the field for a value that does not fit. */
  function checkValue(key: string, value: unknown): void {
    registry.require(key);
    const errors = registry.errors(key, value, "body/value");
    if (errors.length) throw invalidSettingValue(errors);
  }

  app.get(
    "/api/settings",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ["settings"],
        summary: "Every setting as it applies to the municipality, with its source level (any staff)",
        response: { 200: Type.Array(SettingView) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const resolved = await platform.db.withTenant(me.tenantId, (tx) => settings.explain(tx, me.tenantId), actorOf(me));
      return resolved.map((s) => view(registry, s));
    },
  );

  app.get(
    "/api/settings/fit-gap",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ["settings"],
        summary: "Fit-gap: the settings whose value differs from the national standard, by level (any staff)",
        response: { 200: FitGapView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const resolved = await platform.db.withTenant(me.tenantId, (tx) => settings.explain(tx, me.tenantId), actorOf(me));
      return fitGap(me.tenantId, resolved);
    },
  );

  app.get(
    "/api/settings/:key/history",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ["settings"],
        summary: "Every change of the setting's overrides visible to the municipality: its own and its groups' (any staff)",
        params: KeyParams,
        response: { 200: Type.Array(ChangeView) },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const changes = await platform.db.withTenant(me.tenantId, (tx) => settings.history(tx, me.tenantId, req.params.key), actorOf(me));
      return changes.map((c) => ({ ...c, changedAt: c.changedAt.toISOString() }));
    },
  );

  app.put(
    "/api/settings/:key",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["settings"],
        summary: "Override a setting for the municipality (recorded with the reason; audited)",
        params: KeyParams,
        body: SetBody,
        response: { 200: SettingView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { key } = req.params;
      checkValue(key, req.body.value);
      const resolved = await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          await setMunicipalityOverride(tx, registry, me.tenantId, { key, value: req.body.value, reason: req.body.reason, actor: actorOf(me) });
          return settings.explainOne(tx, me.tenantId, key);
        },
        actorOf(me),
      );
      return view(registry, resolved);
    },
  );

  app.delete(
    "/api/settings/:key",
    {
      config: { access: { module: "platform", role: "admin" } },
      schema: {
        tags: ["settings"],
        summary: "Clear the municipality's override, so the next level applies (recorded; audited)",
        params: KeyParams,
        body: ClearBody,
        response: { 200: SettingView },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { key } = req.params;
      const resolved = await platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          await clearMunicipalityOverride(tx, registry, me.tenantId, { key, reason: req.body.reason, actor: actorOf(me) });
          return settings.explainOne(tx, me.tenantId, key);
        },
        actorOf(me),
      );
      return view(registry, resolved);
    },
  );

  const GroupParams = Type.Object({ groupId: Type.String({ minLength: 1, maxLength: 64 }), key: KeyParams.properties.key });

  app.put(
    "/api/operator/groups/:groupId/settings/:key",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["settings"],
        summary: "Override a setting for a prefecture or consortium (operator; audited)",
        params: GroupParams,
        body: SetBody,
        response: { 200: GroupChangeView },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      const { groupId, key } = req.params;
      checkValue(key, req.body.value);
      const change = await withOperator(
        platform.db,
        { actor, action: "settings.group-override-set", subject: `group:${groupId}`, detail: { key } },
        (tx) => setGroupOverride(tx, registry, groupId, { key, value: req.body.value, reason: req.body.reason, actor }),
      );
      return { groupId, level: change.level, key, seq: change.seq, cleared: false, changedAt: change.changedAt.toISOString() };
    },
  );

  app.delete(
    "/api/operator/groups/:groupId/settings/:key",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["settings"],
        summary: "Clear a prefecture's or consortium's override (operator; recorded; audited)",
        params: GroupParams,
        body: ClearBody,
        response: { 200: GroupChangeView },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      const { groupId, key } = req.params;
      const change = await withOperator(
        platform.db,
        { actor, action: "settings.group-override-cleared", subject: `group:${groupId}`, detail: { key } },
        (tx) => clearGroupOverride(tx, registry, groupId, { key, reason: req.body.reason, actor }),
      );
      return { groupId, level: change.level, key, seq: change.seq, cleared: true, changedAt: change.changedAt.toISOString() };
    },
  );

  app.get(
    "/api/operator/fit-gap",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["settings"],
        summary: "Fit-gap of every tenant, how many tenants deviate on each setting, and each setting's schema and national default (operator; audited)",
        response: {
          200: Type.Object({
            tenants: Type.Array(
              Type.Intersect([
                FitGapView,
                Type.Object({ name: Type.String(), prefectureName: Type.String(), status: Type.String() }),
              ]),
            ),
            settings: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), tenants: Type.Integer() })),
            definitions: Type.Array(
              Type.Object({ key: Type.String(), label: Type.String(), schema: SchemaJson, nationalDefault: Type.Unknown() }),
              { description: "every setting's schema and national default, for the prefecture and consortium value form" },
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      return withOperator(platform.db, { actor, action: "settings.fit-gap-listed" }, async (tx) => {
        const tenants = await listTenants(tx);
        const resolved = await settings.explainTenants(tx, tenants.map((t) => t.id));
        return {
          tenants: tenants.map((t) => ({
            ...fitGap(t.id, resolved.get(t.id) ?? []),
            name: t.name,
            prefectureName: t.prefecture_name,
            status: t.status,
          })),
          settings: deviationsBySetting(resolved.values()),
          definitions: registry.definitions.map((d) => ({
            key: d.key,
            label: d.label,
            schema: schemaJson(d),
            nationalDefault: d.nationalDefault,
          })),
        };
      });
    },
  );
}
