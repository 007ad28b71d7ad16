import { describe, expect, it } from 'vitest';
import { readForms } from '../../../../src/core/scanner/fields.ts';
import { offsiteFormSignals, offsiteTarget } from '../../../../src/core/scanner/form-targets.ts';
import { getPageMatcher } from '../../../../src/core/scanner/index.ts';
import type { SnapshotForm } from '../../../../src/core/types.ts';
import { field } from './helpers.ts';

const matcher = getPageMatcher();
const formTargetSignals = (forms: SnapshotForm[], pageDomain: string) => offsiteFormSignals(forms, readForms(forms, matcher), pageDomain);
const form = (action: string, ...fields: Parameters<typeof field>[0][]): SnapshotForm => ({ action, fields: fields.map(field) });

describe('offsiteTarget', () => {
  it('names the other site a form posts to, or its bare IP address', () => {
    expect(offsiteTarget('https://hr-payroll-portal.click/dsgn/auth.php', 'docsign-envelope.test')).toBe('hr-payroll-portal.click');
    expect(offsiteTarget('//collector.example.com/next.php', 'bank-verify.test')).toBe('example.com');
    expect(offsiteTarget('http://185.22.10.4/gate.php', 'bank-verify.test')).toBe('185.22.10.4');
  });

  it('leaves the page’s own site, relative actions and what is no web address', () => {
    expect(offsiteTarget('https://login.shop.example.com/x', 'example.com')).toBeNull();
    expect(offsiteTarget('/post.php', 'example.com')).toBeNull();
    expect(offsiteTarget('', 'example.com')).toBeNull();
    expect(offsiteTarget('mailto:orders@example.com', 'shop.test')).toBeNull();
    expect(offsiteTarget('javascript:void(0)', 'shop.test')).toBeNull();
  });
});

describe('offsiteFormSignals', () => {
  it('raise form_offsite for a secret or a phone number sent elsewhere', () => {
    const login = form('https://collector.test/a.php', { type: 'password', name: 'pw' });
    expect(formTargetSignals([login], 'page.test')).toMatchObject([{ id: 'form_offsite', kind: 'mismatch', evidence: 'collector.test' }]);
    const lead = form('https://leads.test/api', { name: 'nombre' }, { name: 'celular', placeholder: 'Celular' });
    expect(formTargetSignals([lead], 'page.test')).toHaveLength(1);
  });

  it('leave a newsletter or search form posting elsewhere, and any form posting home', () => {
    const newsletter = form('https://list-manage.test/subscribe', { type: 'email', name: 'EMAIL' });
    expect(formTargetSignals([newsletter], 'news.test')).toEqual([]);
    expect(formTargetSignals([form('/login', { type: 'password', name: 'pw' })], 'page.test')).toEqual([]);
  });
});
