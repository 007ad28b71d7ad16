// `--sensitivity`, shared by check and scan.
import type { Sensitivity } from '../../core/types.ts';
import { CliError } from '../io.ts';

const SENSITIVITIES: readonly Sensitivity[] = ['low', 'normal', 'high'];

export function parseSensitivity(value: string | undefined): Sensitivity {
  const sensitivity = SENSITIVITIES.find((known) => known === (value ?? 'normal'));
  if (sensitivity === undefined) throw new CliError(`--sensitivity must be low, normal or high, not "${value}"`);
  return sensitivity;
}
