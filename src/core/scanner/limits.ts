// How much of a page a snapshot holds. The extractor stops at these and the background's
// validator refuses anything larger, so a page cannot make either side do unbounded work.
export const SNAPSHOT_LIMITS = {
  /** Visible text, from the start of the body. */
  textChars: 64_000,
  /** Elements and text nodes the extractor visits at most. */
  nodes: 20_000,
  /** Title, and each URL. */
  longString: 2_048,
  /** The page's language tag (BCP 47 tags are short). */
  lang: 35,
  /** Each heading, button, label, alt text and field attribute. */
  shortString: 200,
  headings: 40,
  buttons: 40,
  forms: 20,
  /** Fields over all forms. */
  fields: 150,
  links: 200,
  imageAlts: 60,
  /** File names of images (logos name their brand). */
  imageNames: 20,
  /** Struck-out texts (a shop's "was" prices). */
  struck: 40,
  /** Any behaviour counter. */
  counter: 1_000_000,
} as const;

export type SnapshotLimits = { readonly [Key in keyof typeof SNAPSHOT_LIMITS]: number };
