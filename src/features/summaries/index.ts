// Weekly summaries: composed for the scheduler (summary-service.ts) and on demand in chat.
import type { FeatureModule } from '../../conversation/command.ts';
import { createSummaryCommand } from './summary-command.ts';
import type { SummaryService } from './summary-service.ts';

export function createSummariesFeature(summaries: SummaryService): FeatureModule {
  return { name: 'summaries', commands: [createSummaryCommand(summaries)] };
}
