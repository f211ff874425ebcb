import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Error codes go into log lines as `errorCode` (Tandem's) or `metaCode` / `metaSubcode` (Graph's), so
 * one Logs Insights query (`filter errorCode = "…"`) finds every line of a kind. A bare `code` field
 * says neither whose code it is nor matches that query.
 */

const ROOT = join(import.meta.dirname, '../../../..');
const LOG_METHODS = new Set(['debug', 'info', 'warn', 'error']);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/** `file:line` of every log call whose data object (at any depth) has a `code` property. */
const logCallsWritingCode = (path: string, text = readFileSync(path, 'utf8')): string[] => {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const inData = (node: ts.Node): void => {
    if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      node.name.getText().replace(/['"]/g, '') === 'code'
    ) {
      found.push(where(node));
    }
    ts.forEachChild(node, inData);
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      LOG_METHODS.has(node.expression.name.text)
    ) {
      for (const argument of node.arguments.slice(1)) inData(argument);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe('Log lines', () => {
  it('never write an error code under a bare `code` field', () => {
    // Act
    const offenders = sourceFiles(join(ROOT, 'functions')).flatMap((path) =>
      logCallsWritingCode(path)
    );

    // Assess
    expect(offenders).toEqual([]);
  });

  it('finds a log call that does, however deep the field (the check can fail)', () => {
    // Prepare
    const text = [
      "log.info('fine', { errorCode: 'x', error: { metaCode: 4 } });",
      "jobLog.warn('job failed', { messageId, failure: { code: failure.code } });",
    ].join('\n');

    // Act
    const offenders = logCallsWritingCode(join(ROOT, 'functions/sample.ts'), text);

    // Assess
    expect(offenders).toEqual(['functions/sample.ts:2']);
  });
});
