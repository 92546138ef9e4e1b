// Osaava local chat page: the entry point. chat-page.ts bundles it with esbuild and inlines it into page.html.
import { initComposer, updateComposer } from './composer.ts';
import { clearConversation, send } from './conversation.ts';
import { $, el } from './dom.ts';
import { initInbox } from './inbox.ts';
import { ui } from './ui.ts';
import { loadUsers } from './users.ts';
import { LANGS } from './wire.ts';
import type { Lang } from './wire.ts';

const STARTERS: Record<Lang, string[]> = {
  fi: ['Mitä arvosanaan 4 vaaditaan?', 'Miten näyttö arvioidaan?', 'edistymiseni', 'apua'],
  en: ['What does grade 3 require?', 'How is a skills demonstration assessed?', 'my progress', 'help'],
  sv: ['Vad krävs för vitsordet 4?', 'Hur visar jag mitt kunnande?', 'mina framsteg', 'hjälp'],
};

function renderStarters(): void {
  for (const lang of LANGS) {
    const list = $(`starters-${lang}-list`);
    list.replaceChildren(...STARTERS[lang].map((text) => {
      const button = el('button', { class: 'starter', text, lang, attrs: { type: 'button' } });
      button.addEventListener('click', () => {
        void send(text);
        ui.input.focus();
      });
      return button;
    }));
  }
}

initInbox();
initComposer((text) => void send(text));
ui.clear.addEventListener('click', clearConversation);
renderStarters();
updateComposer();
void loadUsers();
