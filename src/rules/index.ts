import exampleTitle from './example-title.js';
import fileName from './file-name.js';
import outputConflict from './output-conflict.js';
import type { Rule } from './types.js';
import unreadableFile from './unreadable-file.js';

/** Every rule, in the order they run. */
export const allRules: readonly Rule[] = [unreadableFile, fileName, exampleTitle, outputConflict];

/** Rules that need only the document (what `extract` runs). */
export const documentRules: readonly Rule[] = allRules.filter((rule) => !rule.needsModels);

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
