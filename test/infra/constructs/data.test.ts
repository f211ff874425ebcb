import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tables } from '../../../functions/adapters/dynamodb/tables.js';
import { Data } from '../../../infra/aws/constructs/data.js';
import { bareStack } from '../helpers.js';

describe('Construct: Data', () => {
  it('builds one table per spec and exposes each with its index names', () => {
    // Act
    const data = new Data(bareStack(), 'Data');
    // Assess
    expect(Object.keys(data.tables).sort()).toEqual(Object.keys(tables).sort());
    expect(data.tables.links.indexNames).toEqual(tables.links.indexes.map((index) => index.name));
  });

  it('turns on deletion protection and retention when asked to protect', () => {
    // Prepare
    const stack = bareStack();
    // Act
    new Data(stack, 'Data', { protect: true });
    // Assess
    for (const table of Object.values(
      Template.fromStack(stack).findResources('AWS::DynamoDB::Table')
    )) {
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.UpdateReplacePolicy).toBe('Retain');
    }
  });
});
