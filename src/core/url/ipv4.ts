// IPv4 in every notation browsers resolve (decimal, octal, hex, one to four parts), as a 32-bit number.
import { hexValue } from './percent.ts';

/** The host has a non-numeric label: it is a host name, not an address. */
export const NOT_IPV4 = -1;
/** Every label is a number but together they are no valid address (browsers refuse such hosts). */
export const INVALID_IPV4 = -2;

const MAX_PARTS = 4;
const TOO_BIG = 2 ** 32;

/** A label's numeric value (capped at 2^32), or -1 when it is not a number in any IPv4 notation. */
function parsePart(label: string): number {
  let radix = 10;
  let index = 0;
  if (label.length === 0) return -1;
  if (label.length >= 2 && label.charCodeAt(0) === 0x30) {
    radix = (label.charCodeAt(1) | 0x20) === 0x78 ? 16 : 8;
    index = radix === 16 ? 2 : 1;
  }
  let value = 0;
  for (; index < label.length; index++) {
    const digit = hexValue(label.charCodeAt(index));
    if (digit < 0 || digit >= radix) return -1;
    value = Math.min(value * radix + digit, TOO_BIG);
  }
  return value;
}

/** The address as an unsigned 32-bit number, NOT_IPV4 or INVALID_IPV4. Labels must be non-empty. */
export function parseIpv4(host: string): number {
  const labels = host.split('.');
  if (labels.length > MAX_PARTS) return NOT_IPV4;
  const values = labels.map(parsePart);
  if (values.some((value) => value < 0)) return NOT_IPV4;
  let address = 0;
  for (let i = 0; i < values.length - 1; i++) {
    const value = values[i]!;
    if (value > 255) return INVALID_IPV4;
    address = address * 256 + value;
  }
  const remaining = MAX_PARTS - (values.length - 1);
  const last = values[values.length - 1]!;
  if (last >= 256 ** remaining) return INVALID_IPV4;
  return address * 256 ** remaining + last;
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
