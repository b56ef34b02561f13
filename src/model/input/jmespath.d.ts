// @types/jmespath declares `search` only; the package also exports the parser the CLI's --query check needs.
import 'jmespath';

declare module 'jmespath' {
  /** Parses a JMESPath expression; throws a `ParserError` (or `LexerError`) for one the spec does not allow. */
  export function compile(expression: string): unknown;
}
