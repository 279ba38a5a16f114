// What the README shows a React app doing: it must compile.
import { useEffect, useRef } from "react";
import { defineElement, type DrugLeafletElement, type Monograph } from "drug-leaflet";

export function Leaflet({ data, onToggle }: { data?: Monograph; onToggle: (id: string, open: boolean) => void }) {
  const ref = useRef<DrugLeafletElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) {
      return;
    }
    element.monograph = data;
    const opened: boolean = element.open("side-effects");
    const listener = (event: CustomEvent<{ sectionId: string; expanded: boolean }>) =>
      onToggle(event.detail.sectionId, event.detail.expanded);
    element.addEventListener("drug-leaflet-toggle", listener);
    element.addEventListener("drug-leaflet-toggle", (event) => {
      const id: string = event.detail.sectionId;
      console.log(id, opened);
    });
    return () => element.removeEventListener("drug-leaflet-toggle", listener);
  }, [data, onToggle]);
  return <drug-leaflet ref={ref} heading-level="3" expanded="all" lang="es" remember="off" className="leaflet" />;
}

// Without a framework: the tag name gives the element type, the event map the detail.
const found: DrugLeafletElement | null = document.querySelector("drug-leaflet");
found?.addEventListener("drug-leaflet-error", (event) => console.log(event.detail.problems[0]?.path));
document.body.addEventListener("drug-leaflet-ready", (event) => console.log(event.detail.drug));
export const defined: Promise<void> = defineElement();
