package dev.orderservice.lambda;

/**
 * The SQS message or Kinesis record that carried one event, as the event log names it.
 *
 * @param requestId the Lambda request id of the invocation, or {@code null} when there is no context
 * @param id the message id of an SQS message, or the sequence number of a Kinesis record
 */
record IncomingRecord(String requestId, Source source, String id) {

    /** The kinds of batch an event arrives in, each with the name of its records' ids. */
    enum Source {
        SQS("messageId"),
        KINESIS("sequenceNumber");

        private final String idField;

        Source(String idField) {
            this.idField = idField;
        }

        /** Returns the name of the record id in the event log, as the AWS event names it. */
        String idField() {
            return idField;
        }
    }
}
