import { describe, expect, it } from 'vitest';
import { isValidYTunnus, yTunnusCheckDigit, yTunnusProblem } from '../../src/storage/y-tunnus.ts';

describe('Y-tunnus', () => {
  it('accepts ids whose check digit matches (weights 7,9,10,5,8,4,2 mod 11)', () => {
    expect(isValidYTunnus('0112038-9')).toBe(true); // a published business id
    expect(isValidYTunnus('2468135-7')).toBe(true);
    expect(isValidYTunnus('1602176-2')).toBe(true);
    expect(yTunnusCheckDigit('0112038')).toBe(9);
  });

  it('rejects a wrong check digit, a wrong shape and numbers with no possible check digit', () => {
    expect(isValidYTunnus('0112038-8')).toBe(false);
    expect(isValidYTunnus('01120389')).toBe(false);
    expect(isValidYTunnus('112038-9')).toBe(false);
    expect(yTunnusCheckDigit('3141592')).toBeNull(); // remainder 1
    expect(yTunnusProblem('0112038-8')).toBe('"0112038-8" has a wrong check digit (expected 0112038-9)');
    expect(yTunnusProblem('3141592-0')).toContain('no valid check digit exists');
    expect(yTunnusProblem('FI01120389')).toContain('expected the form 1234567-8');
    expect(yTunnusProblem('0112038-9')).toBeNull();
  });
});
