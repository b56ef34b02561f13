/**
 * Whether one sentence says that a command prints nothing: "This command produces no output.", "If the
 * command succeeds, no output is returned.", "There is no output if the command succeeds.", "No output." ...
 * A small grammar rather than a list, so new wordings match; sentences that promise some output after all
 * ("... no output other than the exit status") do not.
 */
export function isNoOutputSentence(text: string): boolean {
  const sentence = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^output:: ?/i, '')
    .replace(/[\s.:!]+$/, '');
  const match = NO_OUTPUT_SENTENCE.exec(sentence);
  const rest = match?.groups!['rest'] ?? '';
  return match !== null && !SOME_OUTPUT_AFTER_ALL.test(rest) && !SAYS_WHAT_NONE_MEANS.test(rest);
}

/** "No output at all → the subnet has no association", "no output means ...": what an empty answer would tell, not a claim. */
const SAYS_WHAT_NONE_MEANS = /→|⇒|=>|->|\b(?:means?|indicates?|signifies|tells you)\b/i;

/** "If successful, ", "When the command succeeds, ", "Because the output is saved in a file, ". */
const condition = String.raw`(?:(?:if|when|once|on|upon|after|because|as)\b[^,]*, )?`;
/** "This command", "The following ``wait`` command", "It", "AWS Config". */
const subject = String.raw`(?:(?:this|the|that|each)(?: \S+){0,2} (?:command|example|operation|call|request)|it|aws config|the (?:aws )?cli)`;
const produces = String.raw`(?:will )?(?:produce[sd]*|returns?|has|gives|generates|displays|prints|outputs|shows|emits|sends back)`;
const doesNot = String.raw`(?:does not|doesn't|will not|won't) (?:produce|return|have|give|generate|display|print|show|emit) any`;
const statement = String.raw`(?:${subject} (?:${produces} no|${doesNot})|there is no|no) output(?: is (?:returned|produced|displayed|shown|generated|printed))?`;
/** What may follow: nothing, punctuation, or a clause ("if it succeeds", "in the terminal", "but pauses ..."). */
const rest = String.raw`(?<rest>(?: ?[,;(\-].*| (?:if|when|once|on|upon|in|to|at|after|but|and|because|as|while|other|except|besides|apart|aside|unless|beyond)\b.*))?`;

const NO_OUTPUT_SENTENCE = new RegExp(String.raw`^${condition}${statement}${rest}$`, 'i');
const SOME_OUTPUT_AFTER_ALL = /^[\s,;(-]*(?:other than|except|besides|apart from|aside from|unless|beyond)\b/i;
