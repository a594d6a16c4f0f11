package dev.orderservice.lambda.s3import;

import java.util.Map;

class S3ImportInMemoryTest extends S3ImportContract {

    @Override
    protected Map<String, String> storeEnvironment() {
        return Map.of("ORDERS_STORE", "memory");
    }
}
