package dev.orderservice.lambda.runtime;

import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a function's environment from template.yaml for tables on a local DynamoDB-API server. */
final class FunctionFixture {

    /** A cursor secret of at least the 32 characters that the template's CursorSecret parameter requires. */
    static final String CURSOR_SECRET = "lambda-runtime-test-cursor-secret-0123456789";

    private FunctionFixture() {
    }

    /**
     * Returns the environment that Lambda would give the function {@code functionId}: the template's variables,
     * its parameters at their defaults, the given tables, and {@code DYNAMODB_ENDPOINT} for the local server.
     */
    static Map<String, String> environment(SamTemplate template, String functionId, DynamoDbSettings tables) {
        Map<String, String> references = Map.of(
                "OrdersTable", tables.ordersTable(),
                "ProductsTable", tables.productsTable(),
                "CursorSecret", CURSOR_SECRET);
        Map<String, String> environment = new LinkedHashMap<>(template.resolvedEnvironment(functionId, references));
        environment.put("DYNAMODB_ENDPOINT", tables.endpoint().toString());
        return environment;
    }

    /** Returns the function's handler string, such as {@code dev.orderservice.lambda.HttpApiHandler::handleRequest}. */
    static String handler(SamTemplate template, String functionId) {
        return template.string("Resources", functionId, "Properties", "Handler");
    }

    /** Returns the body of a POST /orders that buys two T-shirts and a mug, which totals 61.81 USD. */
    static String placeOrderBody(String customerId) {
        return "{\"customerId\":\"" + customerId + "\",\"currency\":\"USD\",\"items\":["
                + "{\"sku\":\"SKU-TSHIRT-M\",\"quantity\":2},{\"sku\":\"SKU-MUG-01\",\"quantity\":1}]}";
    }
}
