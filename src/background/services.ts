// What handlers and listeners share: the engine (started once per worker life, retried after a
// failure), the clock and the extension's own addresses.
import { startEngine, type Engine, type EngineOptions } from './engine.ts';

export interface Services {
  getEngine(): Promise<Engine>;
  now(): Date;
  /** `runtime.getURL('/')`. */
  extensionRoot: string;
}

export function createServices(options: EngineOptions): Services {
  let started: Promise<Engine> | null = null;
  return {
    getEngine() {
      started ??= startEngine(options).catch((error: unknown) => {
        started = null;
        throw error;
      });
      return started;
    },
    now: options.now,
    extensionRoot: options.extensionRoot,
  };
}
