import { z } from "zod";
import { PALETTE_NAMES } from "./palettes";

/** kebab-case id shared by a section's source file, its metadata file and `src/sections/<id>.tsx`. */
export const sectionIdSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "kebab-case id");

/**
 * What a prop means to the page, so the offline designer can map "change the headline" or
 * "change the button text" to a prop without knowing each section.
 */
export const propRoleSchema = z.enum([
  "anchor",
  "brand",
  "eyebrow",
  "headline",
  "subheadline",
  "primary-cta",
  "primary-link",
  "secondary-cta",
  "secondary-link",
  "items",
  "text",
  "option",
  "image",
]);
export type PropRole = z.infer<typeof propRoleSchema>;

const jsonValueSchema = z.json();

export const sectionPropSchema = z.object({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "camelCase prop name"),
  /** The prop's TypeScript type as written in the component, e.g. `string` or `Array<{ … }>`. */
  type: z.string().min(1),
  description: z.string().min(1),
  default: jsonValueSchema,
  role: propRoleSchema.optional(),
});
export type SectionProp = z.infer<typeof sectionPropSchema>;

export const sectionPlacementSchema = z.enum(["header", "main", "footer"]);
export type SectionPlacement = z.infer<typeof sectionPlacementSchema>;

export const sectionMetaSchema = z.object({
  id: sectionIdSchema,
  name: z.string().min(1),
  /** One sentence, shown to people and to models. */
  purpose: z.string().min(1),
  /** `header` sections go before `<main>`, `footer` after it, the rest inside it in page order. */
  placement: sectionPlacementSchema,
  /** The component's import name in App.tsx (PascalCase). */
  component: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
  props: z.array(sectionPropSchema).min(1),
});
export type SectionMeta = z.infer<typeof sectionMetaSchema>;

export const paletteNameSchema = z.enum(PALETTE_NAMES as [string, ...string[]]);
export const hexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a #rrggbb colour");

export const fontPresetSchema = z.enum([
  "modern",
  "geometric",
  "humanist",
  "editorial",
  "classic",
  "friendly",
  "technical",
]);
export type FontPreset = z.infer<typeof fontPresetSchema>;

export const neutralNameSchema = z.enum(["slate", "gray", "zinc", "neutral", "stone"]);

export const themeOptionsSchema = z.object({
  /** A Tailwind colour name (`indigo`) or a `#rrggbb` colour from which a scale is derived. */
  palette: z.union([paletteNameSchema, hexColorSchema]),
  neutral: neutralNameSchema.default("slate"),
  font: fontPresetSchema.default("modern"),
});
export type ThemeOptions = z.input<typeof themeOptionsSchema>;

export const colorModeSchema = z.enum(["light", "dark"]);

export const siteSettingsSchema = z.object({
  /** Brand or person name, shown in the navbar and footer. */
  name: z.string().min(1),
  /** The document title. */
  title: z.string().min(1),
  description: z.string().min(1),
  mode: colorModeSchema.default("light"),
  lang: z.string().default("en"),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const templateSectionSchema = z.object({
  id: sectionIdSchema,
  /** String values become inline JSX props; `$site.<key>` refers to `site.<key>`; lists go to src/content.ts. */
  props: z.record(z.string(), jsonValueSchema).default({}),
});

export const templateDefinitionSchema = z.object({
  id: sectionIdSchema,
  name: z.string().min(1),
  description: z.string().min(1),
  site: siteSettingsSchema,
  theme: themeOptionsSchema,
  sections: z.array(templateSectionSchema).min(1),
});
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;

export type TemplateInfo = {
  id: string;
  name: string;
  description: string;
  sections: string[];
};

export type TemplateFile = { path: string; content: Buffer };
