/**
 * What the prose before a block says the block is: the command's output (`Output:`, `**Example response**`,
 * "The command returns the following:"), a file or request body the reader writes ("Create a file named
 * `policy.json` with the following content:"), or nothing that tells.
 */
export type Introduction = { role: 'output'; cue: 'introducer' | 'sentence' } | { role: 'file'; name?: string } | undefined;

/** A short label: `Output:`, `Example output`, `Response:`, `Sample response (truncated):`, `Expected result`. */
export function isOutputLabel(text: string): boolean {
  // Most titles name no output: one look tells, before the label's text is cleaned.
  if (!OUTPUT_NOUN.test(text)) return false;
  const plain = text.replace(/[*_`]/g, '').replace(/\([^)]*\)/g, ' ').trim();
  const label = plain.replace(/[\s:.]+$/, '');
  // With a colon, a few more words may follow the noun: `Output esperado:`, `Output should look like:`.
  // "The response body contained:" is what the function put in the outfile, not what the CLI printed.
  return OUTPUT_LABEL.test(label) || (plain.endsWith(':') && OUTPUT_LABEL_WITH_WORDS.test(label) && !/\b(?:body|payload|file)\b/i.test(label));
}

const OUTPUT_NOUN = /output|respons|result/i;
const OUTPUT_LABEL_WITH_WORDS = /^(?:(?:an?|the|example|sample|expected|typical|success|successful|full|raw|command|json|text|cli|api|aws)\s+){0,3}(?:output|outputs|response|responses|result|results)(?:\s+[\p{L}']+){1,3}$/iu;
const OUTPUT_LABEL = /^(?:(?:an?|the|example|sample|expected|typical|success|successful|full|raw|command|json|text|cli|api|aws)\s+){0,3}(?:output|outputs|response|responses|result|results)(?:\s+(?:is|are|looks like|similar to|syntax|body))?$/i;

/** Words that make a block something the reader writes or sends, never what the command printed. */
const INPUT_WORDS =
  /(?:^|\s)`?\.env\b|\b(?:files?|named|save[sd]?|saving|creat(?:e|es|ed|ing)|write|writes|paste|cop(?:y|ied)|input|request|body|payload|polic(?:y|ies)|template|configuration|config|definition|contents? of|following contents?|parameters? file)\b/i;
/** "the JSON to pass for one extra disk", "the values you specify": what the reader gives the command, not its output. */
const GIVEN_TO_COMMAND = /\b(?:JSON|values?|arguments?)\s+(?:that\s+)?(?:to|you(?:'ll| will| can| must| should)?)\s+(?:pass|specify|provide|supply|send)\b/i;
/**
 * A sentence that says the command printed the block: it names the output, response or result, tells what the
 * reader will see, or has the command (it, this, the call) return, print or show it. "On the next sign-in, the
 * flow returns a challenge" speaks of something else, and so does an option's name (`--max-results`, `--output-file`).
 */
const OUTPUT_WORDS =
  /(?<![\w-])(?:output|outputs|response|responses|result|results|you(?:'ll| will| should)? see)(?![\w-])|\b(?:command|commands|it|this|that|which|cli|operation|call|invocation|request|example)\s+(?:\w+\s+)?(?:returns?|returned|prints?|printed|displays?|shows?|responds?|produces?|gives?|lists?)\b|\b(?:returns?|responds?|prints?|displays?|produces?)\s+(?:with\s+)?(?:the\s+following|something\s+like)\b/i;
/**
 * The same in the languages documents are most often written in besides English (Chinese, Japanese, Korean, Spanish,
 * Portuguese, French, German, Russian): "返回的结果如下所示：", "La salida es:", "Die Ausgabe:". Scripts without
 * spaces between words have no word boundaries to test.
 */
const FOREIGN_OUTPUT_WORDS =
  /结果|結果|输出|輸出|返回|响应|響應|出力|レスポンス|応答|결과|출력|응답|반환|(?<!\p{L})(?:resultados?|salida|saída|respuestas?|respostas?|devuelve|retorna|devolve|résultats?|sortie|réponse|renvoie|retourne|ausgabe|ergebnis|antwort|вывод|результат|ответ|возвращает)(?!\p{L})/iu;
/** Words of those languages that make a block something the reader writes: a file, something to save or create. */
const FOREIGN_INPUT_WORDS =
  /保存|创建|創建|作成|생성|저장|文件|ファイル|파일|(?<!\p{L})(?:crear?|cree|guard[ae]r?|guarde|criar|salv[ae]r?|arquivo|archivo|fichier|créer|enregistr\w*|datei|erstellen|speichern|файл\w*|создайте|сохраните)(?!\p{L})/iu;

/** A file name the block would be saved as. */
const FILE_NAME = /(?:^|[\s`'"(])([\w./-]*\w\.(?:json|ya?ml|txt|xml|sh|ps1|py|js|ts|tf|ini|cfg|conf|env|csv|html|pem|properties))\b/i;

/** A heading that is a file's name alone (`### lifecycle.json`, `` #### `policy.json` ``): the name. */
export function fileNameTitle(title: string): string | undefined {
  const match = /^[`'"]?([\w./-]*\w\.[A-Za-z]+)[`'"]?:?$/.exec(title.trim());
  return match && FILE_NAME.test(match[1]!) ? match[1] : undefined;
}

/**
 * Reads the last sentence of the paragraph before a Markdown block. Input words win over output words:
 * a policy or file shown to be written is never checked as a response. Except where the sentence ends by having
 * the command return or show the block, after the input words: "Create a key by running X, which returns:".
 */
export function introductionOf(paragraphText: string): Introduction {
  const text = paragraphText.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  if (isOutputLabel(text)) return { role: 'output', cue: 'introducer' };
  const sentence = lastSentenceOf(text);
  // A file name with no word of output (``launch-specification.json``:) names the file the block shows.
  const outputWords = OUTPUT_WORDS.test(sentence) || FOREIGN_OUTPUT_WORDS.test(sentence);
  if (
    ((INPUT_WORDS.test(sentence) || GIVEN_TO_COMMAND.test(sentence) || FOREIGN_INPUT_WORDS.test(sentence)) && !endsWithOutputClause(sentence)) ||
    (FILE_NAME.test(sentence) && !outputWords)
  ) {
    const name = FILE_NAME.exec(sentence)?.[1];
    return name ? { role: 'file', name } : { role: 'file' };
  }
  if (outputWords) return { role: 'output', cue: 'sentence' };
  return undefined;
}

/**
 * `..., which will return something like:`, `This command will result in a JSON response body like:`: the command
 * returning, printing or showing what follows; words after the verb name what it returns (`returns the policy:`),
 * unless they name a file to save it in.
 */
function endsWithOutputClause(sentence: string): boolean {
  const output = [...sentence.matchAll(OUTPUT_CLAUSE)].at(-1);
  if (output === undefined) return false;
  const rest = sentence.slice(output.index);
  // "This example shows the JSON to pass for one extra disk": what the reader gives the command.
  return !FILE_NAME.test(rest) && !/\b(?:save|write|file)\b/i.test(rest) && !GIVEN_TO_COMMAND.test(rest);
}

/** The command (it, which, this) returning, printing or showing something. */
const OUTPUT_CLAUSE = /\b(?:command|commands|it|this|that|which|cli|operation|call|invocation)\s+(?:\w+\s+)?(?:returns?|prints?|displays?|shows?|responds?|produces?|gives?|results?\s+in)\b/gi;

export function lastSentenceOf(text: string): string {
  // Chinese and Japanese end sentences with 。！？ and no blank after them.
  return text.split(/(?<=[.!?])\s+(?=\S)|(?<=[。！？])(?=\S)/).at(-1) ?? '';
}
