// "lähetysraportti" / "fan-out report" / "utskicksrapport": an admin asks in chat how the last
// check-in fan-out went — sent of planned, lateness p50/p95 against the due time, the platform's
// 429s, unreachable students — and the send rate each workspace has learnt.
import { defineCommand } from '../../conversation/command.ts';
import { message } from '../../conversation/command-context.ts';
import { formatDate, formatList } from '../../i18n/format.ts';
import { type Lang, LOCALES } from '../../i18n/lang.ts';
import type { FanoutReportRepo } from '../../storage/fanout-report-repo.ts';
import { commandTexts } from './command-texts.ts';

function seconds(ms: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(ms / 1000);
}

export function createFanoutCommand(fanouts: FanoutReportRepo) {
  return defineCommand({
    id: 'fanout-report',
    roles: ['admin'],
    subject: { kind: 'none' },
    slots: {},
    phrasings: {
      fi: ['lähetysraportti', 'lähetysten raportti', 'miten [päivän] kyselyt lähtivät', 'miten viimeisin lähetys meni', 'kyselyiden lähetys'],
      en: ['fan-out report', 'fanout report', 'delivery report', 'how did the last fan-out go', 'how did the check-ins go out'],
      sv: ['utskicksrapport', 'leveransrapport', 'hur gick det senaste utskicket', 'hur gick enkäterna ut'],
    },
    help: { staff: commandTexts.all('helpFanout') },
    async handle(ctx) {
      const t = commandTexts.in(ctx.lang);
      const report = await fanouts.lastFanout(ctx.services.clock.now());
      if (!report) return [message(ctx.lang, { type: 'paragraph', text: t('noFanout') })];
      const lines = [
        t('sent', { sent: report.sent, planned: report.planned, waiting: report.waiting }),
        report.lateP50Ms === null || report.lateP95Ms === null ? t('lateNone') : t('late', { p50: seconds(report.lateP50Ms, ctx.lang), p95: seconds(report.lateP95Ms, ctx.lang) }),
        t('rateLimited', { count: report.rateLimited }),
        t('unreachable', { unreachable: report.unreachable, failed: report.failed, skipped: report.skipped }),
      ];
      if (report.rates.length > 0) {
        const number = new Intl.NumberFormat(LOCALES[ctx.lang], { maximumFractionDigits: 1 });
        lines.push(t('rates', { rates: formatList(report.rates.map((r) => t('rate', { key: r.key, perSecond: number.format(r.perSecond) })), ctx.lang) }));
      }
      return [message(ctx.lang, { type: 'heading', text: t('heading', { date: formatDate(report.localDate, ctx.lang) }) }, { type: 'list', items: lines.map((text) => ({ text })) })];
    },
  });
}
