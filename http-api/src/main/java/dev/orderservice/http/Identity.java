package dev.orderservice.http;

/**
 * Decides which customer a request acts for when an authorizer has verified one: the verified customer, whom a
 * request may leave unnamed but may not contradict.
 */
public final class Identity {

    private Identity() {
    }

    static String customerFor(HttpRequest request, String requestedCustomerId) {
        return customerFor(request.authenticatedCustomerId().orElse(null), requestedCustomerId);
    }

    /**
     * Returns the customer a request acts for.
     *
     * @param authenticatedCustomerId the verified customer, or {@code null} when the request is not authenticated
     * @param requestedCustomerId the customer the body or query names, or {@code null}
     * @throws ForbiddenException when the request names a customer other than the verified one
     */
    public static String customerFor(String authenticatedCustomerId, String requestedCustomerId) {
        if (authenticatedCustomerId == null) {
            return requestedCustomerId;
        }
        if (requestedCustomerId != null && !requestedCustomerId.equals(authenticatedCustomerId)) {
            throw new ForbiddenException();
        }
        return authenticatedCustomerId;
    }
}
