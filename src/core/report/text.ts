// Checks on free text from reports. Reports are hostile input that maintainers read later, so text
// that could hide or reorder what they see is refused rather than silently cleaned.

const TAB = 0x09;
const NEWLINE = 0x0a;
// Bidi embeddings, overrides and isolates can make a review page show text in another order than
// it is stored ("Trojan Source"); plain right-to-left text never needs them.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextRules {
  maxLength: number;
  allowsNewlines?: boolean;
}

/** Why a string is refused, or `null` when it is acceptable. */
export function findTextProblem(value: string, rules: TextRules): string | null {
  if (value.length > rules.maxLength) return `longer than ${rules.maxLength} characters`;
  const controlProblem = findControlProblem(value, rules.allowsNewlines === true);
  if (controlProblem) return controlProblem;
  if (BIDI_CONTROL.test(value)) return 'contains bidirectional override characters';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired surrogate (not valid Unicode text)';
  return null;
}

/** C0 and C1 controls and DEL are refused; tab and newline only where the field allows line breaks. */
function findControlProblem(value: string, allowsNewlines: boolean): string | null {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) continue;
    const isLineBreakOrTab = code === TAB || code === NEWLINE;
    if (isLineBreakOrTab && allowsNewlines) continue;
    return isLineBreakOrTab ? 'contains line breaks or tabs' : 'contains control characters';
  }
  return null;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSENDABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Text from a hostile page (its title) or from the feed made sendable: controls and bidi overrides
 * become spaces, runs of white space one space, and it is cut to `maxLength` without splitting a
 * surrogate pair.
 */
export function cleanText(value: string, maxLength: number): string {
  const text = value.replace(UNSENDABLE, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text.replace(LONE_SURROGATE_G, '\ufffd');
  const end = isHighSurrogate(text.charCodeAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  return text.slice(0, end).trim().replace(LONE_SURROGATE_G, '\ufffd');
}

const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
