// Check-ins: the daily reflection on demand and as a form, absences and pauses, the check-in time,
// a student's plain message taken as the waiting check-in's answer, and a cry for help forwarded to
// the instructor the same day (help-alert.ts). The scheduled sending is
// src/scheduling/; the card it sends is composed here (checkin-messages.ts).
import type { FeatureModule } from '../../conversation/command.ts';
import { type AbsenceDeps, createAbsentCommand, createPauseCommand, resumeCommand } from './absence-commands.ts';
import { createCheckinTimeCommand, createCheckinTimeForm } from './checkin-time-command.ts';
import { draftReflection, type IntentOf } from './free-text-reflection.ts';
import { type CheckinFormDeps, createCheckinForm, reflectCommand } from './reflect-command.ts';

export interface CheckinsFeatureDeps extends AbsenceDeps, CheckinFormDeps {
  /** The questions feature's reading of a text, so that a question is never taken as a day's account. */
  intentOf: IntentOf;
}

export function createCheckinsFeature(deps: CheckinsFeatureDeps): FeatureModule {
  return {
    name: 'checkins',
    commands: [reflectCommand, createAbsentCommand(deps), createPauseCommand(deps), resumeCommand, createCheckinTimeCommand(deps)],
    forms: { checkin: createCheckinForm(deps), 'checkin-time': createCheckinTimeForm(deps) },
    statements: (ctx, actor, text) => draftReflection(ctx, actor, text, deps.intentOf),
  };
}
