// The sites the user trusts (the allowlist always wins), and the sites whose suspicious-page banner
// they dismissed, each with a way to take it back.
import { send } from '../shared/protocol.ts';
import { HostListSection } from './host-list-section.tsx';

export function AllowlistSection() {
  return (
    <HostListSection
      id="allowlist"
      texts={{ heading: 'options_allowlist_heading', lead: 'options_allowlist_lead', empty: 'options_allowlist_empty', remove: 'options_remove', removeLabel: 'options_remove_label' }}
      load={() => send('allowlist.get', {})}
      remove={(host) => send('site.untrust', { host })}
    />
  );
}

export function DismissalsSection() {
  return (
    <HostListSection
      id="dismissals"
      texts={{ heading: 'options_dismissals_heading', lead: 'options_dismissals_lead', empty: 'options_dismissals_empty', remove: 'options_dismissals_remove', removeLabel: 'options_dismissals_remove_label' }}
      load={() => send('dismissals.get', {})}
      remove={(host) => send('dismissal.remove', { host })}
    />
  );
}
