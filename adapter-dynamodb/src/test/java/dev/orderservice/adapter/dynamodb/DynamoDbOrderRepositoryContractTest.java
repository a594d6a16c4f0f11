package dev.orderservice.adapter.dynamodb;

import dev.orderservice.core.port.out.OrderRepository;
import dev.orderservice.core.port.out.contract.OrderRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the order storage contract against DynamoDB, all tests on one table as the contract allows. */
class DynamoDbOrderRepositoryContractTest extends OrderRepositoryContract {

    @RegisterExtension
    static final DynamoDbTestServer dynamoDb = new DynamoDbTestServer();

    private static DynamoDbStore store;

    @BeforeAll
    static void openStore() {
        store = DynamoDbStore.create(dynamoDb.newTables());
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Override
    protected OrderRepository newRepository() {
        return store.orderRepository();
    }
}
