// Texts of the operations commands: the admin's report on the last check-in fan-out.
import { defineCatalogue } from '../../i18n/catalogue.ts';

export const commandTexts = defineCatalogue({
  fi: {
    helpFanout: '**lähetysraportti**: miten viimeisimmät päivän kyselyt lähtivät (lähetetyt, myöhästyminen, 429-vastaukset, tavoittamattomat)',
    noFanout: 'Päivän kyselyitä ei ole vielä lähetetty.',
    heading: 'Päivän kyselyt {date}',
    sent: 'Lähetetty **{sent}/{planned}**{waiting, plural, =0 {} other { · odottaa vielä #}}',
    late: 'Myöhästyminen: mediaani **{p50} s**, 95 %:lla enintään **{p95} s**',
    lateNone: 'Myöhästyminen: ei vielä lähetyksiä',
    rateLimited: 'Alusta vastasi 429 (liian nopeasti): **{count, plural, one {# kerta} other {# kertaa}}**',
    unreachable: 'Tavoittamattomia: **{unreachable}** · muita epäonnistuneita: **{failed}** · ohitettuja: **{skipped}**',
    rates: 'Lähetysnopeus nyt: {rates}',
    rate: '{key} {perSecond}/s',
  },
  en: {
    helpFanout: '**fan-out report**: how the latest check-ins went out (sent, lateness, 429 answers, unreachable)',
    noFanout: 'No check-ins have been sent yet.',
    heading: 'Check-ins of {date}',
    sent: 'Sent **{sent}/{planned}**{waiting, plural, =0 {} other { · # still waiting}}',
    late: 'Lateness: median **{p50} s**, 95 % within **{p95} s**',
    lateNone: 'Lateness: nothing sent yet',
    rateLimited: 'The platform answered 429 (too fast): **{count, plural, one {# time} other {# times}}**',
    unreachable: 'Unreachable: **{unreachable}** · other failures: **{failed}** · skipped: **{skipped}**',
    rates: 'Send rate now: {rates}',
    rate: '{key} {perSecond}/s',
  },
  sv: {
    helpFanout: '**utskicksrapport**: hur dagens senaste enkäter gick ut (skickade, försening, 429-svar, onåbara)',
    noFanout: 'Inga dagliga enkäter har skickats ännu.',
    heading: 'Dagens enkäter {date}',
    sent: 'Skickade **{sent}/{planned}**{waiting, plural, =0 {} other { · # väntar ännu}}',
    late: 'Försening: median **{p50} s**, 95 % inom **{p95} s**',
    lateNone: 'Försening: inget skickat ännu',
    rateLimited: 'Plattformen svarade 429 (för snabbt): **{count, plural, one {# gång} other {# gånger}}**',
    unreachable: 'Onåbara: **{unreachable}** · andra misslyckade: **{failed}** · överhoppade: **{skipped}**',
    rates: 'Sändningstakt nu: {rates}',
    rate: '{key} {perSecond}/s',
  },
});
