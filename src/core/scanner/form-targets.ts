// Where a form sends what it asks for. A phishing kit posts passwords and cards to the collector's
// own server, a fake investment page posts its leads to the call centre's: a form that asks for a
// secret or a phone number and posts to another site (or to a bare IP address) hands them over.
// Honest sites do it too (single sign-on, a payment gateway), so it is one mismatch, never a verdict.
import { toRegistrableDomain } from '../lookalike/brands.ts';
import type { ScanSignal, SnapshotForm } from '../types.ts';
import type { FormReading } from './fields.ts';
import { makeSignal } from './signals.ts';

// Stands for the page's own origin when resolving an action: only a different host can come out.
const OWN_ORIGIN = 'https://own-page.invalid/';
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[\da-f:.]+\])$/i;

/** The site a form posts to when it is not the page's own: a registrable domain or an IP address. */
export function offsiteTarget(action: string, pageDomain: string | null): string | null {
  let host: string;
  try {
    host = new URL(action.trim(), OWN_ORIGIN).hostname;
  } catch {
    return null;
  }
  if (host === 'own-page.invalid') return null;
  if (IP_HOST.test(host)) return host;
  const domain = toRegistrableDomain(host);
  return domain !== null && pageDomain !== null && domain !== pageDomain ? domain : null;
}

/**
 * `form_offsite` for the first form that asks for something worth stealing and posts it elsewhere,
 * from the forms as fields.ts's readForms read them (`readings[i]` is what `forms[i]` asks).
 */
export function offsiteFormSignals(forms: readonly SnapshotForm[], readings: readonly FormReading[], pageDomain: string | null): ScanSignal[] {
  for (const [index, form] of forms.entries()) {
    const target = offsiteTarget(form.action, pageDomain);
    const { asks, hasPhoneField } = readings[index]!;
    if (target !== null && (asks.size > 0 || hasPhoneField)) return [makeSignal('form_offsite', target)];
  }
  return [];
}
