// A local endpoint that answers oddly (#11.9): replay findings at the commands, never a TypeError or an internal error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const examples = ['get-user.rst', 'admin-get-user.rst'].map((name) => path.resolve('examples/cognito-idp', name));
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(answer: (respond: (status: number, type: string | undefined, body: string) => void) => void): Promise<string> {
  server = createServer((request, response) => {
    request.resume();
    answer((status, type, body) => {
      response.writeHead(status, type ? { 'content-type': type } : {});
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('replay against an endpoint that answers oddly', () => {
  it.each([
    ['an HTML page', 200, 'text/html', '<html><body>hello</body></html>', /the server's answer is not a response of the service \(HTTP 200, text\/html\)/],
    ['an empty JSON object', 200, 'application/x-amz-json-1.1', '{}', /the server's answer lacks what the service returns/],
    ['a bare 500', 500, 'text/plain', 'boom', /the server's answer is not a response of the service \(HTTP 500, text\/plain\)/],
    ['binary noise', 200, undefined, '\u0000\u0001not json', /the server's answer is not a response of the service \(HTTP 200\)/],
  ])('%s gives one finding per command and the run goes on', async (_, status, type, body, reason) => {
    const endpoint = await serve((respond) => respond(status, type, body));
    const result = await runCli(['replay', ...examples, '--target', 'endpoint', '--endpoint-url', endpoint, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { messages: { ruleId: string; message: string }[] }[] };
    expect(report.files).toHaveLength(2);
    for (const file of report.files) {
      const replay = file.messages.filter((message) => message.ruleId === 'replay-mismatch');
      expect(replay).toHaveLength(1);
      expect(replay[0]!.message).toMatch(reason);
      expect(replay[0]!.message).not.toMatch(/\n|TypeError|Deserialization error/);
    }
  });

  it('a server that never answers costs a time-out, not a hung run', async () => {
    const endpoint = await serve(() => undefined);
    const result = await runCli(['replay', examples[0]!, '--target', 'endpoint', '--endpoint-url', endpoint, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/requestTimeout/);
  }, 60_000);
});
