// Personal questions said the many ways students say them: whether they pass, whom to ask at work;
// and what looks personal but is not theirs to be told (someone else's teacher, a person's private
// life). Through the chat core as the evaluation runs it.
import { describe, expect, it } from 'vitest';
import { useEvalCoreRoutes } from '../support/routes.ts';

describe('personal questions', () => {
  const { routeOf } = useEvalCoreRoutes();

  it.each([
    // Whether one passes: the asker's grade, told by whoever gives it.
    ['läpäisenkö tämän osan', 'command:my-grade'],
    ['meneekö mun näyttö läpi', 'command:my-grade'],
    ['saanko hyväksytyn arvosanan tästä', 'command:my-grade'],
    ['blir jag godkänd i den här delen?', 'command:my-grade'],
    ['is my demonstration going to pass?', 'command:my-grade'],
    ['how do I know if I will pass?', 'command:my-grade'],
    ['millä arvosanalla mä olen menossa', 'command:my-grade'],
    // Whom to ask at work: the workplace instructor.
    ['keneltä voin kysyä töissä kassajärjestelmästä', 'command:my-instructor'],
    ['who here at work should I ask about invoices?', 'command:my-instructor'],
    ['kenelle ilmoitan työpaikalla jos myöhästyn', 'command:my-instructor'],
    // A role and a contact word alone: the asker's own.
    ['opettajan sähköposti?', 'command:my-teacher'],
    ['instructor phone nmber', 'command:my-instructor'],
  ])('"%s" (as aino) is %s', async (text, expected) => {
    expect(await routeOf(text, 'aino')).toBe(expected);
  });

  it.each([
    // How to pass is the criteria, not the asker's own result.
    ['how do I pass with a 4?', 'aino'],
    // Another student's people, a person's private life.
    ['vem är Ainos handledare?', 'ville'],
    ['Var bor min lärare?', 'aino'],
    ['how old is my instructor', 'aino'],
    ['missä mun ohjaaja asuu', 'aino'],
  ])('"%s" (as %s) is no personal answer: a question', async (text, as) => {
    expect(await routeOf(text, as)).toBe('question');
  });
});
