package dev.orderservice.lambda.s3import;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * The S3 endpoint and region of the import function.
 *
 * @param endpoint the URL to call instead of the region's AWS endpoint, such as an S3-API server for tests, or
 *     {@code null} for AWS itself. With an endpoint, buckets are addressed by path, as such servers expect.
 * @param region the AWS region of the buckets
 */
record S3ImportSettings(URI endpoint, Region region) {

    /** The region a local endpoint is signed for when {@code AWS_REGION} is not set. */
    static final Region LOCAL_DEFAULT_REGION = Region.US_EAST_1;

    /**
     * Reads the settings from {@code S3_ENDPOINT} (optional) and {@code AWS_REGION}; an empty variable counts as
     * unset.
     *
     * @throws IllegalArgumentException when {@code S3_ENDPOINT} is not an http or https URL, or
     *     {@code AWS_REGION} is missing without it
     */
    static S3ImportSettings fromEnvironment(Map<String, String> environment) {
        String endpoint = read(environment, "S3_ENDPOINT");
        String region = read(environment, "AWS_REGION");
        if (region == null && endpoint == null) {
            throw new IllegalArgumentException("AWS_REGION is not set; set it to the region of the import bucket,"
                    + " such as eu-west-1, or set S3_ENDPOINT to use a local S3-API server");
        }
        return new S3ImportSettings(endpoint == null ? null : parseEndpoint(endpoint),
                region == null ? LOCAL_DEFAULT_REGION : Region.of(region));
    }

    private static String read(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static URI parseEndpoint(String value) {
        URI endpoint;
        try {
            endpoint = new URI(value);
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException("S3_ENDPOINT must be a URL such as http://127.0.0.1:4568, was \""
                    + value + "\"", invalid);
        }
        boolean http = "http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme());
        if (!http || endpoint.getHost() == null) {
            throw new IllegalArgumentException("S3_ENDPOINT must be an http or https URL with a host, such as"
                    + " http://127.0.0.1:4568, was \"" + value + "\"");
        }
        return endpoint;
    }
}
