// Weekly summaries from the data: the figures of a set of placements in two queries, derived per
// student with the work calendar, then one reply per recipient. Implements the scheduler's
// SummaryComposer and serves the on-demand "summary" command.
import type { Logger } from 'pino';
import type { WorkCalendar } from '../../calendar/index.ts';
import type { Lang, MessageReply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { SummaryComposer, SummaryRequest } from '../../scheduling/index.ts';
import type { AuditInput, AuditLog } from '../../storage/audit-log.ts';
import type { SummaryRole } from '../../storage/schema.ts';
import { type PlacementFilter, type WeeklySummaryRepo, weekWindow } from '../../storage/weekly-summary-repo.ts';
import type { Audience } from './critical-point.ts';
import { type DeriveContext, deriveStudentWeek, type StudentWeek } from './student-week.ts';
import { staffSummary, studentRecap } from './summary-replies.ts';

/** One student's figures for an LLM paragraph (src/llm/summary-narrative.ts writes it from these alone). */
export interface NarrativeFigures {
  weekStart: string;
  weekEnd: string;
  reflections: { answered: number; skipped: number; absent: number };
  observations: number;
  requirementsTouched: readonly { id: string; text: string }[];
  confidenceAvg: number | null;
  confidenceAvgPrevious: number | null;
}

export interface NarrativeInput {
  lang: Lang;
  audience: Audience;
  student: { name: string };
  figures: NarrativeFigures;
}

/** Returns a paragraph, or null to leave the summary as it is. Errors are logged and ignored. */
export type Narrate = (input: NarrativeInput) => Promise<string | null>;

export interface SummaryServiceDeps {
  /** The store's `weeklySummaries`: the week's rows and who reads about which placement. */
  repo: WeeklySummaryRepo;
  /**
   * The store's `audit`: every time a staff member is shown a student's week (the scheduled
   * summaries and an on-demand one of all their students) one `view_summary` entry per student is
   * written, in one batch per call. A named student's summary is audited by the core's access check.
   */
  audit: Pick<AuditLog, 'recordMany'>;
  kb: KnowledgeBase;
  calendar: WorkCalendar;
  options: { extraDaysOff: readonly string[] };
  logger: Logger;
  narrate?: Narrate;
}

export interface RecipientSummaryRequest {
  recipientId: string;
  role: SummaryRole;
  lang: Lang;
  weekStart: string;
  asOf: Date;
  /** Only this student's section (an on-demand "summary Aino"). */
  studentId?: string;
}

export interface StudentSummaryRequest {
  studentId: string;
  /** Who reads it; an instructor or a teacher sees only the placements that are theirs. */
  viewer: { id: string; relation: 'instructor' | 'teacher' | 'admin' };
  lang: Lang;
  weekStart: string;
  asOf: Date;
}

export interface SummaryService extends SummaryComposer {
  /** Every student week of the placements (all overlapping the week when `placementIds` is null). */
  weeks(weekStart: string, asOf: Date, placementIds: PlacementFilter): Promise<StudentWeek[]>;
  forRecipient(request: RecipientSummaryRequest): Promise<MessageReply | null>;
  /** One student's week in the staff format (an on-demand "summary Aino"); access is the caller's to check. */
  forStudent(request: StudentSummaryRequest): Promise<MessageReply | null>;
  /** The reply for one recipient from weeks already loaded (the bench builds them all this way). */
  replyFor(role: SummaryRole, lang: Lang, weeks: readonly StudentWeek[]): Promise<MessageReply | null>;
}

export function figuresOf(week: StudentWeek): NarrativeFigures {
  return {
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    reflections: week.reflections,
    observations: week.observations,
    requirementsTouched: week.touched.map((r) => ({ id: r.id, text: r.text.fi })),
    confidenceAvg: week.confidenceAvg,
    confidenceAvgPrevious: week.confidenceAvgPrevious,
  };
}

/** The weeks a recipient in `role` reads about. */
export function weeksOf(weeks: readonly StudentWeek[], role: SummaryRole, recipientId: string): StudentWeek[] {
  switch (role) {
    case 'student':
      return weeks.filter((w) => w.student.id === recipientId);
    case 'instructor':
      return weeks.filter((w) => w.instructorId === recipientId);
    case 'teacher':
      return weeks.filter((w) => w.teacherId === recipientId);
  }
}

export interface RecipientWeeks {
  role: SummaryRole;
  recipientId: string;
  weeks: StudentWeek[];
}

/** Every recipient's weeks in one pass (for building all summaries at once). */
export function weeksByRecipient(weeks: readonly StudentWeek[]): RecipientWeeks[] {
  const byRecipient = new Map<string, RecipientWeeks>();
  const add = (role: SummaryRole, recipientId: string, week: StudentWeek) => {
    const key = `${role}:${recipientId}`;
    const entry = byRecipient.get(key);
    if (entry) entry.weeks.push(week);
    else byRecipient.set(key, { role, recipientId, weeks: [week] });
  };
  for (const week of weeks) {
    add('student', week.student.id, week);
    if (week.instructorId) add('instructor', week.instructorId, week);
    if (week.teacherId) add('teacher', week.teacherId, week);
  }
  return [...byRecipient.values()];
}

/** The audit entries for a staff member shown these weeks (none for a student's own recap). */
export function summaryViews(role: SummaryRole, recipientId: string, shown: readonly StudentWeek[], scheduled: boolean): AuditInput[] {
  if (role === 'student') return [];
  const students = new Set(shown.filter((w) => w.student.id !== recipientId).map((w) => w.student.id));
  return [...students].map((studentId) => ({
    actorId: recipientId,
    action: 'view_summary',
    subjectPersonId: studentId,
    details: scheduled ? { relation: role, scheduled: true } : { relation: role },
  }));
}

export function createSummaryService(deps: SummaryServiceDeps): SummaryService {
  const log = deps.logger.child({ component: 'summaries' });

  async function weeks(weekStart: string, asOf: Date, placementIds: PlacementFilter): Promise<StudentWeek[]> {
    const window = weekWindow(weekStart);
    const [rows, coverage] = await Promise.all([deps.repo.weekRows(window, placementIds), deps.repo.coverage(window, placementIds)]);
    const ctx: DeriveContext = { kb: deps.kb, calendar: deps.calendar, extraDaysOff: deps.options.extraDaysOff, asOf, workingDayCache: new Map(), todayByZone: new Map(), dueAt: new Map() };
    return rows.map((row) => deriveStudentWeek(row, coverage.get(row.placement_id) ?? [], window, ctx));
  }

  async function narrativeFor(week: StudentWeek, audience: Audience, lang: Lang): Promise<string | null> {
    if (!deps.narrate) return null;
    try {
      return await deps.narrate({ lang, audience, student: { name: week.student.name }, figures: figuresOf(week) });
    } catch (error) {
      log.warn({ err: error, placementId: week.placementId }, 'summary narrative failed; sent without it');
      return null;
    }
  }

  async function replyFor(role: SummaryRole, lang: Lang, mine: readonly StudentWeek[]): Promise<MessageReply | null> {
    if (mine.length === 0) return null;
    if (role === 'student') {
      // The current placement when two overlap the week; only that one student's week goes in.
      const week = [...mine].sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
      if (!week) return null;
      return studentRecap({ kb: deps.kb, lang, week, narrative: await narrativeFor(week, 'student', lang) });
    }
    const sorted = [...mine].sort((a, b) => a.student.name.localeCompare(b.student.name, 'fi'));
    const narratives = new Map<string, string>();
    for (const week of sorted) {
      const text = await narrativeFor(week, 'staff', lang);
      if (text) narratives.set(week.placementId, text);
    }
    return staffSummary({ kb: deps.kb, role, lang, weeks: sorted, narratives });
  }

  async function placementIdsFor(weekStart: string, requests: readonly { recipientId: string; role: SummaryRole }[]): Promise<string[]> {
    const window = weekWindow(weekStart);
    const ids = (role: SummaryRole) => requests.filter((r) => r.role === role).map((r) => r.recipientId);
    return deps.repo.placementIdsFor(window, { students: ids('student'), instructors: ids('instructor'), teachers: ids('teacher') });
  }

  return {
    weeks,
    replyFor,

    async compose(requests: readonly SummaryRequest[], asOf: Date) {
      const replies = new Map<string, MessageReply | null>();
      const views: AuditInput[] = [];
      const byWeek = Map.groupBy(requests, (r) => r.weekStart);
      for (const [weekStart, group] of byWeek) {
        const loaded = await weeks(weekStart, asOf, await placementIdsFor(weekStart, group));
        for (const request of group) {
          const mine = weeksOf(loaded, request.role, request.recipientId);
          const reply = await replyFor(request.role, request.lang, mine);
          replies.set(request.id, reply);
          if (reply) views.push(...summaryViews(request.role, request.recipientId, mine, true));
        }
      }
      // Written when composed, before the scheduler sends: a send that then fails leaves an entry too.
      await deps.audit.recordMany(views);
      return replies;
    },

    async forRecipient(request) {
      const ids = await placementIdsFor(request.weekStart, [request]);
      const loaded = weeksOf(await weeks(request.weekStart, request.asOf, ids), request.role, request.recipientId);
      const mine = request.studentId ? loaded.filter((w) => w.student.id === request.studentId) : loaded;
      const reply = await replyFor(request.role, request.lang, mine);
      if (reply) await deps.audit.recordMany(summaryViews(request.role, request.recipientId, mine, false));
      return reply;
    },

    async forStudent(request) {
      const ids = await placementIdsFor(request.weekStart, [{ recipientId: request.studentId, role: 'student' }]);
      const { id, relation } = request.viewer;
      const loaded = (await weeks(request.weekStart, request.asOf, ids)).filter(
        (w) => relation === 'admin' || (relation === 'instructor' ? w.instructorId === id : w.teacherId === id),
      );
      if (loaded.length === 0) return null;
      const narratives = new Map<string, string>();
      for (const week of loaded) {
        const text = await narrativeFor(week, 'staff', request.lang);
        if (text) narratives.set(week.placementId, text);
      }
      return staffSummary({ kb: deps.kb, role: relation, lang: request.lang, weeks: loaded, narratives });
    },
  };
}
