import { describe } from 'vitest';
import { describePostgres } from '../../storage/backends.ts';
import { importScriptCases, importScriptPostgresCases } from './import-script-cases.ts';

describe('import-placements script', () => importScriptCases());
describePostgres('import-placements script on postgres', (url) => importScriptPostgresCases(url));
