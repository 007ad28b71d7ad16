// Messages that change what the user trusts and how Scam Warner behaves: extension pages only.
import { queueRuleWork } from '../engine.ts';
import type { HandlerTable } from '../router.ts';
import { syncUserAllowRule } from '../rules/dnr-writer.ts';
import type { Services } from '../services.ts';
import { readSettings, updateSettings } from '../settings.ts';
import { addHost, listHosts, removeHost } from '../site-sets.ts';
import { scheduleSoon } from '../sync/sync-listeners.ts';
import { forgetAllPageEvidence } from '../tab-state.ts';
import { validateEmpty, validateHostRequest, validateSettingsPatch } from '../validate.ts';

type HostListMessages = 'site.trust' | 'site.untrust' | 'allowlist.get' | 'dismissals.get' | 'dismissal.remove';
type SettingsMessages = 'settings.get' | 'settings.set';

/** The allowlist and the dismissed banners. */
function createHostListHandlers(services: Services): Pick<HandlerTable, HostListMessages> {
  const changeAllowlist = (change: typeof addHost | typeof removeHost) => async ({ host }: { host: string }) => {
    const engine = await services.getEngine();
    const sites = await change(engine.db, 'allowlist', host, services.now());
    engine.allowlist = sites;
    // Navigation must follow the change at once, so this waits for the rule to be written.
    await queueRuleWork(() => syncUserAllowRule(engine.db, sites.map((site) => site.host)));
    return sites;
  };
  return {
    'site.trust': { tier: 'extension', validate: validateHostRequest, handle: changeAllowlist(addHost) },
    'site.untrust': { tier: 'extension', validate: validateHostRequest, handle: changeAllowlist(removeHost) },
    'allowlist.get': {
      tier: 'extension',
      validate: validateEmpty,
      handle: async () => listHosts((await services.getEngine()).db, 'allowlist'),
    },
    'dismissals.get': {
      tier: 'extension',
      validate: validateEmpty,
      handle: async () => listHosts((await services.getEngine()).db, 'dismissals'),
    },
    'dismissal.remove': {
      tier: 'extension',
      validate: validateHostRequest,
      async handle({ host }) {
        const engine = await services.getEngine();
        engine.dismissals = await removeHost(engine.db, 'dismissals', host);
        return engine.dismissals;
      },
    },
  };
}

function createSettingsHandlers(services: Services): Pick<HandlerTable, SettingsMessages> {
  return {
    'settings.get': {
      tier: 'extension',
      validate: validateEmpty,
      handle: async () => readSettings((await services.getEngine()).db),
    },
    'settings.set': {
      tier: 'extension',
      validate: validateSettingsPatch,
      async handle(patch) {
        const engine = await services.getEngine();
        const before = engine.sensitivity;
        engine.settings = await updateSettings(engine.db, patch);
        engine.sensitivity = engine.settings.sensitivity;
        // A page's evidence was weighed at the old threshold (and a later scan can only add to it).
        if (engine.sensitivity !== before) await forgetAllPageEvidence();
        // A new feed address or the switch turned on: check soon; turned off: no more checks.
        if ('feedUrl' in patch || 'isAutoUpdateOn' in patch) await scheduleSoon(services);
        return engine.settings;
      },
    },
  };
}

export function createPreferenceHandlers(services: Services): Pick<HandlerTable, HostListMessages | SettingsMessages> {
  return { ...createHostListHandlers(services), ...createSettingsHandlers(services) };
}
