// Snapshots for scanner tests, built the way extractSnapshot fills them.
import { emptyBehaviour } from '../../../../src/core/scanner/behaviour.ts';
import type { PageSnapshot, SnapshotField } from '../../../../src/core/types.ts';

export function field(overrides: Partial<SnapshotField>): SnapshotField {
  return { tag: 'input', type: 'text', name: '', id: '', autocomplete: '', inputMode: '', placeholder: '', label: '', maxLength: -1, ...overrides };
}

export function snapshot(overrides: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'https://example.test/', title: '', lang: 'en', text: '', headings: [], buttons: [], forms: [], links: [], imageAlts: [], imageNames: [], struck: [],
    behaviour: emptyBehaviour(), truncated: false, ...overrides,
  };
}

/** One form holding these fields. */
export function withFields(...fields: Partial<SnapshotField>[]): Pick<PageSnapshot, 'forms'> {
  return { forms: [{ action: '/post', fields: fields.map(field) }] };
}
