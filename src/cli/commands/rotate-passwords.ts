// `kyodo db rotate-passwords`: the one command that changes the database roles' passwords
// (ADR 0014). Embedded: new passwords into KYODO_DATA_DIR/role-passwords.json. DATABASE_URL:
// KYODO_APP_DB_PASSWORD / KYODO_OPERATOR_DB_PASSWORD where set, else new ones, printed once so
// they can be put where every kyodo process reads its environment.
import type { Logger } from "pino";
import type { Config } from "../../platform/config.ts";
import { rotateRolePasswords } from "../../platform/start.ts";
import { APP_ROLE, OPERATOR_ROLE } from "../../platform/db/roles.ts";

export async function rotatePasswords(config: Config, log: Logger): Promise<number> {
  const { passwords, file, configured } = await rotateRolePasswords(config, log);
  if (file) {
    console.info(`${APP_ROLE} and ${OPERATOR_ROLE} have new passwords, kept in ${file}`);
  } else {
    console.info(`${APP_ROLE} and ${OPERATOR_ROLE} have new passwords.`);
    if (!configured.app || !configured.operator) {
      console.info("Give every kyodo process these (they are shown only now):");
      if (!configured.app) console.info(`KYODO_APP_DB_PASSWORD=${passwords.app}`);
      if (!configured.operator) console.info(`KYODO_OPERATOR_DB_PASSWORD=${passwords.operator}`);
    }
  }
  console.info("A kyodo serve that is running keeps its open connections but cannot open new ones: restart it.");
  return 0;
}
