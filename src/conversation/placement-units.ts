// The units a reply is about: a placement covers one or several (in the placement's order). Forms and
// views take either shape, or a bare unit or list, and read them through `unitsIn`.
import type { Unit } from '../knowledge/schema.ts';

/** The placement's units: one (`unit`), or all of them in the placement's order (`units`). */
export type PlacementUnits = { unit: Unit } | { units: readonly Unit[] };

export function unitsIn(arg: PlacementUnits | Unit | readonly Unit[]): readonly Unit[] {
  if (isUnitList(arg)) return arg;
  if ('kind' in arg) return [arg];
  return 'units' in arg ? arg.units : [arg.unit];
}

const isUnitList = (arg: unknown): arg is readonly Unit[] => Array.isArray(arg);
