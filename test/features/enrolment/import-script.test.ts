import { describe } from 'vitest';
import { postgresUrl } from '../../storage/backends.ts';
import { importScriptCases, importScriptPostgresCases } from './import-script-cases.ts';

describe('import-placements script', () => importScriptCases());
describe.runIf(postgresUrl)('import-placements script on postgres', () => importScriptPostgresCases(postgresUrl ?? ''));
