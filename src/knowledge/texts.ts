// The few frame words of citations (the quoted texts themselves stay the knowledge base's own).
import { defineCatalogue } from '../i18n/catalogue.ts';

export const texts = defineCatalogue({
  fi: { assessmentOfCompetence: 'Osaamisen arviointi' },
  en: { assessmentOfCompetence: 'Assessment of competence' },
  sv: { assessmentOfCompetence: 'Bedömning av kunnande' },
});
