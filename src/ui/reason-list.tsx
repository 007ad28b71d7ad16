// A verdict's reasons, in words.
import type { Reason } from '../core/types.ts';
import { describeReason } from '../shared/reason-text.ts';

export function ReasonList({ reasons, testId }: { reasons: readonly Reason[]; testId: string }) {
  return (
    <ul class="reasons" data-testid={testId}>
      {reasons.map((reason, index) => (
        <li key={index}>{describeReason(reason)}</li>
      ))}
    </ul>
  );
}
