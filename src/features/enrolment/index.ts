// Enrolment: placements added in chat (and by CSV import, scripts/import-placements.ts).
import type { FeatureModule } from '../../conversation/command.ts';
import { enrolCommand } from './enrol-command.ts';

export const enrolmentFeature: FeatureModule = { name: 'enrolment', commands: [enrolCommand] };
