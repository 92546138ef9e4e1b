// Finnish business id (Y-tunnus): seven digits, a hyphen and a check digit. The check digit is
// computed with weights 7,9,10,5,8,4,2; remainder 0 → 0, remainder 1 → invalid, otherwise 11 − remainder.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;
const Y_TUNNUS_PATTERN = /^(\d{7})-(\d)$/;

export function yTunnusCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits)) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) sum += Number(sevenDigits[i]) * (WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

export function isValidYTunnus(value: string): boolean {
  const match = Y_TUNNUS_PATTERN.exec(value);
  if (!match?.[1] || match[2] === undefined) return false;
  return yTunnusCheckDigit(match[1]) === Number(match[2]);
}

/** Why a string is not a valid Y-tunnus, or null when it is. */
export function yTunnusProblem(value: string): string | null {
  const match = Y_TUNNUS_PATTERN.exec(value);
  if (!match?.[1]) return `"${value}" is not a Y-tunnus; expected the form 1234567-8`;
  const expected = yTunnusCheckDigit(match[1]);
  if (expected === null) return `"${value}" cannot be a Y-tunnus (no valid check digit exists for ${match[1]})`;
  if (expected !== Number(match[2])) return `"${value}" has a wrong check digit (expected ${match[1]}-${expected})`;
  return null;
}
