import { visible } from '../visible.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from a document (or anything else) as HTML text or a quoted attribute value: markup characters become
 * entities, and controls and bidirectional overrides are shown as escapes (`visible`), never obeyed.
 */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** A long text cut to `limit` characters, saying how much was left out. */
export function capped(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length - limit} more characters)` : text;
}
