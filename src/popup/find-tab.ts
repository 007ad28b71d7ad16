// Which tab the popup describes: the one it was told, or the active tab of its window.
import { getExtensionApi } from '../shared/ext.ts';

export async function findTabId(requested: number | null): Promise<number> {
  if (requested !== null) return requested;
  const [tab] = await getExtensionApi().tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}
