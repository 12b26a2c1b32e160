// The themes' names, for the pages and the API: the slug, label and description of each theme of
// themes.json, without its keywords. Reading them costs nothing; checking themes.json against its
// schema and indexing its keywords is the tagger's work (classify.ts), done when an index is built.
import taxonomy from './themes.json' with { type: 'json' };
import type { ThemeSlug } from './types.ts';

/** One theme of the taxonomy. */
export interface ThemeDefinition {
  /** URL-safe id, e.g. `road-safety`. */
  slug: ThemeSlug;
  /** Name shown to researchers. */
  label: string;
  /** What the theme covers. */
  description: string;
}

/** The themes, in the taxonomy's order. */
export const THEMES: ThemeDefinition[] = taxonomy.themes.map(({ slug, label, description }) => ({ slug: slug as ThemeSlug, label, description }));
