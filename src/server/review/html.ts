// HTML built from templates where every interpolated value is escaped unless it is itself built by
// `html`: reports are hostile input, so escaping is the default and cannot be forgotten.
const TRUSTED = Symbol('trusted html');

export interface Html {
  readonly [TRUSTED]: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A fragment: strings and numbers escaped, arrays joined, `null`/`undefined`/`false` left out. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += toHtml(value) + (strings[index + 1] ?? '');
  });
  return { [TRUSTED]: out };
}

export function renderHtml(fragment: Html): string {
  return fragment[TRUSTED];
}

function toHtml(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (typeof value === 'object' && TRUSTED in value) return (value as Html)[TRUSTED];
  return escapeHtml(String(value));
}
