// The blocklist's state: size, version, when it was installed and how the last update check went.
import { formatDate, formatNumber, t } from '../shared/i18n.ts';
import type { ListStatus } from '../shared/protocol.ts';

function describeSync(list: ListStatus): string {
  const sync = list.lastSync;
  if (sync === null) return t('list_sync_never');
  if (sync.isOk) return t('list_sync_ok', formatDate(sync.at, true));
  return t('list_sync_failed', [formatDate(sync.at, true), sync.message ?? sync.code ?? '']);
}

function ListSummary({ list }: { list: ListStatus }) {
  if (list.origin === 'none') return <p data-testid="ui:list-none">{t('list_none')}</p>;
  const origin = t(list.origin === 'seed' ? 'list_origin_seed' : 'list_origin_feed');
  return (
    <>
      <p data-testid="ui:list-entries">{t('list_entries', [formatNumber(list.entryCount), String(list.version)])}</p>
      <p>{t('list_updated', [formatDate(list.updatedAt), origin])}</p>
    </>
  );
}

export function ListStatusView({ list }: { list: ListStatus }) {
  return (
    <section class="list-status" data-testid="ui:list-status">
      <h2>{t('list_heading')}</h2>
      <ListSummary list={list} />
      <p>{describeSync(list)}</p>
    </section>
  );
}
