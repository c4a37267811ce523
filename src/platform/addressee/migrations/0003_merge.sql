-- 名寄せ (merging duplicates): a merge points one addressee (merged) at another (survivor); the
-- merged number keeps resolving to the survivor through addressee.merged_into. Both tables are
-- append-only: the merge keeps the state of both rows before it, and an undo is a row of its
-- own, so what was merged, by whom and why, and when it was undone, stays on record.
CREATE TABLE addressee_merge (
  tenant_id        text NOT NULL,
  id               bigint GENERATED ALWAYS AS IDENTITY,
  survivor         bigint NOT NULL,
  merged           bigint NOT NULL,
  reason           text NOT NULL,
  actor            text NOT NULL,
  merged_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  survivor_before  jsonb NOT NULL,
  merged_before    jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, survivor) REFERENCES addressee (tenant_id, number),
  FOREIGN KEY (tenant_id, merged) REFERENCES addressee (tenant_id, number),
  CHECK (survivor <> merged)
);
SELECT kyodo_tenant_rls('addressee_merge');
CREATE INDEX addressee_merge_of ON addressee_merge (tenant_id, merged);

CREATE TABLE addressee_merge_undo (
  tenant_id  text NOT NULL,
  merge_id   bigint NOT NULL,
  reason     text NOT NULL,
  actor      text NOT NULL,
  undone_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, merge_id),
  FOREIGN KEY (tenant_id, merge_id) REFERENCES addressee_merge (tenant_id, id)
);
SELECT kyodo_tenant_rls('addressee_merge_undo');

GRANT SELECT, INSERT ON addressee_merge, addressee_merge_undo TO kyodo_app;
GRANT SELECT ON addressee_merge, addressee_merge_undo TO kyodo_operator;
