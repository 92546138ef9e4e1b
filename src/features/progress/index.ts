// Progress: coverage of the unit's requirements for a student, by themselves or their staff.
import type { FeatureModule } from '../../conversation/command.ts';
import { myGradeCommand } from './my-grade-command.ts';
import { progressCommand } from './progress-command.ts';

export const progressFeature: FeatureModule = { name: 'progress', commands: [progressCommand, myGradeCommand] };
