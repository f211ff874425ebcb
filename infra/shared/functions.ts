import type { TableName } from './resources.js';

type TableAccess = 'read' | 'readWrite';

/**
 * What a function may touch. The CDK house function turns each need into an environment variable and
 * a least-privilege grant; the local runtime turns it into the same environment variable.
 */
interface Needs {
  tables?: Partial<Record<TableName, TableAccess>>;
  /** The sync queue: send jobs to it, or consume it (which includes moving letters to its DLQ). */
  syncQueue?: 'send' | 'consume';
  /** The KMS key that wraps token data keys. */
  tokenKey?: 'encrypt' | 'decrypt' | 'encryptDecrypt';
  /** The Meta app secret (signatures, appsecret_proof, token exchange). */
  metaAppSecret?: boolean;
}

interface FunctionSpec {
  /** CDK construct id; also names the function in logs and benchmarks. */
  id: string;
  /** Module, from the repository root, that exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  needs: Needs;
}

const functions = {
  health: {
    id: 'Health',
    entry: 'functions/http/health.ts',
    description: 'Answers liveness checks with the build and Graph API version.',
    timeoutSeconds: 5,
    memoryMb: 256,
    needs: {},
  },
  worker: {
    id: 'SyncWorker',
    entry: 'functions/queue/worker.ts',
    description: 'Consumes sync and reconcile jobs from the sync queue.',
    timeoutSeconds: 30,
    memoryMb: 512,
    needs: {
      tables: { links: 'readWrite', idempotency: 'readWrite', driftReports: 'readWrite' },
      syncQueue: 'consume',
      tokenKey: 'decrypt',
      metaAppSecret: true,
    },
  },
  reconciler: {
    id: 'Reconciler',
    entry: 'functions/schedule/reconciler.ts',
    description:
      'Starts a reconcile run on schedule: fans the links out to the sync queue by shard.',
    timeoutSeconds: 60,
    memoryMb: 512,
    needs: {
      tables: { links: 'read', driftReports: 'readWrite' },
      syncQueue: 'send',
    },
  },
} as const satisfies Record<string, FunctionSpec>;

type FunctionName = keyof typeof functions;

/** How often the reconciler starts a run in AWS. */
const reconcileSchedule = { rateMinutes: 60 } as const;

export type { FunctionName, FunctionSpec, Needs, TableAccess };
export { functions, reconcileSchedule };
