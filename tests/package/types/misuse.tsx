// tsc must refuse this file with exactly the errors named in its "refused:" comments, on their lines.
import { useRef } from "react";
import type { DrugLeafletElement, Monograph } from "drug-leaflet";

export function Leaflet({ data }: { data: Monograph }) {
  const ref = useRef<DrugLeafletElement>(null);
  ref.current?.addEventListener("drug-leaflet-toggle", (event) => console.log(event.detail.section)); // refused: TS2551
  ref.current?.open(3); // refused: TS2345
  document.body.addEventListener("drug-leaflet-error", (event) => console.log(event.detail.path)); // refused: TS2339
  const all: string = ref.current?.expandAll() ?? ""; // refused: TS2322
  return (
    <main>
      <drug-leaflet heading-level={3} /> {/* refused: TS2322 */}
      <drug-leaflet expanded="some" /> {/* refused: TS2322 */}
      <drug-leaflet monograph={data} /> {/* refused: TS2322 */}
      <drug-leaflet ref={ref} drug="nusinersen" title={all} />
    </main>
  );
}
