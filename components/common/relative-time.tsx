"use client";

import { useNow } from "@/lib/hooks/use-now";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 minutes ago", "yesterday", "just now". */
export function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === "minute") return rtf.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

const absoluteFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** "Mar 4, 2026, 3:12 PM", for tooltips and titles. */
export function formatAbsolute(iso: string): string {
  return absoluteFormat.format(new Date(iso));
}

/** A relative time ("3 minutes ago") that keeps itself current; the exact time is in its tooltip. */
export function RelativeTime({ iso, prefix = "" }: { iso: string; prefix?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatAbsolute(iso)} suppressHydrationWarning>
      {prefix}
      {formatRelative(iso, now)}
    </time>
  );
}
