package dev.orderservice.lambda;

import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every test of {@link KinesisEventHandlerTest} again with {@code ORDERS_STORE=dynamodb}, fresh tables for each. */
class KinesisEventHandlerDynamoDbTest extends KinesisEventHandlerTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    @Override
    protected EventFunction newFunction() {
        return EventFunction.onDynamoDb(dynamoDb.newTables());
    }
}
