import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { MediaBucket } from '../../../infra/aws/constructs/media-bucket.js';
import { bareStack } from '../helpers.js';

describe('Construct: MediaBucket', () => {
  it('is private, TLS only, encrypted, and forgets uploads after two days', () => {
    // Prepare
    const stack = bareStack();
    // Act
    new MediaBucket(stack, 'Media');
    // Assess
    const template = Template.fromStack(stack);
    const [bucket] = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(bucket?.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket?.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
    ]);
    expect(bucket?.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ExpirationInDays: 2, Status: 'Enabled' }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
      ])
    );
    const [policy] = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain(
      '"aws:SecureTransport":"false"'
    );
  });

  it('is retained with the stack only when asked to protect', () => {
    const stack = bareStack();
    new MediaBucket(stack, 'Media', { protect: true });
    const [bucket] = Object.values(Template.fromStack(stack).findResources('AWS::S3::Bucket'));
    expect(bucket?.UpdateReplacePolicy).toBe('Retain');
  });
});
