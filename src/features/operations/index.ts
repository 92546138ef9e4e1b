// Operations: what the admin asks about Osaava itself (how the last check-in fan-out went).
import type { FeatureModule } from '../../conversation/command.ts';
import type { FanoutReportRepo } from '../../storage/fanout-report-repo.ts';
import { createFanoutCommand } from './fanout-command.ts';

export interface OperationsFeatureDeps {
  fanouts: FanoutReportRepo;
}

export function createOperationsFeature(deps: OperationsFeatureDeps): FeatureModule {
  return { name: 'operations', commands: [createFanoutCommand(deps.fanouts)] };
}
