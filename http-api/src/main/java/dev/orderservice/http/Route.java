package dev.orderservice.http;

import java.util.List;
import java.util.Optional;

/** The resources of API.md, matched by path; a path parameter such as an order id is captured. */
enum Route {
    HEALTH(List.of("GET"), true),
    PRODUCTS(List.of("GET"), false),
    ORDERS(List.of("GET", "POST"), false),
    ORDER(List.of("GET"), false),
    CANCEL_ORDER(List.of("POST"), false),
    EVENTS(List.of("POST"), true);

    private final List<String> methods;
    private final boolean localOnly;

    Route(List<String> methods, boolean localOnly) {
        this.methods = methods;
        this.localOnly = localOnly;
    }

    /** A matched route and the order id in its path, or an empty string when it has none. */
    record Match(Route route, String orderId) {
    }

    /**
     * Matches a path; a single trailing slash names the same resource.
     *
     * @param withLocalRoutes whether {@code /health} and {@code /events}, served by the local server only, exist
     */
    static Optional<Match> match(String rawPath, boolean withLocalRoutes) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/")
                ? rawPath.substring(0, rawPath.length() - 1)
                : rawPath;
        String[] segments = path.split("/", -1);
        Match match = matchSegments(segments);
        if (match == null || (match.route().localOnly && !withLocalRoutes)) {
            return Optional.empty();
        }
        return Optional.of(match);
    }

    private static Match matchSegments(String[] segments) {
        // A path starts with "/", so segments[0] is always empty.
        if (segments.length < 2 || !segments[0].isEmpty()) {
            return null;
        }
        if (segments.length == 2) {
            switch (segments[1]) {
                case "health":
                    return new Match(HEALTH, "");
                case "products":
                    return new Match(PRODUCTS, "");
                case "orders":
                    return new Match(ORDERS, "");
                case "events":
                    return new Match(EVENTS, "");
                default:
                    return null;
            }
        }
        boolean underOrders = segments[1].equals("orders") && !segments[2].isEmpty();
        if (underOrders && segments.length == 3) {
            return new Match(ORDER, segments[2]);
        }
        if (underOrders && segments.length == 4 && segments[3].equals("cancel")) {
            return new Match(CANCEL_ORDER, segments[2]);
        }
        return null;
    }

    boolean allows(String method) {
        return methods.contains(method) || (method.equals("HEAD") && methods.contains("GET"));
    }

    /** Returns the value of an {@code Allow} header for this route. */
    String allowHeader() {
        StringBuilder allow = new StringBuilder();
        for (String method : methods) {
            allow.append(method).append(", ");
            if (method.equals("GET")) {
                allow.append("HEAD, ");
            }
        }
        return allow.append("OPTIONS").toString();
    }
}
