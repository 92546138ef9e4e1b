// Builds answers from templates: every requirement and criterion shown is the knowledge base's own
// Finnish text, quoted verbatim and cited; English answers add Osaava's translation beneath.
import type { Block, Citation, Lang, ListItem, MessageReply, SuggestedAction } from '../../conversation/reply.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../knowledge/knowledge-base.ts';
import { textOf } from '../../knowledge/knowledge-base.ts';
import type { GradeLevel, Unit } from '../../knowledge/schema.ts';
import type { AnswerComposer } from './composer.ts';
import type { AnswerPlan } from './plan.ts';

const PASSAGE_DISPLAY_LIMIT = 1200;

type Say = (fi: string, en: string) => string;
const sayIn = (lang: Lang): Say => (fi, en) => (lang === 'fi' ? fi : en);

function quoteItem(item: KnowledgeItem, lang: Lang): ListItem {
  const text = textOf(item);
  return lang === 'fi' ? { text: text.fi, cite: item.id } : { text: text.fi, translation: text.en, cite: item.id };
}

function translationNote(say: Say): Block {
  return { type: 'context', text: say('', 'Requirements and criteria are quoted in Finnish from the national qualification requirements; the English lines are Osaava\'s translation.') };
}

function unitLine(unit: Unit, say: Say): string {
  return say(
    `Tutkinnon osa **${unit.name.fi}** (${unit.competencePoints} osp), ${unit.qualification.name.fi}.`,
    `Unit **${unit.name.fi}** (${unit.name.en}, ${unit.competencePoints} competence points), ${unit.qualification.name.en}.`,
  );
}

function levelName(level: GradeLevel, lang: Lang): string {
  return lang === 'fi' ? level.name.fi : `${level.name.en} (${level.name.fi})`;
}

function actions(lang: Lang, pairs: [string, string][]): Block {
  const list: SuggestedAction[] = pairs.map(([label, text]) => ({ label, text }));
  return { type: 'actions', actions: list };
}

function helpBlocks(unit: Unit, lang: Lang): Block[] {
  const say = sayIn(lang);
  return [
    { type: 'paragraph', text: say(
      `Olen **Osaava**. Vastaan kysymyksiin tutkinnon osan **${unit.name.fi}** ammattitaitovaatimuksista, arvioinnista ja näytöstä sekä työelämässä oppimisen tukimateriaaleista. Lainaan vastauksissa perusteiden tekstiä ja kerron lähteen.`,
      `I'm **Osaava**. I answer questions about the requirements, grading and skills demonstration of the unit **${unit.name.fi}** (${unit.name.en}), and about the supporting material on workplace learning. I quote the official texts and cite them.`) },
    { type: 'list', items: [
      { text: say('Arvosanan kriteerit: "Mitä arvosanaan 4 vaaditaan?", "vitonen", "T2"', 'Grade criteria: "What does grade 4 require?", "excellent 5"') },
      { text: say('Arvosanojen erot: "Mitä eroa on kolmosella ja nelosella?"', 'Differences: "compare grades 3 and 4"') },
      { text: say('Ammattitaitovaatimukset: "kaikki ammattitaitovaatimukset", "Tietojärjestelmät ja raportointi"', 'Requirements: "all requirements", "information systems and reporting requirements"') },
      { text: say('Kuuluuko jokin vaatimuksiin: "Pitääkö kilpailijoita kartoittaa?"', 'Is something required: "Do I need to know about competitors?"') },
      { text: say('Näyttö: "Miten osoitan ammattitaitoni?"', 'Skills demonstration: "How do I demonstrate my skills?"') },
      { text: say('Tukimateriaalit: "työelämäyhteistyön kriittiset pisteet", "mitä palveluohjaus tarkoittaa"', 'Supporting material: "critical points of workplace learning", "what does palveluohjaus mean"') },
    ] },
  ];
}

function gradeBlocks(plan: AnswerPlan, grades: number[], kb: KnowledgeBase): Block[] {
  const { unit, lang } = plan;
  const say = sayIn(lang);
  const blocks: Block[] = [];
  for (const grade of grades) {
    const level = kb.level(unit, grade);
    if (!level) continue;
    blocks.push({ type: 'heading', text: say(`${level.name.fi}: arviointikriteerit`, `${levelName(level, lang)}: assessment criteria`) });
    blocks.push({ type: 'paragraph', text: say(`Arvosanaan ${level.name.fi} ${unit.assessment.subject.fi.toLowerCase()}`, `For ${level.name.en}, the student`) + ':' });
    blocks.push({ type: 'list', items: level.criteria.flatMap((c) => { const item = kb.item(c.id); return item ? [quoteItem(item, lang)] : []; }) });
  }
  return blocks;
}

function compareBlocks(plan: AnswerPlan, grades: number[], kb: KnowledgeBase): Block[] {
  const { unit, lang } = plan;
  const say = sayIn(lang);
  const levels = grades.flatMap((g) => kb.level(unit, g) ?? []);
  const names = levels.map((l) => levelName(l, lang)).join(say(' ja ', ' and '));
  const blocks: Block[] = [
    { type: 'heading', text: say(`Erot: ${names}`, `Differences: ${names}`) },
    { type: 'paragraph', text: say(
      'Kriteerit etenevät samoja juonteita pitkin. Tässä ne rinnakkain juonne kerrallaan:',
      'The criteria climb along the same threads. Here they are side by side, thread by thread:') },
  ];
  for (const thread of unit.assessment.threads) {
    const steps = levels.flatMap((level) => level.criteria.filter((c) => c.thread === thread.id).map((c) => ({ level, c })));
    if (steps.length === 0) continue;
    blocks.push({ type: 'heading', text: thread.name[lang] });
    blocks.push({ type: 'list', items: steps.map(({ level, c }) => {
      const item = quoteItem(kb.item(c.id) ?? { kind: 'criterion', id: c.id, unit, level, criterion: c }, lang);
      return { ...item, text: `**${level.name.fi}:** ${item.text}` };
    }) });
    const missing = levels.filter((l) => !l.criteria.some((c) => c.thread === thread.id));
    if (missing.length) blocks.push({ type: 'context', text: say(
      `Ei omaa kriteeriä tasolla ${missing.map((l) => l.name.fi).join(', ')}.`,
      `No criterion of its own at ${missing.map((l) => l.name.en).join(', ')}.`) });
  }
  return blocks;
}

function passageBlocks(item: Extract<KnowledgeItem, { kind: 'passage' }>, lang: Lang): Block[] {
  const say = sayIn(lang);
  const text = item.record.text.length > PASSAGE_DISPLAY_LIMIT ? `${item.record.text.slice(0, PASSAGE_DISPLAY_LIMIT).replace(/\s+\S*$/, '')} …` : item.record.text;
  const blocks: Block[] = [
    { type: 'heading', text: lang === 'fi' ? item.record.title.fi : `${item.record.title.en} (${item.record.title.fi})` },
    { type: 'context', text: say(`Lähde: ${item.document.title.fi}`, `Source: ${item.document.title.fi} (${item.document.title.en}), quoted in Finnish`) },
    { type: 'quote', text, cite: item.id },
  ];
  if (item.record.questions.length) {
    blocks.push({ type: 'paragraph', text: say('Pohdittavaksi:', 'Questions to reflect on (in Finnish):') });
    blocks.push({ type: 'list', items: item.record.questions.map((q) => ({ text: q })) });
  }
  return blocks;
}

function compose(plan: AnswerPlan, kb: KnowledgeBase): Block[] {
  const { unit, lang, intent, items } = plan;
  const say = sayIn(lang);
  const quoted = (list: KnowledgeItem[]): Block => ({ type: 'list', items: list.map((i) => quoteItem(i, lang)) });
  switch (intent.kind) {
    case 'greeting':
      return [{ type: 'paragraph', text: say('Hei! 👋', 'Hi! 👋') }, ...helpBlocks(unit, lang)];
    case 'thanks':
      return [{ type: 'paragraph', text: say('Ole hyvä! Kysy lisää milloin vain.', 'You\'re welcome! Ask again any time.') }];
    case 'help':
      return helpBlocks(unit, lang);
    case 'grade-criteria':
      return [
        { type: 'paragraph', text: unitLine(unit, say) },
        ...gradeBlocks(plan, intent.grades, kb),
        ...(lang === 'en' ? [translationNote(say)] : []),
        actions(lang, intent.grades[0] === 5
          ? [[say('Vertaa arvosanaan 4', 'Compare with grade 4'), say('mitä eroa on nelosella ja vitosella', 'compare grades 4 and 5')]]
          : [[say('Seuraava taso', 'Next level up'), say(`mitä arvosanaan ${(intent.grades.at(-1) ?? 1) + 1} vaaditaan`, `what does grade ${(intent.grades.at(-1) ?? 1) + 1} require`)]]),
      ];
    case 'grade-compare':
      return [{ type: 'paragraph', text: unitLine(unit, say) }, ...compareBlocks(plan, intent.grades, kb), ...(lang === 'en' ? [translationNote(say)] : [])];
    case 'grading-overview':
      return [
        { type: 'paragraph', text: unitLine(unit, say) },
        { type: 'paragraph', text: say(
          'Tutkinnon osa arvioidaan asteikolla Tyydyttävä 1, Tyydyttävä 2, Hyvä 3, Hyvä 4 ja Kiitettävä 5. Osaaminen osoitetaan näytössä, jonka arvioivat opettaja ja työelämän edustaja yhdessä. Kriteerit tasoittain:',
          'The unit is graded on the scale Satisfactory 1, Satisfactory 2, Good 3, Good 4 and Excellent 5. Skills are shown in a skills demonstration (näyttö), assessed by a teacher and a working-life representative together. The criteria level by level:') },
        ...gradeBlocks(plan, [1, 2, 3, 4, 5], kb),
        ...(lang === 'en' ? [translationNote(say)] : []),
      ];
    case 'grade-invalid':
      return [
        { type: 'paragraph', text: say(
          `Arvosanaa ${intent.requested.join(', ')} ei ole. Ammatillisen perustutkinnon osat arvioidaan asteikolla 1–5: Tyydyttävä 1, Tyydyttävä 2, Hyvä 3, Hyvä 4 ja Kiitettävä 5.`,
          `There is no grade ${intent.requested.join(', ')}. Units of a vocational qualification are graded from 1 to 5: Satisfactory 1, Satisfactory 2, Good 3, Good 4 and Excellent 5.`) },
        actions(lang, [[say('Arvosanan 5 kriteerit', 'Criteria of grade 5'), say('mitä arvosanaan 5 vaaditaan', 'what does grade 5 require')]]),
      ];
    case 'unknown-unit':
      return [
        { type: 'paragraph', text: say(
          `En tunne tutkinnon osaa "${intent.name}". Tietopohjassani on tutkinnon osa ${kb.units.map((u) => `**${u.name.fi}** (${u.qualification.name.fi})`).join(', ')}, joten en voi kertoa muiden osien vaatimuksista. Kysy opettajaltasi tai katso ePerusteet-palvelusta.`,
          `I don't know the unit "${intent.name}". My knowledge base holds ${kb.units.map((u) => `**${u.name.fi}** (${u.name.en}, ${u.qualification.name.en})`).join(', ')}, so I can't tell you what other units require. Ask your teacher or look it up in ePerusteet.`) },
      ];
    case 'section-requirements': {
      const section = unit.sections.find((s) => s.id === intent.sectionId);
      return [
        { type: 'paragraph', text: unitLine(unit, say) },
        { type: 'heading', text: section ? (lang === 'fi' ? section.title.fi : `${section.title.en} (${section.title.fi})`) : '' },
        { type: 'paragraph', text: say(`Ammattitaitovaatimukset (${items.length}). Opiskelija`, `Professional skill requirements (${items.length}). The student`) + ':' },
        quoted(items),
        ...(lang === 'en' ? [translationNote(say)] : []),
      ];
    }
    case 'all-requirements':
      return [
        { type: 'paragraph', text: unitLine(unit, say) },
        { type: 'paragraph', text: say(`Ammattitaitovaatimuksia on ${items.length}, kolmessa osassa. Opiskelija`, `There are ${items.length} professional skill requirements in three sections. The student`) + ':' },
        ...unit.sections.flatMap((section): Block[] => [
          { type: 'heading', text: lang === 'fi' ? section.title.fi : `${section.title.en} (${section.title.fi})` },
          quoted(items.filter((i) => i.kind === 'requirement' && i.section.id === section.id)),
        ]),
        ...(lang === 'en' ? [translationNote(say)] : []),
      ];
    case 'demonstration':
      return [
        { type: 'heading', text: say(unit.demonstration.title.fi, `${unit.demonstration.title.en} (${unit.demonstration.title.fi})`) },
        { type: 'paragraph', text: unitLine(unit, say) },
        quoted(items),
        { type: 'context', text: say('Näytön arvioivat opettaja ja työelämän edustaja yhdessä; työelämän edustaja voi olla oma työpaikkaohjaajasi.', 'The demonstration is assessed by a teacher and a working-life representative together; the latter can be your own workplace instructor.') },
        ...(lang === 'en' ? [translationNote(say)] : []),
      ];
    case 'unit-facts':
      return [
        { type: 'paragraph', text: say(
          `Tutkinnon osa **${unit.name.fi}** on laajuudeltaan **${unit.competencePoints} osp** (osaamispistettä). Se kuuluu tutkintoon ${unit.qualification.name.fi} (${unit.qualification.diaarinumero}) ja jakautuu osiin: ${unit.sections.map((s) => s.title.fi).join(', ')}.`,
          `The unit **${unit.name.fi}** (${unit.name.en}) is worth **${unit.competencePoints} competence points** (osp). It belongs to the ${unit.qualification.name.en} (${unit.qualification.name.fi}, ${unit.qualification.diaarinumero}) and has three sections: ${unit.sections.map((s) => s.title.en).join(', ')}.`) },
      ];
    case 'requirement-check':
      if (plan.outcome === 'not-found') return notFound(plan);
      if (items[0]?.kind !== 'requirement') return [
        { type: 'paragraph', text: say('En löydä tätä tutkinnon osan ammattitaitovaatimuksista. Tukimateriaalissa aiheesta sanotaan näin:', 'I can\'t find this among the unit\'s professional skill requirements. The supporting material says this about it:') },
        ...items.flatMap((i) => (i.kind === 'passage' ? passageBlocks(i, lang) : [quoted([i])])),
      ];
      return [
        { type: 'paragraph', text: say(
          `Kyllä. Tutkinnon osan ${unit.name.fi} ammattitaitovaatimuksissa opiskelija:`,
          `Yes. Among the professional skill requirements of the unit ${unit.name.fi}, the student:`) },
        ...requirementsBySection(items, lang),
        ...(lang === 'en' ? [translationNote(say)] : []),
      ];
    case 'search':
      if (plan.outcome !== 'answered') return notFound(plan);
      if (items[0]?.kind === 'requirement') return [
        { type: 'paragraph', text: say(`Tähän liittyvät tutkinnon osan ${unit.name.fi} ammattitaitovaatimukset. Opiskelija:`, `These professional skill requirements of the unit ${unit.name.fi} relate to your question. The student:`) },
        ...requirementsBySection(items, lang),
        ...(lang === 'en' ? [translationNote(say)] : []),
      ];
      return items.flatMap((i): Block[] => {
        switch (i.kind) {
          case 'passage':
            return passageBlocks(i, lang);
          case 'method':
          case 'unit':
          case 'requirement':
          case 'criterion':
            return [quoted([i])];
        }
      });
  }
}

function requirementsBySection(items: KnowledgeItem[], lang: Lang): Block[] {
  const groups = new Map<string, { title: string; items: ListItem[] }>();
  for (const i of items) {
    if (i.kind !== 'requirement') continue;
    const group = groups.get(i.section.id) ?? { title: lang === 'fi' ? i.section.title.fi : `${i.section.title.en} (${i.section.title.fi})`, items: [] };
    group.items.push(quoteItem(i, lang));
    groups.set(i.section.id, group);
  }
  return [...groups.values()].flatMap((g): Block[] => [{ type: 'context', text: g.title }, { type: 'list', items: g.items }]);
}

function notFound(plan: AnswerPlan): Block[] {
  const say = sayIn(plan.lang);
  return [
    { type: 'paragraph', text: say(
      `En tiedä. Tietopohjassani ei ole tähän vastausta, enkä halua arvata. Osaan vastata tutkinnon osan **${plan.unit.name.fi}** ammattitaitovaatimuksista, arviointikriteereistä ja näytöstä sekä työelämässä oppimisen tukimateriaaleista.`,
      `I don't know. My knowledge base has no answer to that, and I won't guess. I can answer questions about the requirements, assessment criteria and skills demonstration of the unit **${plan.unit.name.fi}**, and about the supporting material on workplace learning.`) },
    actions(plan.lang, [
      [say('Kaikki ammattitaitovaatimukset', 'All requirements'), say('kaikki ammattitaitovaatimukset', 'all requirements')],
      [say('Arvosanan 3 kriteerit', 'Criteria of grade 3'), say('mitä arvosanaan 3 vaaditaan', 'what does grade 3 require')],
      [say('Ohje', 'Help'), say('apua', 'help')],
    ]),
  ];
}

export function createDeterministicComposer(kb: KnowledgeBase): AnswerComposer {
  return {
    name: 'deterministic',
    async compose(plan) {
      const citations: Citation[] = plan.items.map((i) => kb.cite(i, plan.lang));
      const blocks = compose(plan, kb).filter((b) => !(b.type === 'context' && b.text === ''));
      const reply: MessageReply = { kind: 'message', lang: plan.lang, blocks, citations };
      return reply;
    },
  };
}
