package dev.orderservice.lambda.s3import;

/**
 * The counts of one finished import, as its result object and log line report them.
 *
 * @param linesRead the lines that were not blank, each of them placed, replayed or refused
 * @param resultKey the key of the result object, or {@code null} when the import wrote none
 */
record ImportSummary(String bucket, String key, String resultKey, int linesRead, int ordersPlaced, int replays,
        int linesRefused) {
}
