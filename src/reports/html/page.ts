import { createHash } from 'node:crypto';
import type { Severity } from '../../rules/types.js';
import { SCRIPT, STYLE } from './assets.js';
import { capped, escapeHtml } from './escape.js';

/** Text from a run (a note, a message, a reason) beyond this is cut: a message listing a model's every member can run to 100 kB. */
export const MESSAGE_LIMIT = 2000;
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** Severity is said in words and a sign, never by colour alone. */
export const ICONS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

// A content security policy that lets only this page's own script run: an injected <script> or on* handler
// that slipped past escaping would still be refused, and nothing is fetched from the network.
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');
const POLICY = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:`;

export interface PageParts {
  title: string;
  version: string;
  /** The models line (`models: <path> (...)`). */
  models?: string;
  notes: readonly string[];
  /** The summary's figures: label, value, and a severity when the figure counts one. */
  cards: Array<{ label: string; value: string | number; severity?: Severity }>;
  /** The page's sections after the summary, each with the id and name the navigation links to. */
  sections: Array<{ id: string; name: string; html: string }>;
}

/** The page around a report's sections: head (style, script policy), title, models, notes, navigation, summary. */
export function pageHtml(parts: PageParts): string {
  // A long figure (`5650 / 10858 (52%)`) takes two cells of the grid.
  const cards = parts.cards.map(({ label, value, severity }) => `<div${String(value).length > 8 ? ' class="wide"' : ''}><dt${severity ? ` class="sev sev-${severity}"` : ''}>${severity ? `${ICONS[severity]} ` : ''}${escapeHtml(label)}</dt><dd>${escapeHtml(String(value))}</dd></div>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="generator" content="docs-harness ${escapeHtml(parts.version)}">
<title>${escapeHtml(parts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(parts.title)}</h1>
${parts.models ? `<p class="models">${escapeHtml(parts.models)}</p>` : ''}
${parts.notes.length ? `<ul class="notes">${parts.notes.map((note) => `<li>${escapeHtml(capped(note, MESSAGE_LIMIT))}</li>`).join('')}</ul>` : ''}
<nav aria-label="sections">${parts.sections.map((section) => `<a href="#${section.id}">${section.name}</a>`).join(' · ')}</nav>
</header>
<main>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<dl class="summary">${cards.join('')}</dl>
</section>
${parts.sections.map((section) => section.html).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export function plural(severity: Severity): string {
  return `${severity}s`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`;
}

/** A bar for a value out of `max` (a decorative picture of the number beside it). */
export function bar(value: number, max: number, className = ''): string {
  if (!(value > 0) || !(max > 0)) return '';
  return `<span class="bar${className ? ` ${className}` : ''}" style="width:${Math.max(1, Math.round((value / max) * 100))}%"></span>`;
}
