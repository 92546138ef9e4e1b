// The command line goes through the chat core (understanding, authorisation, handlers) on an
// in-memory demo school; each run starts an embedded database, so the runs are shared per group.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

function runAsk(args: string[], input?: string) {
  // `--import tsx` in one Node process: what `npx tsx` runs, without npx's and tsx's own launcher processes.
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { input, encoding: 'utf8', timeout: 60_000 });
}

interface Line {
  question: string;
  lang: string;
  intent: string;
  route?: { kind: string; command?: string; feature?: string };
  outcome?: string;
  answer: string;
  sources: { id: string; kind: string; title: string; text_fi: string }[];
}

function jsonRun(args: string[], lines: string[]): Line[] {
  const run = runAsk(['--json', ...args], `${lines.join('\n')}\n`);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
}

describe('ask command line, as someone the school does not know', () => {
  let out: Line[];
  beforeAll(() => {
    out = jsonRun([], [
      'What does grade 3 require?',
      '',
      'kerro vitsi',
      'mitä valmistautuminen ja työn suunnittelu sisältää',
      'vad krävs för betyget 4',
      'edistymiseni',
      'mitä osaat',
    ]);
  });

  it('writes one JSON object per non-empty line in the eval contract', () => {
    expect(out).toHaveLength(6);
    const [grade, joke, section] = out;
    expect(grade).toMatchObject({ question: 'What does grade 3 require?', lang: 'en', intent: 'grade-criteria', route: { kind: 'question' } });
    expect(grade?.sources).toHaveLength(5);
    for (const s of grade?.sources ?? []) expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'kind', 'title', 'text_fi']));
    expect(typeof grade?.answer).toBe('string');
    expect(joke).toMatchObject({ lang: 'fi', sources: [] });
    expect(joke?.answer.length).toBeGreaterThan(10);
    expect(section?.sources.map((s) => s.id)).toEqual(['AH-V1', 'AH-V2', 'AH-V3', 'AH-V4', 'AH-V5', 'AH-V6', 'AH-V7']);
  });

  it('reports a Swedish question as "sv" and answers it in Swedish around the Finnish quotes', () => {
    const answer = out[3];
    expect(answer).toMatchObject({ lang: 'sv', intent: 'grade-criteria', outcome: 'answered' });
    expect(answer?.sources.map((s) => s.id)).toEqual(['AH-G4.1', 'AH-G4.2', 'AH-G4.3', 'AH-G4.4', 'AH-G4.5']);
    expect(answer?.answer).toContain('bedömningskriterier');
    expect(answer?.answer).toContain('suunnittelee ja toteuttaa työkokonaisuuden itsenäisesti');
  });

  it('reads a command phrase as the command, as the chat does, and tells a stranger how to enrol', () => {
    const progress = out[4];
    expect(progress).toMatchObject({ lang: 'fi', intent: 'progress', route: { kind: 'stranger', command: 'progress' }, sources: [] });
    expect(progress?.answer).toContain('opettaja');
    expect(progress?.answer).not.toContain('Kodin Tekniikka');
  });

  it('reads "mitä osaat" as a request for help, not as a curriculum question', () => {
    const help = out[5];
    expect(help).toMatchObject({ lang: 'fi', intent: 'help', route: { kind: 'help' }, sources: [] });
    expect(help?.answer).toContain('Osaava');
  });
});

describe('ask command line, --as a user of the demo school', () => {
  let out: Line[];
  beforeAll(() => {
    out = jsonRun(['--as', 'aino'], ['edistymiseni', 'mitä arvosanaan 4 vaaditaan', 'olen sairaana tänään', 'kuka on mun opettaja']);
  });

  it("answers Aino's progress from her own placement", () => {
    const [progress] = out;
    expect(progress).toMatchObject({ lang: 'fi', intent: 'progress', route: { kind: 'command', command: 'progress' } });
    expect(progress?.answer).toContain('Kodin Tekniikka Oy');
    expect(progress?.answer).toMatch(/\d+\/25/);
  });

  it('still answers her curriculum questions, and runs her commands', () => {
    expect(out[1]).toMatchObject({ intent: 'grade-criteria', route: { kind: 'question' }, outcome: 'answered' });
    expect(out[1]?.sources.map((s) => s.id)).toEqual(['AH-G4.1', 'AH-G4.2', 'AH-G4.3', 'AH-G4.4', 'AH-G4.5']);
    expect(out[2]).toMatchObject({ intent: 'absent', route: { kind: 'command', command: 'absent' }, sources: [] });
  });

  it('answers a personal question from her own data, where the answering service alone would quote passages', () => {
    expect(out[3]).toMatchObject({ lang: 'fi', intent: 'my-teacher', route: { kind: 'command', command: 'my-teacher' }, sources: [] });
    expect(out[3]?.answer).toContain('Liisa Heikkinen');
  });
});

describe('ask command line, readable and usage', () => {
  it('prints a readable answer with its sources', () => {
    const run = runAsk(['mitä arvosanaan 4 vaaditaan']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Hyvä 4');
    expect(run.stdout).toContain('Sources:');
  });

  it('shows usage without a question, and refuses an unknown --as', () => {
    const bare = runAsk([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Usage');
    const stranger = runAsk(['--as', 'nobody', 'apua']);
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toContain('aino');
  });
});
