import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  type KeySpec,
  type TableName,
  type TableSpec,
  tables as tableSpecs,
} from '../../../functions/adapters/dynamodb/tables.js';

/** Props of {@link Data}. */
interface DataProps {
  /**
   * Production keeps its data: deletion protection on, and tables retained if the stack goes.
   * @default false
   */
  protect?: boolean;
  /**
   * The table descriptions to build.
   * @default the table specs in functions/adapters/dynamodb/tables.ts
   */
  specs?: Record<TableName, TableSpec>;
}

/** A table together with the spec it was built from (the house function grants by index name). */
interface TandemTable {
  table: Table;
  spec: TableSpec;
  indexNames: string[];
}

const attribute = (key: KeySpec) => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * Tandem's DynamoDB tables, built from the shared specs so CDK and the local runtime agree on keys and
 * indexes. Every table is on-demand (traffic follows webhooks and schedules, not a steady rate), has
 * point-in-time recovery, is encrypted with the AWS managed key (key use is visible in CloudTrail),
 * and expires items through the spec's TTL attribute.
 */
class Data extends Construct {
  readonly tables: Record<TableName, TandemTable>;

  constructor(scope: Construct, id: string, props: DataProps = {}) {
    super(scope, id);
    const specs = props.specs ?? tableSpecs;
    const protect = props.protect ?? false;

    const build = (spec: TableSpec): TandemTable => {
      const table = new Table(this, spec.id, {
        partitionKey: attribute(spec.partitionKey),
        ...(spec.sortKey ? { sortKey: attribute(spec.sortKey) } : {}),
        ...(spec.ttlAttribute ? { timeToLiveAttribute: spec.ttlAttribute } : {}),
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: TableEncryption.AWS_MANAGED,
        deletionProtection: protect,
        removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      for (const index of spec.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
        });
      }
      return { table, spec, indexNames: spec.indexes.map((index) => index.name) };
    };

    this.tables = Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [name, build(spec)])
    ) as Record<TableName, TandemTable>;
  }
}

export type { DataProps, TandemTable };
export { Data };
