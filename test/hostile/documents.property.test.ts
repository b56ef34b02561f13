// Whole hostile documents through the whole CLI (#11): random RST and Markdown with commands, outputs, nesting,
// control characters and links. No internal error, exit code 0 or 1, every finding inside the document.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder } from '../support/scratch.js';

const noise = fc.string({ unit: fc.constantFrom(...'ab{}[]"\'\\$`<>|&;()#:=,.-_*\t \u001b\u202e\u00e9\u0000\r'.split('')), maxLength: 30 });
const command = fc
  .tuple(
    fc.constantFrom('aws cognito-idp list-users', 'aws cognito-idp admin-get-user', '$ aws cognito-idp get-user', 'awslocal s3api list-buckets', 'TOKEN=$(aws cognito-idp initiate-auth'),
    fc.array(fc.tuple(fc.constantFrom(' --user-pool-id', ' --username', ' --limit', ' --auth-parameters', ' --query', ' \\\n    --client-id', ' '), noise), { maxLength: 4 }),
  )
  .map(([head, options]) => head + options.map(([option, value]) => `${option} ${value}`).join(''));
const json = fc.oneof(fc.json({ depthSize: 'small' }), noise.map((text) => `{ "Users": [ ${text}`));
const link = fc.constantFrom('http://user:secret@example.com/x', 'https://docs.aws.amazon.com/', 'javascript:alert(1)');

const markdownPiece = fc.oneof(
  command.map((text) => `\`\`\`bash\n${text}\n\`\`\``),
  command.map((text) => `1. Run:\n\n   \`\`\`sh\n   ${text.replace(/\n/g, '\n   ')}\n   \`\`\``),
  command.map((text) => `> \`\`\`powershell\n> ${text.replace(/\n/g, '\n> ')}\n> \`\`\``),
  json.map((text) => `**Output:**\n\n\`\`\`json\n${text}\n\`\`\``),
  // This session's readers: HTML <pre>, MkDocs tabs' indented fences, text transcripts, prose steps, cmd continuations.
  fc.tuple(command, noise).map(([text, inner]) => `<div> <pre>${text.replace(/</g, '&lt;')}</pre>${inner}</div>`),
  command.map((text) => `=== "AWS CLI"\n\n    \`\`\`bash\n    ${text.replace(/\n/g, '\n    ')}\n    \`\`\``),
  // MkDocs admonitions whose bodies hold prose, fences, nested tabs and TABs, read as documents of their own.
  fc.tuple(fc.constantFrom('!!! note', '??? tip "A title"', '???+ warning', '=== "Tab"'), noise, command, fc.constantFrom('    ', '\t', '        ')).map(
    ([opener, prose, text, indent]) => `${opener}\n${indent}${prose}\n\n${indent}\`\`\`bash\n${indent}${text.replace(/\n/g, `\n${indent}`)}\n${indent}\`\`\`\n\n${indent}=== "Inner"\n${indent}    ${prose}`,
  ),
  fc.tuple(noise, command, json).map(([banner, text, output]) => `\`\`\`text\n${banner}\n$ ${text}\n${output}\n\`\`\``),
  fc.tuple(noise, command).map(([step, text]) => `\`\`\`\n1. List the team's ${step}:\n   ${text}\n\`\`\``),
  command.map((text) => `In windows\n\n\`\`\`\n${text.replace(/ --/g, ' ^\n  --')}\n\`\`\``),
  link.map((url) => `See [the guide](${url}).`),
  noise.map((text) => `## ${text}`),
  noise,
);
const rstPiece = fc.oneof(
  command.map((text) => `The following example runs a command. ::\n\n    ${text.replace(/\n/g, '\n    ')}`),
  json.map((text) => `Output::\n\n    ${text.replace(/\n/g, '\n    ')}`),
  link.map((url) => `For more information, see \`the guide <${url}>\`__.`),
  noise.map((text) => `**Example 1: ${text}**`),
  noise,
);

const document = fc.oneof(
  fc.array(markdownPiece, { maxLength: 6 }).map((pieces) => ({ name: 'guide.md', text: pieces.join('\n\n') })),
  fc.array(rstPiece, { maxLength: 6 }).map((pieces) => ({ name: 'cognito-idp/list-users.rst', text: pieces.join('\n\n') })),
);

test('any document: no internal error, exit 0 or 1, every finding inside the text', async () => {
  const scratch = scratchFolder('hostile-documents');
  let run = 0;
  await fc.assert(
    fc.asyncProperty(document, async ({ name, text }) => {
      const folder = path.join(scratch, String(run++));
      const file = path.join(folder, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      const result = await runCli(['check', folder, '--format', 'json']);
      expect(result.stderr, text).toBe('');
      expect([0, 1], text).toContain(result.code);
      const lines = text.split(/\r\n|\r|\n/);
      const report = JSON.parse(result.stdout) as { files: { messages: { line: number; column: number; endLine: number; endColumn: number; message: string }[] }[] };
      for (const message of report.files.flatMap((each) => each.messages)) {
        expect(message.message, text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u001b\u202e]/);
        if (text === '' || message.line === 1 && message.column === 1) continue;
        expect(message.line, text).toBeGreaterThanOrEqual(1);
        expect(message.endLine, text).toBeLessThanOrEqual(lines.length);
        expect(message.column, text).toBeLessThanOrEqual(lines[message.line - 1]!.length + 1);
        expect(message.endColumn, text).toBeLessThanOrEqual(lines[message.endLine - 1]!.length + 1);
      }
    }),
    { numRuns: 150 },
  );
}, 120_000);
