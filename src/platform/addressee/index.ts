// 団体内統合宛名 (dantai-nai tōgō atena, the addressee register; architecture §3a): one 宛名番号
// for every person and organisation the municipality deals with — residents and 住登外者
// alike — so that business modules refer to people only by that number, never by a resident
// module id. This area owns the register (search, 住登外者 registration and correction, 送付先,
// 名寄せ, history), the registry link the resident module uses, and the read interface every
// module uses (platform.addressees).
import type { AreaDefinition, EventPublisher } from "../contract.ts";
import { ADDRESSEE_AREA_ID } from "./addressee.ts";
import { addresseesLayout, mailingAddressesLayout } from "./layout.ts";
import { addresseeEventTypes } from "./events.ts";
import { addresseeReader, type AddresseeReader } from "./read.ts";
import { createRegistryLink, type RegistryLink } from "./registry-link.ts";
import { addresseeRoutes } from "./routes.ts";

export const addresseeArea: AreaDefinition = {
  id: ADDRESSEE_AREA_ID,
  name: "団体内統合宛名",
  migrations: new URL("./migrations/", import.meta.url),
  routes: addresseeRoutes,
  layouts: [addresseesLayout, mailingAddressesLayout],
  events: addresseeEventTypes,
};

/** What the platform offers modules about addressees: reading for all, the registry link for the resident module. */
export interface Addressees extends AddresseeReader {
  registry: RegistryLink;
}

export function createAddressees(events: EventPublisher): Addressees {
  return { ...addresseeReader, registry: createRegistryLink(events) };
}

export type { AddresseeReader, AddresseeRecord, ReadOptions } from "./read.ts";
export type { RegistryLink, MoveInCandidate, ResidentRegistration, ResidentChange, ResidentRemoval } from "./registry-link.ts";
export type { MailingTarget } from "./mailing.ts";
export { ADDRESSEE_REGISTERED, ADDRESSEE_CHANGED, ADDRESSEE_MERGED, ADDRESSEE_MERGE_UNDONE } from "./events.ts";
export { seedAddresseeDemo } from "./demo.ts";
