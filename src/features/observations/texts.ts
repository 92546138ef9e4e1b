// What the workplace instructor's observation form and its saved reply say (observation-form.ts).
import { defineCatalogue } from '../../i18n/catalogue.ts';

export const texts = defineCatalogue({
  fi: {
    formTitle: 'Havainto: {student}',
    requirementsSuggested: 'Ehdotin vaatimukset, joihin havainto liittyy. Tarkista ja tallenna.',
    noRequirementSuggested: 'En löytänyt havainnolle selvää vaatimusta. Valitse vaatimukset ja tallenna.',
    studentSeesObservation: 'Havainto näkyy opiskelijalle: arvioinnin on oltava läpinäkyvää.',
    observationLabel: 'Havainto',
    requirementsLabel: 'Ammattitaitovaatimukset',
    requirementsLabelOfUnit: 'Ammattitaitovaatimukset: {unit}',
    levelLabel: 'Tason arvio (valinnainen)',
    saveButton: 'Tallenna havainto',
    observationSaved: 'Havainto tallennettu ✓ {student}',
    levelValue: 'Tason arvio: {level}',
  },
  en: {
    formTitle: 'Observation: {student}',
    requirementsSuggested: 'I suggested the requirements this observation touches. Check them and save.',
    noRequirementSuggested: 'I found no clear requirement for this observation. Pick the requirements and save.',
    studentSeesObservation: 'The student sees the observation: assessment must be transparent to them.',
    observationLabel: 'Observation',
    requirementsLabel: 'Requirements',
    requirementsLabelOfUnit: 'Requirements: {unit}',
    levelLabel: 'Indication of level (optional)',
    saveButton: 'Save observation',
    observationSaved: 'Observation saved ✓ {student}',
    levelValue: 'Indication of level: {level}',
  },
  sv: {
    formTitle: 'Observation: {student}',
    requirementsSuggested: 'Jag föreslog de yrkeskunnighetskrav som observationen gäller. Kontrollera dem och spara.',
    noRequirementSuggested: 'Jag hittade inget tydligt yrkeskunnighetskrav för observationen. Välj kraven och spara.',
    studentSeesObservation: 'Den studerande ser observationen: bedömningen ska vara transparent.',
    observationLabel: 'Observation',
    requirementsLabel: 'Yrkeskunnighetskrav',
    requirementsLabelOfUnit: 'Yrkeskunnighetskrav: {unit}',
    levelLabel: 'Bedömning av nivån (valfri)',
    saveButton: 'Spara observationen',
    observationSaved: 'Observationen har sparats ✓ {student}',
    levelValue: 'Bedömning av nivån: {level}',
  },
});
