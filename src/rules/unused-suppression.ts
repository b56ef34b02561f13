import { UNUSED_SUPPRESSION_RULE_ID } from './suppressions.js';
import type { Rule } from './types.js';

/**
 * Suppression comments are applied by the engine after every rule has run (src/rules/suppressions.ts):
 * only then is it known which of them suppressed nothing. This file gives that finding its id,
 * severity, description and tested examples like any other rule.
 */
const unusedSuppression: Rule = {
  id: UNUSED_SUPPRESSION_RULE_ID,
  severity: 'warning',
  description:
    'A `.. docs-harness-disable-next-line <rule-id> -- reason` (or `disable`/`enable`; `<!-- ... -->` in Markdown) ' +
    'comment that suppresses nothing, names an unknown rule, or enables what was never disabled. Stale ' +
    'suppressions hide the next real defect, so they are reported, with a fix that deletes them.',
  examples: {
    ok: [{ name: 'cognito-idp/get-user.rst', text: '**To get a user**\n\nText.\n', messages: [] }],
    notOk: [
      {
        name: 'cognito-idp/get-user.rst',
        text: '**To get a user**\n\n.. docs-harness-disable-next-line example-title -- renumbered later\n\nText.\n',
        messages: ['3:1-3:68: warning: suppression of example-title suppressed nothing'],
      },
    ],
  },
  check() {
    // Reported by the engine once all rules ran; see the comment above.
  },
};

export default unusedSuppression;
