import { defaultFilter } from "cmdk";

/** How well an item's words (its label first, then synonyms) match what is typed, from 0 (not at all) to 1. */
export function matchScore(keywords: string[], search: string): number {
  return defaultFilter(keywords.join(" "), search);
}

/** The words that find an item: its label first, then its synonyms. */
export function itemWords(item: { label: string; keywords?: string[] }): string[] {
  return [item.label, ...(item.keywords ?? [])];
}

/** A group of the palette's results, by the words of each of its items. */
export interface RankedGroup {
  keywords: string[][];
}

/**
 * The palette's groups in the order to show them for what is typed: the best match first, ties (and
 * everything, with nothing typed) in the order given. cmdk sorts the items inside each group, and
 * highlights the first match in the list; its own group sort never moves a group (cmdk 1.1.1 looks a
 * group up by its id in `data-value`, which holds its heading). Without this, a faint match in an
 * early group (a version's message) would be highlighted over an exact one further down ("Show Chat").
 */
export function rankGroups<T extends RankedGroup>(groups: T[], search: string): T[] {
  if (search.trim() === "") return groups;
  return groups
    .map((group, index) => ({
      group,
      index,
      score: Math.max(0, ...group.keywords.map((keywords) => matchScore(keywords, search))),
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ group }) => group);
}
