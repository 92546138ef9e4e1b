import { describe } from 'vitest';
import { postgresUrl } from './backends.ts';
import { importScriptCases, importScriptPostgresCases } from './cases/import-script.ts';

describe('import-placements script', () => importScriptCases());
describe.runIf(postgresUrl)('import-placements script on postgres', () => importScriptPostgresCases(postgresUrl ?? ''));
