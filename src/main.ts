// Composition root: the platform plus the list of business modules (業務アプリケーション).
// Adding a module is adding it to this list; the platform never imports a module itself.
import type { BusinessModule } from "./platform/contract.ts";
import { residentModule } from "./modules/resident/index.ts";

export const modules: BusinessModule[] = [residentModule];
