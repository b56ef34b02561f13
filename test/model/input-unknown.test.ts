import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AwsCommand, UnknownSpan, Word } from '../../src/commands/types.js';
import { translateCommand } from '../../src/model/input/index.js';
import { UNKNOWN_JSON_VALUE, UNKNOWN_TEXT, isWhollyUnknown, markedText } from '../../src/model/input/unknown.js';
import { embeddedModels } from '../../src/model/load.js';
import { commandOf } from './input-support.js';

const models = embeddedModels();

// What the commands stage marks in the author's reading (Word.unknown): placeholders, variables, substitutions.
const UNKNOWN = /<[^<>\s]+>|\{\{[^{}]*\}\}|\$\{\w+\}|\$\w+|\$\([^()]*\)/g;

/** A command with the unknown stretches of its words marked as the commands stage marks them; `kind` for all. */
function commandWithUnknowns(text: string, kind: UnknownSpan['kind'] = 'variable'): AwsCommand {
  const command = commandOf(text);
  const mark = (word: Word): Word => {
    const spans = [...word.value.matchAll(UNKNOWN)].map((match) => ({ start: match.index, end: match.index + match[0].length, kind }));
    return spans.length > 0 ? { ...word, unknown: spans } : word;
  };
  return { ...command, words: command.words.map(mark), leadingGlobals: command.leadingGlobals.map(mark), args: command.args.map(mark) };
}

function problems(text: string, kind?: UnknownSpan['kind']): string[] {
  const translation = translateCommand(commandWithUnknowns(text, kind), { models, documentDir: '.', treeRoot: '.' });
  return translation.problems.map((problem) => `${problem.kind}: ${problem.message}`);
}

describe('values whose content is not known here', () => {
  it('are not checked for type, enum, length or pattern, whole or in part', () => {
    expect(problems('aws cognito-idp list-users --user-pool-id <user-pool-id> --limit $LIMIT')).toEqual([]);
    expect(problems('aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username "$USER_NAME"')).toEqual([]);
    expect(problems('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name $CHALLENGE --session $(cat session.txt)')).toEqual([]);
    // Part of a value: the known rest is no more checkable than the whole.
    expect(problems('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED --session AYA{{session}}')).toEqual([]);
  });

  it('still have their option names, arity, required members and known values checked', () => {
    // The misspelt option is the one defect: the option it meant is not also reported missing.
    expect(problems('aws cognito-idp list-users --userpool-id <user-pool-id>')).toEqual([
      "unknown-parameter: Unknown parameter '--userpool-id' for 'aws cognito-idp list-users'. Did you mean '--user-pool-id'?",
    ]);
    expect(problems('aws cognito-idp admin-get-user --username <name>')).toEqual([
      "missing-required-parameter: Missing required parameter '--user-pool-id' for 'aws cognito-idp admin-get-user'.",
    ]);
    expect(problems('aws cognito-idp list-users --user-pool-id $POOL --limit')).toEqual(["invalid-parameter-value: '--limit' expects a value."]);
    expect(problems('aws cognito-idp list-users --user-pool-id $POOL --limit ten')).toEqual(["invalid-parameter-value: --limit: 'ten' is not an integer."]);
    expect(problems('aws cognito-idp list-users --user-pool-id $POOL stray')).toEqual([
      "unknown-parameter: Unexpected word 'stray': 'aws cognito-idp list-users' takes no positional arguments here.",
    ]);
  });

  it('keep the JSON and shorthand structure around them checked', () => {
    const update = 'aws cognito-idp update-user-pool --user-pool-id $POOL --account-recovery-setting';
    // An unknown JSON value where a value stands, an unknown text inside a string: the rest is read and checked.
    expect(problems(`${update} '{"RecoveryMechanisms": [{"Priority": $PRIORITY, "Name": "verified_email"}]}'`)).toEqual([]);
    expect(problems(`${update} '{"RecoveryMechanisms": [{"Priority": $PRIORITY}]}'`)).toEqual([
      'invalid-parameter-value: Missing required parameter in AccountRecoverySetting.RecoveryMechanisms[0]: "Name".',
    ]);
    expect(problems(`${update} '{"RecoveryMechanisms": [{"Priority": 1, "Name": "<name>", "Colour": 2}]}'`)).toEqual([
      'invalid-parameter-value: Unknown parameter in AccountRecoverySetting.RecoveryMechanisms[0]: "Colour", must be one of: Priority, Name.',
    ]);
    // A syntax error before the unknown value is the author's; after it, it may be the value's doing.
    expect(problems(`${update} '{"RecoveryMechanisms": [{"Priority" 1, "Name": $NAME}]}'`)).toHaveLength(1);
    expect(problems(`${update} '{"RecoveryMechanisms": [{"Priority": 1, $MORE}]}'`)).toEqual([]);
    expect(problems('aws cognito-idp admin-update-user-attributes --user-pool-id $POOL --username $USER --user-attributes Name=email,Value=$EMAIL')).toEqual([]);
    expect(problems('aws cognito-idp admin-update-user-attributes --user-pool-id $POOL --username $USER --user-attributes Name=email,Value={{email}},Colour=blue')).toEqual([
      'invalid-parameter-value: Unknown parameter in UserAttributes[0]: "Colour", must be one of: Name, Value.',
    ]);
  });

  it('are accepted whole for a structure or list option, without structure checks', () => {
    expect(problems('aws cognito-idp admin-update-user-attributes --user-pool-id $POOL --username $USER --user-attributes $ATTRS')).toEqual([]);
    expect(problems('aws cognito-idp list-users --user-pool-id $POOL --attributes-to-get $NAMES')).toEqual([]);
  });

  it('stop file:// reads and --cli-input-json, and say so without pretending the file is missing', () => {
    expect(problems('aws cognito-idp list-users --cli-input-json "$JSON"')).toEqual([]);
    expect(problems('aws cognito-idp list-users --cli-input-json file://$DIR/input.json')).toEqual([
      "missing-file: 'file://$DIR/input.json' names its file through a value not known here: its content is not checked.",
    ]);
    expect(problems('aws cognito-idp list-users --cli-input-json \'{"UserPoolId": "$POOL", "Limit": $LIMIT}\'')).toEqual([]);
  });

  it('give no model findings at all where their reading depends on a shell error', () => {
    expect(problems('aws cognito-idp list-users --user-pool-id $BROKEN --limit ten', 'unreliable')).toEqual([
      "invalid-parameter-value: --limit: 'ten' is not an integer.",
    ]);
    const command = commandOf('aws cognito-idp list-users --limit 5 stray words');
    const unreliable = (word: Word): Word => (['stray', 'words'].includes(word.value) ? { ...word, unknown: [{ start: 0, end: word.value.length, kind: 'unreliable' }] } : word);
    const translation = translateCommand({ ...command, args: command.args.map(unreliable) }, { models, documentDir: '.', treeRoot: '.' });
    // Neither the stray words nor the required parameter they might have held.
    expect(translation.problems).toEqual([]);
  });

  it('are marked so that no check sees their content, for any text and spans', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(40), fc.nat(10))), (value, ranges) => {
        const unknown = ranges.map(([start, length]) => ({ start: Math.min(start, value.length), end: Math.min(start + length, value.length), kind: 'variable' as const }));
        const word: Word = { value, raw: value, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 }, unknown };
        const marked = markedText(word);
        const covered = unknown.filter((span) => span.end > span.start);
        if (covered.length > 0) expect(marked.includes(UNKNOWN_TEXT) || marked.includes(UNKNOWN_JSON_VALUE)).toBe(true);
        else expect(marked).toBe(value);
        // A word without text is wholly unknown when marked so at all: what xargs appends, which no document shows.
        if (isWhollyUnknown(word)) expect(covered.length > 0 || (value === '' && unknown.length > 0)).toBe(true);
      }),
    );
  });
});
