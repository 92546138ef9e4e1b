// People: the staff's student list and the admin's identity links, data requests and audit log.
import type { FeatureModule } from '../../conversation/command.ts';
import { createEraseCommand, createExportCommand, linkCommand, unlinkCommand } from './admin-commands.ts';
import { auditCommand } from './audit-command.ts';
import { myInstructorCommand, myTeacherCommand } from './my-contacts-command.ts';
import { studentsCommand } from './students-command.ts';

export interface PeopleFeatureDeps {
  /** Where admin exports are written. */
  exportDir: string;
}

export function createPeopleFeature(deps: PeopleFeatureDeps): FeatureModule {
  return { name: 'people', commands: [myTeacherCommand, myInstructorCommand, studentsCommand, linkCommand, unlinkCommand, createExportCommand(), createEraseCommand(deps.exportDir), auditCommand] };
}
