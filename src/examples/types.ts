import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { AwsCommand } from '../commands/types.js';
import type { DocumentFormat, Position, SourceLine } from '../document/types.js';
import type { JsonParseResult, JsonValueMap } from './json/types.js';

export type OutputKind = 'json' | 'text' | 'table' | 'none';

/**
 * Why a block was read as a command's output: a label (`Output:`, `**Example response**`), a sentence that says
 * the command returns or prints it, an output heading under the command's section, nothing at all (a JSON block
 * right after the command block: a weak cue), the lines after a prompt in a terminal transcript, or the JSON the
 * command's own block shows after it.
 */
export type OutputCue = 'introducer' | 'sentence' | 'heading' | 'adjacent' | 'transcript' | 'same-block';

export interface Output {
  kind: OutputKind;
  position: Position;
  /** The block's text as displayed (dedented); for `none`, the sentence. */
  raw: string;
  lines: SourceLine[];
  /** The parsed JSON value when `raw` parses (strictly or with `...` elisions removed). */
  value?: unknown;
  /** Positions of every JSON key and value, by JSON pointer; present whenever `value` is. */
  map?: JsonValueMap;
  /** The whole parse of a `json` output (value, map, first syntax error, elisions), stored once for the rules. */
  json?: JsonParseResult;
  /** The index in `Example.commands` of the command this output documents. */
  commandIndex: number;
  introducer?: string;
  /** Why the block was attached to its command (absent for "no output" sentences). */
  cue?: OutputCue;
}

export interface FileContent {
  /** The file name from the introducer, e.g. ``Contents of ``policy.json``::`` → `policy.json`. */
  name: string;
  raw: string;
  position: Position;
  lines: SourceLine[];
}

export interface Link {
  url: string;
  text: string;
  position: Position;
}

export interface Example {
  /** 0-based index in the document. */
  index: number;
  title: string | null;
  /** The number in `Example N:` titles. */
  titleNumber?: number;
  titlePosition?: Position;
  position: Position;
  commands: AwsCommand[];
  outputs: Output[];
  files: FileContent[];
  links: Link[];
  /** The "For more information, see ..." reference. */
  reference?: Link;
  notes: string[];
}

/** A JSON block that no command claims as its output and no sentence presents as a file. */
export interface UnclaimedBlock {
  position: Position;
  /** The line of the command before it: in the same example, else in an earlier one (then `titleLine` is set). */
  commandLine?: number;
  /** The line of the title that starts the block's example after that command (a bold paragraph read as a title). */
  titleLine?: number;
}

export interface ExampleDocument {
  path: string;
  format: DocumentFormat;
  file: VFile;
  tree: Root;
  examples: Example[];
  unclaimed?: UnclaimedBlock[];
}
