import type { Rule } from './types.js';

/** Paragraphs ending in `::` that no literal block follows (found by the RST parser, as docutils finds them). */
const literalBlockExpected: Rule = {
  id: 'literal-block-expected',
  severity: 'error',
  description:
    'A paragraph ending in `::` (`Output::`) promises a literal block: the indented lines after the next blank ' +
    'line. When none follows (the block is missing, or its lines are not indented), docutils warns "Literal block ' +
    'expected; none found" and renders what comes next as plain text: an output written there is lost to readers ' +
    'and to the harness, which checks only literal blocks.',
  examples: {
    ok: [
      {
        name: 'cognito-idp/get-group.rst',
        text: '**To get a group**\n\nThe following example gets a group. ::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n    {\n        "Group": {"GroupName": "admins"}\n    }\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'cognito-idp/get-group.rst',
        text: '**To get a group**\n\nThe following example gets a group. ::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\nGroupName: admins\n',
        messages: ['7:1-7:9: error: `Output::` introduces a literal block, but none follows: indent the block under it, after a blank line'],
      },
      {
        name: 'cognito-idp/delete-group.rst',
        text: '**To delete a group**\n\nThe following example deletes a group. ::\n\n    aws cognito-idp delete-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n',
        messages: ['7:1-7:9: error: `Output::` introduces a literal block, but none follows: indent the block under it, after a blank line'],
      },
    ],
  },
  check({ document, report }) {
    const text = String(document.file.value);
    for (const position of document.tree.data?.literalBlocksMissing ?? []) {
      const introducer = text.slice(position.start.offset, position.end.offset).trim();
      const shown = introducer.length > 40 ? `…${introducer.slice(-30)}` : introducer;
      report({
        start: position.start,
        end: position.end,
        message: `\`${shown.replace(/\s+/g, ' ')}\` introduces a literal block, but none follows: indent the block under it, after a blank line`,
        fingerprint: introducer.slice(-40),
      });
    }
  },
};

export default literalBlockExpected;
