package dev.orderservice.lambda;

import static dev.orderservice.lambda.EventFunction.ORDER_A;
import static dev.orderservice.lambda.EventFunction.sqsFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.orderservice.adapter.dynamodb.DynamoDbSettings;
import dev.orderservice.adapter.dynamodb.DynamoDbTestServer;
import dev.orderservice.core.domain.OrderStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every test of {@link SqsEventHandlerTest} again with {@code ORDERS_STORE=dynamodb} on a DynamoDB-API server,
 * fresh tables for each test, plus a store whose endpoint has nothing listening.
 */
class SqsEventHandlerDynamoDbTest extends SqsEventHandlerTest {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private DynamoDbSettings tables;

    @Override
    protected EventFunction newFunction() {
        tables = dynamoDb.newTables();
        return EventFunction.onDynamoDb(tables);
    }

    @Test
    void unreachable_endpoint_reports_every_message() throws IOException {
        Map<String, String> environment = new HashMap<>(EventFunction.dynamoDbEnvironment(tables));
        environment.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + closedPort());
        LambdaComponent unreachable = LambdaComponent.create(environment,
                new InvocationLog(new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC()));
        SQSEvent batch = sqsFixture("life-cycle-batch.json");

        SQSBatchResponse response = function.sqsHandler(unreachable.applyEvent()).handleRequest(batch,
                TestContext.random());

        assertThat(reported(response)).containsExactlyElementsOf(messageIds(batch, 0, 1, 2, 3));
        assertThat(function.logLines()).extracting(line -> line.string("reason")).containsOnly("UNAVAILABLE");
        assertThat(function.order(ORDER_A).status()).isEqualTo(OrderStatus.PLACED);
    }

    /** Returns a port of 127.0.0.1 that was free a moment ago, so nothing listens on it. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
