import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaStore } from '../../core/stories/ports.js';

/**
 * Story uploads in Tandem's S3 bucket, by query-string signed URLs (SigV4). The PUT URL signs the
 * content type and length, so S3 refuses any other type or size; the bucket is private and forgets
 * objects after two days (infra/aws/constructs/media-bucket.ts).
 */

/**
 * Creates the store on `bucket`, through `client` (aws/clients.ts `s3`, created once per execution
 * environment).
 *
 * @example
 * const media = createS3MediaStore(config.MEDIA_BUCKET, s3());
 */
const createS3MediaStore = (bucket: string, client: S3Client): MediaStore => ({
  presignPut: async (key, { contentType, bytes, expiresInSeconds }) => {
    const headers = { 'content-type': contentType, 'content-length': String(bytes) };
    const url = await getSignedUrl(
      client,
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: contentType,
        ContentLength: bytes,
      }),
      { expiresIn: expiresInSeconds, signableHeaders: new Set(Object.keys(headers)) }
    );
    return { url, headers };
  },

  presignGet: (key, expiresInSeconds) =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    }),

  head: async (key) => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        bytes: head.ContentLength ?? 0,
        uploadedAt: head.LastModified ?? new Date(0),
        ...(head.ContentType ? { contentType: head.ContentType } : {}),
      };
    } catch (error) {
      // Without s3:ListBucket (not granted to readers: it would list every tenant's keys) S3
      // answers a missing key with 403, not 404.
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      if (status === 404 || status === 403) return undefined;
      throw error;
    }
  },

  removeUnder: async (prefix) => {
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })
      );
      const keys = (page.Contents ?? []).flatMap((object) =>
        object.Key ? [{ Key: object.Key }] : []
      );
      if (keys.length > 0) {
        await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } })
        );
        deleted += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return deleted;
  },
});

export { createS3MediaStore };
