import type { Rule, RuleExample, Severity } from './types.js';
import type { InputProblemKind } from '../model/input/types.js';
import { withoutModelLists } from '../model/suggest.js';
import { STRUCTURE_IN_BRACES } from '../commands/shell.js';
import { wordAt } from '../commands/aws.js';

/** A rule that reports the translator's problems of some kinds; `severityOf` picks a severity per kind. */
export function inputProblemRule(spec: {
  id: string;
  severity: Severity;
  description: string;
  kinds: Partial<Record<InputProblemKind, Severity>>;
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
}): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    needsModels: true,
    examples: spec.examples,
    check({ document, translation, report }) {
      for (const example of document.examples) {
        for (let commandIndex = 0; commandIndex < example.commands.length; commandIndex++) {
          const command = example.commands[commandIndex]!;
          const literalBraces = command.shell.issues.filter((issue) => issue.kind === 'brace-expansion' && STRUCTURE_IN_BRACES.test(wordAt(command, issue.start)?.raw ?? ''));
          for (const problem of translation(command, example)?.problems ?? []) {
            const kindSeverity = spec.kinds[problem.kind as InputProblemKind];
            if (!kindSeverity) continue;
            // Unquoted JSON or shorthand that bash brace-expands (and strips of its quotes) is shell-syntax's one finding;
            // what is wrong with the value as meant (`variables=` for `Variables=`) still needs its own fix.
            if (literalBraces.some((issue) => issue.start.offset === problem.start.offset) && problem.message.startsWith('Error parsing parameter')) continue;
            // A command written inline in a sentence may sketch the call: what it leaves out is said, not as an error.
            const severity = command.inProse && problem.kind === 'missing-required-parameter' && kindSeverity === 'error' ? 'warning' : kindSeverity;
            // A translator's group is one command's: the key names the command, stable when lines move.
            const group = problem.group && { ...problem.group, key: `example ${example.index + 1} command ${commandIndex + 1}: ${problem.group.key}` };
            report({ start: problem.start, end: problem.end, message: problem.message, severity, fingerprint: `${problem.kind}:${withoutModelLists(problem.message)}`, ...(group && { group }) });
          }
        }
      }
    },
  };
}

/** An aws-cli style example document holding one command. */
export function exampleDocument(title: string, command: string): string {
  return `**${title}**\n\nThe following example runs a command. ::\n\n    ${command}\n\nThis command produces no output.\n`;
}
