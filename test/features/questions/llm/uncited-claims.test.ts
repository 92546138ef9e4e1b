import { describe, expect, it } from 'vitest';
import { textOf, type KnowledgeItem } from '../../../../src/knowledge/knowledge-base.ts';
import { findUncitedClaims, sentencesOf, type Statement } from '../../../../src/features/questions/llm/uncited-claims.ts';
import { realKnowledge } from '../../../support/knowledge.ts';

const { kb } = realKnowledge();
const statementOf = (item: KnowledgeItem): Statement => ({ id: item.id, texts: [textOf(item).fi, textOf(item).en ?? ''] });
const unitStatements = kb.items.filter((i) => i.kind === 'requirement' || i.kind === 'criterion').map(statementOf);
const cite = (...ids: string[]): Statement[] => ids.map((id) => {
  const item = kb.item(id);
  if (!item) throw new Error(`no item ${id}`);
  return statementOf(item);
});

describe('findUncitedClaims', () => {
  it('flags a Finnish sentence that states a criterion nobody cited', () => {
    const claims = findUncitedClaims(['Kolmosta varten opiskelija toteuttaa työkokonaisuuden itsenäisesti.'], unitStatements, cite('AH-G2.1'));
    expect(claims.map((c) => c.id)).toContain('AH-G3.1');
  });

  it('flags an English restatement of an uncited requirement, in the middle of the text', () => {
    const claims = findUncitedClaims(
      ['Good question.', 'You also have to follow the agreed schedules. That is all.'],
      unitStatements,
      [],
    );
    expect(claims).toEqual([expect.objectContaining({ id: 'AH-H6', sentence: 1 })]);
  });

  it('accepts the same sentence when the requirement is cited', () => {
    expect(findUncitedClaims(['You also have to follow the agreed schedules.'], unitStatements, cite('AH-H6'))).toEqual([]);
  });

  it('accepts a paraphrase of a cited criterion that repeats a lower grade\'s wording', () => {
    // "toimii yhteistyökykyisesti" is grade 1's whole criterion and part of grade 2's.
    expect(findUncitedClaims(['Opiskelija toimii yhteistyökykyisesti ja vuorovaikutteisesti.'], unitStatements, cite('AH-G2.2'))).toEqual([]);
  });

  it('flags a higher grade\'s criterion even when a neighbouring one is cited', () => {
    const claims = findUncitedClaims(['For a 5 you present well-founded development proposals concerning the work and its environment.'], unitStatements, cite('AH-G4.1'));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => c.id.startsWith('AH-G5'))).toBe(true);
  });

  it('accepts text that shares a word or two with a requirement but states none', () => {
    expect(findUncitedClaims(['Here is what the knowledge base says about customers.', 'Ask your teacher about the schedule.'], unitStatements, [])).toEqual([]);
  });

  it('accepts a sentence whose words all come from a cited passage', () => {
    const passage: Statement = { id: 'P-1', texts: ['Työpaikalla noudatetaan sovittuja aikatauluja ja ohjeita.'] };
    expect(findUncitedClaims(['Työpaikalla noudatetaan sovittuja aikatauluja.'], unitStatements, [passage])).toEqual([]);
  });

  it('splits sentences and ignores placeholders', () => {
    expect(sentencesOf('Hei [STUDENT_1]! Tässä vastaus. Toinen lause?\nKolmas')).toEqual(['Hei !', 'Tässä vastaus.', 'Toinen lause?', 'Kolmas']);
  });
});
