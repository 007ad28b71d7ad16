// Each stage of applying an update leaves a performance measure named `scam-warner:<stage>` in the
// worker's timeline (cleared when the next check starts), which `npm run bench extension` reads to
// report where the time goes. Costs a timestamp per stage; nothing else reads it.
const PREFIX = 'scam-warner:';

export async function timeStage<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`${PREFIX}${stage}`, { start, end: performance.now() });
  }
}

export function clearStages(): void {
  for (const entry of performance.getEntriesByType('measure')) if (entry.name.startsWith(PREFIX)) performance.clearMeasures(entry.name);
}
