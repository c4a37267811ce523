// 住民・住登外の表示: an addressee's standing as a coloured tag, with the day behind it beneath.
import type { AddresseeStanding } from "./addressee-status.ts";

export function StandingTag({ standing, withDetail = false }: { standing: AddresseeStanding; withDetail?: boolean }) {
  return (
    <>
      <span className={`status status--${standing.tone}`} data-testid="standing">
        {standing.label}
      </span>
      {withDetail && standing.detail ? <span className="sub">{standing.detail}</span> : null}
    </>
  );
}
