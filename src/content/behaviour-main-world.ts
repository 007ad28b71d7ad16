// Runs in the page's own world at document_start (manifest: world "MAIN") and only counts what
// scareware does: fullscreen, keyboard and pointer lock, beforeunload traps, blocked right-click
// and keys, history flooding, restarting audio, dialog loops. It posts the counts on a channel the
// page can also write to; the content script reads them as claims that can only add evidence
// (core/scanner/behaviour.ts). No imports: it must stay tiny and self-contained.
(() => {
  const CHANNEL = 'scam-warner:behaviour';
  const counts: Record<string, number> = {};
  let isPending = false;
  const publish = () => {
    isPending = false;
    window.postMessage({ channel: CHANNEL, counts }, '*');
  };
  const bump = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
    if (!isPending) {
      isPending = true;
      setTimeout(publish, 200);
    }
  };
  // Replaces a method by one that counts (when `keyOf` names a counter) and then does the original.
  const wrap = (target: object | undefined, name: string, keyOf: (self: unknown, args: unknown[]) => string | null) => {
    const original = (target as Record<string, unknown> | undefined)?.[name];
    if (typeof original !== 'function') return;
    (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const key = keyOf(this, args);
      if (key) bump(key);
      return original.apply(this, args);
    };
  };
  const always = (key: string) => () => key;
  wrap(Element.prototype, 'requestFullscreen', always('fullscreen'));
  wrap(Element.prototype, 'webkitRequestFullscreen', always('fullscreen'));
  wrap(Element.prototype, 'requestPointerLock', always('pointerLock'));
  wrap((globalThis as { Keyboard?: { prototype: object } }).Keyboard?.prototype, 'lock', always('keyboardLock'));
  wrap(History.prototype, 'pushState', always('historyPush'));
  for (const name of ['alert', 'confirm', 'prompt']) wrap(window, name, always('dialog'));
  wrap(EventTarget.prototype, 'addEventListener', (_self, [type]) => (type === 'beforeunload' ? 'beforeUnload' : null));
  wrap(Event.prototype, 'preventDefault', (self) => {
    const type = (self as Event).type;
    return type === 'contextmenu' ? 'contextMenuBlock' : type.startsWith('key') ? 'keyBlock' : null;
  });
  const played = new WeakSet<object>();
  wrap(HTMLMediaElement.prototype, 'play', (self) => (played.has(self as object) ? 'audioRestart' : (played.add(self as object), null)));
  // `onbeforeunload = ...` and `oncontextmenu = ...` install traps without addEventListener.
  const hookSetter = (target: object, name: string, key: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (!descriptor?.set || !descriptor.configurable) return;
    const set = descriptor.set;
    Object.defineProperty(target, name, { ...descriptor, set(this: unknown, value: unknown) { if (value) bump(key); set.call(this, value); } });
  };
  hookSetter(Object.getOwnPropertyDescriptor(window, 'onbeforeunload') ? window : Window.prototype, 'onbeforeunload', 'beforeUnload');
  hookSetter(Document.prototype, 'oncontextmenu', 'contextMenuBlock');
  hookSetter(HTMLElement.prototype, 'oncontextmenu', 'contextMenuBlock');
})();

export {};
