// Percent-decoding and -encoding the way Safe Browsing specifies them. The slow path works on a
// "binary string" (one char per byte, 0-255) so the string methods stay usable on raw UTF-8 bytes.

const ENCODER = new TextEncoder();
const CHUNK = 8192;
const HEX_DIGITS = '0123456789ABCDEF';
const PERCENT = 0x25;

/** The value of one hex digit, or -1. */
export function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** True when the byte must stay percent-escaped in a canonical URL: controls and space, DEL and above, '#' and '%'. */
export function isEscapedByte(byte: number): boolean {
  return byte <= 0x20 || byte >= 0x7f || byte === 0x23 || byte === PERCENT;
}

export function encodeUtf8(text: string): Uint8Array {
  return ENCODER.encode(text);
}

/**
 * Unescapes until no `%XX` is left, in one pass. Two escapes can never overlap (a hex digit is never
 * '%'), so the rewriting is confluent: collapsing at the tail of the output as soon as an escape
 * appears reaches the same result as unescaping the whole string again and again, in linear time
 * instead of quadratic time for inputs like `%252525...`. Works in place.
 */
export function unescapeFully(bytes: Uint8Array): Uint8Array {
  let written = 0;
  for (let read = 0; read < bytes.length; read++) {
    bytes[written++] = bytes[read]!;
    while (written >= 3 && bytes[written - 3] === PERCENT) {
      const high = hexValue(bytes[written - 2]!);
      const low = hexValue(bytes[written - 1]!);
      if (high < 0 || low < 0) break;
      bytes[written - 3] = high * 16 + low;
      written -= 2;
    }
  }
  return bytes.subarray(0, written);
}

export function toBinaryString(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    text += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return text;
}

export function fromBinaryString(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Escapes a binary string with upper-case hex, as the specification asks. */
export function escapeBinary(text: string): string {
  let escaped = '';
  let plainStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isEscapedByte(code)) continue;
    escaped += `${text.slice(plainStart, i)}%${HEX_DIGITS[code >> 4]}${HEX_DIGITS[code & 15]}`;
    plainStart = i + 1;
  }
  return plainStart === 0 ? text : escaped + text.slice(plainStart);
}
