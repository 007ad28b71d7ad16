import { describe, expect, it } from 'vitest';
import { SNAPSHOT_LIMITS, SnapshotError, validatePageSnapshot } from '../../../../src/core/scanner/index.ts';
import { snapshot, withFields } from './helpers.ts';

const valid = () => JSON.parse(JSON.stringify(snapshot({ title: 'x', text: 'hello', ...withFields({ type: 'password', name: 'pw' }) })));

describe('validatePageSnapshot', () => {
  it('returns a clean copy of a valid snapshot, dropping unknown fields', () => {
    const input = { ...valid(), extra: 'ignored', behaviour: { ...valid().behaviour, evil: 1 } };
    const result = validatePageSnapshot(input);
    expect(result).toEqual(valid());
    expect(result).not.toHaveProperty('extra');
    expect(result.behaviour).not.toHaveProperty('evil');
  });

  it.each([
    [null, 'snapshot must be an object'],
    [{ ...valid(), text: 5 }, 'snapshot.text must be a string'],
    [{ ...valid(), text: 'x'.repeat(SNAPSHOT_LIMITS.textChars + 1) }, `snapshot.text is longer than ${SNAPSHOT_LIMITS.textChars}`],
    [{ ...valid(), links: Array(SNAPSHOT_LIMITS.links + 1).fill('/') }, `snapshot.links has more than ${SNAPSHOT_LIMITS.links} entries`],
    [{ ...valid(), headings: [{}] }, 'snapshot.headings[0] must be a string'],
    [{ ...valid(), forms: [{ action: '', fields: [{ ...valid().forms[0].fields[0], tag: 'script' }] }] }, 'snapshot.forms[0].fields[0].tag must be input, select or textarea'],
    [{ ...valid(), forms: [{ action: '', fields: [{ ...valid().forms[0].fields[0], maxLength: 1.5 }] }] }, 'snapshot.forms[0].fields[0].maxLength must be a whole number'],
    [{ ...valid(), behaviour: { ...valid().behaviour, dialog: -1 } }, 'snapshot.behaviour.dialog must be a whole number'],
    [{ ...valid(), behaviour: { ...valid().behaviour, fullscreen: Number.POSITIVE_INFINITY } }, 'snapshot.behaviour.fullscreen must be a whole number'],
    [{ ...valid(), truncated: 'no' }, 'snapshot.truncated must be true or false'],
  ])('refuses %#: %s', (input, message) => {
    expect(() => validatePageSnapshot(input)).toThrow(SnapshotError);
    expect(() => validatePageSnapshot(input)).toThrow(message);
  });

  it('accepts a snapshot from an older content script without image names or struck texts, and caps them when present', () => {
    const { imageNames: _names, struck: _struck, ...older } = valid();
    expect(validatePageSnapshot(older)).toMatchObject({ imageNames: [], struck: [] });
    expect(validatePageSnapshot({ ...valid(), imageNames: ['dbbl_logo'], struck: ['$420'] })).toMatchObject({ imageNames: ['dbbl_logo'], struck: ['$420'] });
    expect(() => validatePageSnapshot({ ...valid(), imageNames: Array(SNAPSHOT_LIMITS.imageNames + 1).fill('x') })).toThrow('snapshot.imageNames has more than');
    expect(() => validatePageSnapshot({ ...valid(), struck: ['x'.repeat(SNAPSHOT_LIMITS.shortString + 1)] })).toThrow('snapshot.struck[0] is longer than');
  });

  it('caps the fields over all forms together', () => {
    const form = { action: '', fields: Array(SNAPSHOT_LIMITS.fields / 2 + 1).fill(valid().forms[0].fields[0]) };
    expect(() => validatePageSnapshot({ ...valid(), forms: [form, form] })).toThrow(`hold more than ${SNAPSHOT_LIMITS.fields} fields`);
  });
});
