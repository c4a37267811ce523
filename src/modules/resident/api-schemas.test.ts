import { describe, expect, it } from "vitest";
import { CHANGE_BODIES, ChangeBody, RecordSchema, RelationshipSchema } from "./api-schemas.ts";
import { CHANGE_KINDS } from "./change-kind.ts";
import { PERSON_FIELDS } from "./person-record.ts";
import { RELATIONSHIP_CODES } from "./relationship.ts";

describe("the resident API schemas follow the domain's own lists", () => {
  it("the record schema lists exactly the fields of a person record", () => {
    expect(Object.keys(RecordSchema.properties).sort()).toEqual([...PERSON_FIELDS].sort());
  });

  it("the change body has one schema per 異動 kind, each fixing its kind", () => {
    expect(Object.keys(CHANGE_BODIES).sort()).toEqual([...CHANGE_KINDS].sort());
    expect(ChangeBody.anyOf.map((s) => s.properties.kind.const).sort()).toEqual([...CHANGE_KINDS].sort());
  });

  it("the 続柄 schema accepts exactly the relationship codes", () => {
    expect((RelationshipSchema as unknown as { anyOf: { const: string }[] }).anyOf.map((s) => s.const)).toEqual(RELATIONSHIP_CODES);
  });
});
