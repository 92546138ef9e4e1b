import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runAsk(args: string[], input?: string) {
  return spawnSync('npx', ['tsx', 'src/cli/ask.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });
}

describe('ask command line', () => {
  it('writes one JSON object per question line in the eval contract', () => {
    const run = runAsk(['--json'], 'What does grade 3 require?\n\nkerro vitsi\nmitä valmistautuminen ja työn suunnittelu sisältää\n');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const [grade, joke, section] = lines;
    expect(grade).toMatchObject({ question: 'What does grade 3 require?', lang: 'en', intent: 'grade-criteria' });
    expect(grade.sources).toHaveLength(5);
    for (const s of grade.sources) expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'kind', 'title', 'text_fi']));
    expect(typeof grade.answer).toBe('string');
    expect(joke).toMatchObject({ lang: 'fi', sources: [] });
    expect(joke.answer.length).toBeGreaterThan(10);
    expect(section.sources.map((s: { id: string }) => s.id)).toEqual(['AH-V1', 'AH-V2', 'AH-V3', 'AH-V4', 'AH-V5', 'AH-V6', 'AH-V7']);
  });

  it('reports a Swedish question as "sv" and answers it in Swedish around the Finnish quotes', () => {
    const run = runAsk(['--json'], 'vad krävs för betyget 4\n');
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout.trim());
    expect(answer).toMatchObject({ lang: 'sv', intent: 'grade-criteria', outcome: 'answered' });
    expect(answer.sources.map((s: { id: string }) => s.id)).toEqual(['AH-G4.1', 'AH-G4.2', 'AH-G4.3', 'AH-G4.4', 'AH-G4.5']);
    expect(answer.answer).toContain('bedömningskriterier');
    expect(answer.answer).toContain('suunnittelee ja toteuttaa työkokonaisuuden itsenäisesti');
  });

  it('prints a readable answer with its sources', () => {
    const run = runAsk(['mitä arvosanaan 4 vaaditaan']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Hyvä 4');
    expect(run.stdout).toContain('Sources:');
  });

  it('shows usage without a question', () => {
    const run = runAsk([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage');
  });
});
