import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LinkDriftRecord, TenantPageRecord } from '../../core/reconcile/model.js';
import type { DriftReportReader, DriftReportWriter } from '../../core/reconcile/ports.js';
import { batchWriteAll } from './batch.js';
import { queryAll, queryPrefixPage } from './query.js';
import { runIndexPk } from './reconcile-runs.js';

/**
 * Drift reports in the drift-reports table (no GSI; every read is one partition):
 * - `LINKDRIFT#<tenant>#<link>` / `RUN#<runId>`: the link's history, one item per run in which it was
 *   not in sync, with field-level before/after. Run ids sort by start time, so the partition reads
 *   newest first with ScanIndexForward=false. Keyed by tenant, so a tenant reads only its own links.
 * - `RUN#<runId>#TENANT#<tenant>` / `PAGE#<shard>#<page>`: a tenant's share of one page of a run
 *   (counts, and which links drifted). Summed on read into the tenant's run summary; one partition
 *   per (run, tenant), so a run's writes spread over tenants instead of heating one partition.
 * - `RUN#<runId>` / `TENANT#<tenant>`: the run covered this tenant (beside the run's summary and
 *   checkpoints), so a finished run can tell each of its tenants without a scan.
 * Tenant ids cannot contain `#` (functions/adapters/http/route.ts), so the keys cannot collide.
 * Every item carries `expiresAt` for TTL (DRIFT_RETENTION_DAYS).
 */

const historyPk = (tenantId: string, linkId: string) => `LINKDRIFT#${tenantId}#${linkId}`;
const RUN_SK_PREFIX = 'RUN#';
const tenantRunPk = (runId: string, tenantId: string) => `RUN#${runId}#TENANT#${tenantId}`;
const runPk = (runId: string) => `RUN#${runId}`;
const TENANT_SK_PREFIX = 'TENANT#';
const pageSk = (shard: number, seq: number) =>
  `PAGE#${String(shard).padStart(4, '0')}#${String(seq).padStart(9, '0')}`;

const stripKeys = <T>(item: Record<string, unknown>): T => {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
};

const createDriftReportStore = (
  client: DynamoDBDocumentClient,
  tableName: string
): DriftReportWriter & DriftReportReader => {
  const writeAll = (items: Record<string, unknown>[]) =>
    batchWriteAll(
      client,
      tableName,
      items.map((Item) => ({ PutRequest: { Item } }))
    );

  return {
    writePage: async (records, tenants) => {
      await writeAll([
        ...records.map((record: LinkDriftRecord) => ({
          pk: historyPk(record.tenantId, record.linkId),
          sk: `${RUN_SK_PREFIX}${record.runId}`,
          ...record,
        })),
        ...tenants.map((record: TenantPageRecord) => ({
          pk: tenantRunPk(record.runId, record.tenantId),
          sk: pageSk(record.shard, record.seq),
          ...record,
        })),
        // One marker per tenant (a batch may not name one key twice).
        ...[...new Map(tenants.map((record) => [record.tenantId, record])).values()].map(
          (record) => ({
            pk: runPk(record.runId),
            sk: `${TENANT_SK_PREFIX}${record.tenantId}`,
            tenantId: record.tenantId,
            expiresAt: record.expiresAt,
          })
        ),
      ]);
    },

    runTenants: async (runId, page) => {
      const found = await queryPrefixPage(
        client,
        { tableName, pk: runPk(runId), prefix: TENANT_SK_PREFIX },
        page
      );
      return { ...found, items: found.items.map((item) => String(item.tenantId)) };
    },

    latestRunIds: async (tenantId) => {
      const newest = async (pk: string) => {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ScanIndexForward: false,
            Limit: 1,
          })
        );
        const runId = page.Items?.[0]?.runId;
        return typeof runId === 'string' ? [runId] : [];
      };
      const [all, own] = await Promise.all([
        newest(runIndexPk({ kind: 'all' })),
        newest(runIndexPk({ kind: 'tenant', tenantId })),
      ]);
      return [...all, ...own];
    },

    tenantPages: async (runId, tenantId) =>
      (
        await queryAll(client, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': tenantRunPk(runId, tenantId) },
        })
      ).map((item) => stripKeys<TenantPageRecord>(item)),

    linkHistory: async (tenantId, linkId, page) => {
      const found = await queryPrefixPage(
        client,
        { tableName, pk: historyPk(tenantId, linkId), prefix: RUN_SK_PREFIX, newestFirst: true },
        page
      );
      return { ...found, items: found.items.map((item) => stripKeys<LinkDriftRecord>(item)) };
    },
  };
};

export { createDriftReportStore };
