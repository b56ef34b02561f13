import type { Definition, Link } from 'mdast';
import { forEachNode } from '../document/walk.js';
import type { Rule } from './types.js';

/**
 * A server on the reader's own machine (`http://localhost:8001`, `http://127.0.0.1:4566`, `http://[::1]:8080`), which a
 * document starts itself, the instance metadata service seen from inside an instance or task (`169.254.169.254`,
 * `169.254.170.2`, `[fd00:ec2::254]`), or one on a private network (`10.0.0.5`, `192.168.1.20`): none serves https
 * under a public certificate, and switching the scheme would break the link.
 */
const LOCAL_URL =
  /^http:\/\/(?:[^/@]*@)?(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|169\.254(?:\.\d{1,3}){2}|\[fd00:ec2::254\]|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2})(?=[:/?#]|$)/i;

/** Reports links to `http://` URLs. */
const httpLink: Rule = {
  id: 'http-link',
  severity: 'warning',
  description:
    'Documentation links should use https: an `http://` link is redirected at best and can be tampered with on ' +
    'the way. Links in text, standalone URLs and `.. _name: url` targets are checked; the fix changes the scheme. ' +
    'Links to the reader\'s own machine (`localhost`, `127.0.0.1`, `[::1]`), a local server the document starts, to the instance metadata service (`169.254.169.254`) and to private networks (`10.0.0.5`) are not: none serves https.',
  examples: {
    ok: [
      { name: 'demo/list-things.rst', text: 'See `Things <https://example.com/things>`__.\n', messages: [] },
      { name: 'guide.md', text: '# Local admin\n\nOpen http://localhost:8001 or <http://127.0.0.1:4566/health> in a browser.\n', messages: [] },
      { name: 'guide.md', text: '# Metadata\n\nFrom the instance, open [the metadata root](http://169.254.169.254/latest/meta-data/) or http://10.0.1.15:8080/.\n', messages: [] },
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
      if (!url.startsWith('http://') || LOCAL_URL.test(url)) return;
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
