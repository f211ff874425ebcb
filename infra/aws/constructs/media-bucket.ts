import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Props of {@link MediaBucket}. */
interface MediaBucketProps {
  /**
   * Production keeps the bucket if the stack goes (it empties itself within days anyway).
   * @default false
   */
  protect?: boolean;
}

/** Where story uploads live; the house function's bucket grants are scoped to it. */
const MEDIA_PREFIX = 'stories/';

/**
 * Tandem's story media bucket: private (every public access blocked, bucket-owner objects only, no
 * ACLs), TLS only, SSE-S3, and every object gone two days after its upload (a story is a 24-hour
 * thing; an Instagram container that expires after a day is made again from the same upload).
 * Objects are reached only through URLs the stories functions sign.
 */
class MediaBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: MediaBucketProps = {}) {
    super(scope, id);
    const protect = props.protect ?? false;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [
        { id: 'ExpireUploads', expiration: Duration.days(2) },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Server access logs would need a second bucket and its policy in a stack near CloudFormation’s 500 resources, to log objects kept two days: every object is written and read only through a URL a Tandem function signed, and that function logs the key it signed with the request id.',
    });
  }
}

export type { MediaBucketProps };
export { MEDIA_PREFIX, MediaBucket };
