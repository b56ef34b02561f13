import type { Definition, Link } from 'mdast';
import { forEachNode } from '../document/walk.js';
import type { Rule } from './types.js';

/**
 * A server on the reader's own machine (`http://localhost:8001`, `http://127.0.0.1:4566`, `http://[::1]:8080`), which a
 * document starts itself and which serves no https: switching the scheme would break the link.
 */
const LOOPBACK_URL = /^http:\/\/(?:[^/@]*@)?(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?=[:/?#]|$)/i;

/** Reports links to `http://` URLs. */
const httpLink: Rule = {
  id: 'http-link',
  severity: 'warning',
  description:
    'Documentation links should use https: an `http://` link is redirected at best and can be tampered with on ' +
    'the way. Links in text, standalone URLs and `.. _name: url` targets are checked; the fix changes the scheme. ' +
    'Links to the reader\'s own machine (`localhost`, `127.0.0.1`, `[::1]`), a local server the document starts, are not.',
  examples: {
    ok: [
      { name: 'demo/list-things.rst', text: 'See `Things <https://example.com/things>`__.\n', messages: [] },
      { name: 'guide.md', text: '# Local admin\n\nOpen http://localhost:8001 or <http://127.0.0.1:4566/health> in a browser.\n', messages: [] },
    ],
    notOk: [
      {
        name: 'demo/list-things.rst',
        text: 'See `Things <http://example.com/things>`__ and http://example.com/more.\n\n.. _Guide: http://example.com/guide\n',
        messages: [
          '1:5-1:43: warning: the link http://example.com/things uses http: use https://example.com/things',
          '1:48-1:71: warning: the link http://example.com/more uses http: use https://example.com/more',
          '3:1-3:36: warning: the link http://example.com/guide uses http: use https://example.com/guide',
        ],
      },
    ],
  },
  check({ document, report }) {
    const text = String(document.file.value);
    forEachNode(document.tree, (node) => {
      if ((node.type !== 'link' && node.type !== 'definition') || !node.position) return;
      const { url } = node as Link | Definition;
      if (!url.startsWith('http://') || LOOPBACK_URL.test(url)) return;
      const { start, end } = node.position;
      const schemeAt = text.indexOf('http://', start.offset);
      const secure = 'https://' + url.slice('http://'.length);
      report({
        start,
        end,
        message: `the link ${url} uses http: use ${secure}`,
        fingerprint: url,
        ...(schemeAt !== -1 && schemeAt < (end.offset ?? 0) ? { fix: { start: schemeAt, end: schemeAt + 'http://'.length, text: 'https://' } } : {}),
      });
    });
  },
};

export default httpLink;
