import type { CaseSectionProps } from "./case-model";
import { RestrainingOrders } from "./restraining-orders";
import { ShelterStays } from "./shelter-stays";

/** Crisis measures: temporary restraining orders and shelter stays. */
export function MeasuresSection(props: CaseSectionProps) {
  return (
    <>
      <RestrainingOrders {...props} />
      <ShelterStays {...props} />
    </>
  );
}
