import { cn } from "@/lib/utils";

// Calm hues (indigo, sky, teal, violet, rose, amber); each template keeps its own across the studio.
const HUES: Record<string, number> = { saas: 277, event: 200, portfolio: 330, blank: 250 };
const FALLBACK_HUES = [277, 230, 185, 300, 10, 70];

function hueFor(id: string): number {
  if (id in HUES) return HUES[id];
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return FALLBACK_HUES[hash % FALLBACK_HUES.length];
}

const line = "h-1 rounded-full bg-foreground/15";

const accent = "bg-[oklch(0.62_0.15_var(--thumb-hue))]";
const box = "rounded-[2px] bg-foreground/8";

function Repeat({ n, className }: { n: number; className: string }) {
  return (
    <>
      {Array.from({ length: n }, (_, i) => (
        <div key={i} className={className} />
      ))}
    </>
  );
}

function SectionSketch({ kind }: { kind: string }) {
  switch (kind) {
    case "hero":
      return (
        <div className="flex flex-col items-center gap-1 py-1.5">
          <div className="h-1.5 w-3/5 rounded-full bg-foreground/35" />
          <div className={cn(line, "w-2/5")} />
          <div className={cn("mt-0.5 h-2 w-7 rounded-full", accent)} />
        </div>
      );
    case "logo-cloud":
      return (
        <div className="flex justify-center gap-1.5">
          <Repeat n={5} className="h-1 w-3 rounded-full bg-foreground/15" />
        </div>
      );
    case "stats":
      return (
        <div className="grid grid-cols-4 gap-1 px-1">
          <Repeat n={4} className="mx-auto h-2 w-3 rounded-[2px] bg-foreground/20" />
        </div>
      );
    case "pricing":
      return (
        <div className="grid grid-cols-3 gap-1">
          <div className={cn(box, "h-6")} />
          <div className={cn(box, "h-6 ring-1 ring-[oklch(0.62_0.15_var(--thumb-hue))]")} />
          <div className={cn(box, "h-6")} />
        </div>
      );
    case "team":
      return (
        <div className="flex justify-center gap-1.5">
          <Repeat n={4} className="size-3 rounded-full bg-foreground/12" />
        </div>
      );
    case "schedule":
    case "faq":
      return (
        <div className="grid gap-0.5 px-2">
          <Repeat n={3} className="h-1.5 rounded-[2px] bg-foreground/8" />
        </div>
      );
    case "projects":
      return (
        <div className="grid grid-cols-2 gap-1">
          <Repeat n={2} className={cn(box, "h-5")} />
        </div>
      );
    case "testimonials":
      return (
        <div className="grid grid-cols-2 gap-1">
          <Repeat n={2} className={cn(box, "h-3.5")} />
        </div>
      );
    case "contact":
    case "cta":
      return <div className={cn("mx-auto h-2.5 w-1/2 rounded-[2px] opacity-40", accent)} />;
    default:
      return (
        <div className="grid grid-cols-3 gap-1">
          <Repeat n={3} className={cn(box, "h-3")} />
        </div>
      );
  }
}

/** A small wireframe of the template's sections on a tinted backdrop; no image to load. */
export function TemplateThumbnail({
  templateId,
  sections,
  className,
}: {
  templateId: string;
  sections: string[];
  className?: string;
}) {
  // The browser bar stands in for the navbar; the footer rarely fits.
  const body = sections.filter((s) => s !== "navbar" && s !== "footer").slice(0, 4);
  return (
    <div
      aria-hidden
      style={{ "--thumb-hue": hueFor(templateId) } as React.CSSProperties}
      className={cn(
        "relative flex aspect-[16/10] w-full items-end justify-center overflow-hidden px-[12%] pt-[7%]",
        "bg-[linear-gradient(135deg,oklch(0.96_0.035_var(--thumb-hue)),oklch(0.92_0.06_calc(var(--thumb-hue)+40)))]",
        "dark:bg-[linear-gradient(135deg,oklch(0.3_0.05_var(--thumb-hue)),oklch(0.24_0.06_calc(var(--thumb-hue)+40)))]",
        className,
      )}
    >
      <div className="flex h-full w-full flex-col rounded-t-md border border-b-0 border-foreground/10 bg-background/90 shadow-sm">
        <div className="flex items-center gap-0.5 border-b border-foreground/5 px-1.5 py-1">
          <span className="size-1 rounded-full bg-foreground/20" />
          <span className="size-1 rounded-full bg-foreground/20" />
          <span className="size-1 rounded-full bg-foreground/20" />
        </div>
        <div className="flex flex-1 flex-col gap-1.5 overflow-hidden p-2">
          {body.map((s, i) => (
            <SectionSketch key={`${s}-${i}`} kind={s} />
          ))}
          {body.length < 2 && (
            <div className="flex-1 rounded-[2px] border border-dashed border-foreground/15" />
          )}
        </div>
      </div>
    </div>
  );
}
