import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createLlm } from '../../src/llm/index.ts';
import { startFakeOpenAi } from '../support/fake-openai.ts';
import { capturingLogger } from './setup.ts';

describe('createLlm', () => {
  it('constructs nothing without a key, or when switched off', () => {
    const { logger, lines } = capturingLogger();
    expect(createLlm(loadConfig({}), logger)).toBeUndefined();
    expect(createLlm(loadConfig({ OPENAI_API_KEY: 'sk-test', LLM_ENABLED: 'off' }), logger)).toBeUndefined();
    expect(createLlm(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }), logger)).toBeUndefined();
    expect(lines).toHaveLength(0);
  });

  it('talks to the configured OpenAI-compatible server, logging where but never the key', async () => {
    const fake = await startFakeOpenAi();
    try {
      const { logger, lines } = capturingLogger();
      const llm = createLlm(loadConfig({ OPENAI_API_KEY: 'sk-secret-123', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'llama3.1' }), logger);
      expect(llm?.model.name).toBe('llama3.1');
      expect(fake.requests).toHaveLength(0);
      expect(lines.join('\n')).toContain(new URL(fake.baseURL).origin);
      expect(lines.join('\n')).not.toContain('sk-secret-123');
    } finally {
      await fake.close();
    }
  });

  it('runs keyless against a local server when LLM_ENABLED=on and a base URL is set', () => {
    const { logger } = capturingLogger();
    expect(createLlm(loadConfig({ LLM_ENABLED: 'on', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }), logger)).toBeDefined();
  });
});
