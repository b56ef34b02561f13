import type { Shape, ShapeRef } from './types.js';

/**
 * The member of a structure called `name`. Names come from documents (`"constructor"`, `"__proto__"`), so
 * only the model's own members count, never what a plain object inherits.
 */
export function memberRef(shape: Pick<Shape, 'members'> | undefined, name: string): ShapeRef | undefined {
  const members = shape?.members;
  return members !== undefined && Object.hasOwn(members, name) ? members[name] : undefined;
}
