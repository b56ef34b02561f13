import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The flow, lowest stage first: a module may import its own stage and the stages below it, never one above.
// (The examples stage reads code blocks through the commands stage, so commands sits below examples.)
const STAGES = ['document', 'commands', 'examples', 'model', 'rules', 'coverage', 'pipeline', 'replay', 'update', 'reports', 'cli', 'entry'] as const;

const SRC = path.resolve('src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function stageOf(file: string): (typeof STAGES)[number] {
  const [first] = path.relative(SRC, file).split(path.sep);
  if (first === 'pipeline.ts') return 'pipeline';
  if (first === 'index.ts' || first === 'vitest.ts') return 'entry';
  const stage = STAGES.find((candidate) => candidate === first);
  if (!stage) throw new Error(`${first} is no stage of the flow: add it to STAGES in its place`);
  return stage;
}

/** Relative imports and re-exports of a module (type-only ones too: they tie the stages as much). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the source tree', () => {
  it('imports point down the flow', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (STAGES.indexOf(stageOf(target)) > STAGES.indexOf(stageOf(file))) upward.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].map((f) => path.relative(SRC, f)).join(' → '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('every import resolves to a source file (the checks above see every edge)', () => {
    const unresolved = [...graph].flatMap(([file, targets]) => targets.filter((target) => !graph.has(target)).map((target) => `${path.relative(SRC, file)} → ${target}`));
    expect(unresolved).toEqual([]);
  });
});
