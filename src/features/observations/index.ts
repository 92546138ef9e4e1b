// Observations: instructors log what they saw a student do, tied to requirements; students read them.
import type { FeatureModule } from '../../conversation/command.ts';
import { myObservationsCommand } from './my-observations-command.ts';
import { observationForm, observationStatement, observeCommand } from './observe-command.ts';

export { observationCandidates } from './observe-command.ts';

export const observationsFeature: FeatureModule = {
  name: 'observations',
  commands: [observeCommand, myObservationsCommand],
  forms: { observation: observationForm },
  statements: observationStatement,
};
