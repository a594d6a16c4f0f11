package dev.orderservice.lambda.s3import;

import java.util.Objects;
import java.util.Optional;

/**
 * One object that an S3 {@code ObjectCreated} notification announces.
 *
 * @param key the object key, already decoded from the notification's URL encoding
 * @param versionId the object's version in a versioned bucket, or {@code null}
 * @param eTag the object's entity tag without quotes, which names its content in an unversioned bucket
 */
record ObjectCreated(String eventName, String bucket, String key, String versionId, String eTag) {

    ObjectCreated {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eTag, "eTag");
    }

    Optional<String> version() {
        return Optional.ofNullable(versionId);
    }

    /** Returns the version id, or the entity tag when the bucket is not versioned, prefixed so the two differ. */
    String revision() {
        return versionId != null ? "version:" + versionId : "etag:" + eTag;
    }
}
