package dev.orderservice.lambda.runtime;

import static dev.orderservice.lambda.runtime.SamTemplate.asList;
import static dev.orderservice.lambda.runtime.SamTemplate.asMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the S3 import and the stream publishing in template.yaml: the import bucket's notification and its
 * prefix filter, the orders table's stream and its event source mapping, the event bus, and roles that reach
 * only these resources.
 */
class ImportAndPublishingTemplateTest {

    private static final String BUCKET_ARN = "arn:${AWS::Partition}:s3:::orders-import-${AWS::AccountId}-${StackSuffix}";

    private static SamTemplate template;

    @BeforeAll
    static void load() {
        template = SamTemplate.load(BuildFiles.samTemplate());
    }

    @Test
    void import_function_takes_objects_created_under_imports() {
        Map<String, Object> properties = eventProperties("ImportFunction", "ObjectCreated", "S3");
        List<Object> rules = asList(asMap(asMap(properties.get("Filter"), "Filter").get("S3Key"), "S3Key")
                .get("Rules"), "Rules");

        assertThat(FunctionFixture.handler(template, "ImportFunction"))
                .isEqualTo("dev.orderservice.lambda.s3import.S3ImportHandler::handleRequest");
        assertThat(properties.get("Bucket")).isEqualTo(Map.of("Ref", "ImportBucket"));
        assertThat(properties.get("Events")).isEqualTo("s3:ObjectCreated:*");
        // Results are written under results/, so a filter that matched them would import every result again.
        assertThat(rules).containsExactly(Map.of("Name", "prefix", "Value", "imports/"));
    }

    @Test
    void import_failures_are_retried_then_kept() {
        Map<String, Object> invokeConfig = asMap(template.functionProperty("ImportFunction", "EventInvokeConfig"),
                "EventInvokeConfig");
        Map<String, Object> onFailure = asMap(asMap(invokeConfig.get("DestinationConfig"), "DestinationConfig")
                .get("OnFailure"), "OnFailure");

        assertThat((Integer) invokeConfig.get("MaximumRetryAttempts")).isBetween(1, 2);
        assertThat(onFailure.get("Destination")).isEqualTo(Map.of("Fn::GetAtt", List.of("ImportFailureQueue", "Arn")));
    }

    @Test
    void import_bucket_is_private_and_named_as_role_names_it() {
        Map<String, Object> bucket = template.map("Resources", "ImportBucket", "Properties");
        Map<String, Object> publicAccess = asMap(bucket.get("PublicAccessBlockConfiguration"), "PublicAccessBlock");
        List<Object> name = asList(asMap(bucket.get("BucketName"), "BucketName").get("Fn::Sub"), "Fn::Sub");

        assertThat(publicAccess.values()).containsOnly(true);
        assertThat(bucket).doesNotContainKey("VersioningConfiguration");
        assertThat("arn:${AWS::Partition}:s3:::" + name.get(0)).isEqualTo(BUCKET_ARN);
        assertThat(name.get(1)).isEqualTo(bucketNameVariables());
    }

    @Test
    void import_role_reads_imports_and_writes_results_only() {
        assertThat(grants("ImportFunction", "ImportExecutionRole")).containsExactlyInAnyOrder(
                "logs:CreateLogStream ImportFunctionLogGroup", "logs:PutLogEvents ImportFunctionLogGroup",
                "dynamodb:GetItem OrdersTable", "dynamodb:PutItem OrdersTable",
                "dynamodb:BatchGetItem ProductsTable",
                "s3:GetObject ImportBucket/imports/*", "s3:PutObject ImportBucket/results/*",
                "s3:ListBucket ImportBucket", "sqs:SendMessage ImportFailureQueue");
    }

    @Test
    void orders_table_streams_new_and_old_images() {
        Map<String, Object> stream = asMap(template.map("Resources", "OrdersTable", "Properties")
                .get("StreamSpecification"), "StreamSpecification");

        assertThat(stream.get("StreamViewType")).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void stream_function_reports_first_failed_record() {
        Map<String, Object> properties = eventProperties("OrderStreamFunction", "OrderChanges", "DynamoDB");
        Map<String, Object> onFailure = asMap(asMap(properties.get("DestinationConfig"), "DestinationConfig")
                .get("OnFailure"), "OnFailure");

        assertThat(FunctionFixture.handler(template, "OrderStreamFunction"))
                .isEqualTo("dev.orderservice.lambda.streams.OrderStreamHandler::handleRequest");
        assertThat(properties.get("Stream")).isEqualTo(Map.of("Fn::GetAtt", List.of("OrdersTable", "StreamArn")));
        assertThat(properties.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat(properties.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat((Integer) properties.get("MaximumRetryAttempts")).isBetween(0, 10);
        assertThat(onFailure.get("Destination"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("OrderChangeFailureQueue", "Arn")));
    }

    @Test
    void stream_function_publishes_to_own_event_bus() {
        Map<String, Object> environment = template.environment("OrderStreamFunction");

        assertThat(template.string("Resources", "OrderEventBus", "Type")).isEqualTo("AWS::Events::EventBus");
        assertThat(environment.get("EVENT_BUS_NAME")).isEqualTo(Map.of("Ref", "OrderEventBus"));
        assertThat(environment.get("EVENT_SOURCE")).isEqualTo("dev.orderservice.orders");
    }

    @Test
    void stream_role_reads_stream_and_puts_events_on_bus_only() {
        assertThat(grants("OrderStreamFunction", "OrderStreamExecutionRole")).containsExactlyInAnyOrder(
                "logs:CreateLogStream OrderStreamFunctionLogGroup", "logs:PutLogEvents OrderStreamFunctionLogGroup",
                "dynamodb:DescribeStream OrdersTable/stream/*", "dynamodb:GetRecords OrdersTable/stream/*",
                "dynamodb:GetShardIterator OrdersTable/stream/*", "dynamodb:ListStreams OrdersTable/stream/*",
                "events:PutEvents OrderEventBus", "sqs:SendMessage OrderChangeFailureQueue");
    }

    /** Returns the properties of the function's only event, which must be of {@code type}. */
    private static Map<String, Object> eventProperties(String functionId, String eventId, String type) {
        Map<String, Object> events = asMap(template.functionProperty(functionId, "Events"), functionId + " Events");
        Map<String, Object> event = asMap(events.get(eventId), functionId + " " + eventId);

        assertThat(events).as(functionId + " Events").containsOnlyKeys(eventId);
        assertThat(event.get("Type")).as(functionId + " " + eventId).isEqualTo(type);
        return asMap(event.get("Properties"), functionId + " " + eventId + " Properties");
    }

    /**
     * Returns what the function's role allows, as "action resource", after checking that the function uses that
     * role and that the role has no managed policy.
     */
    private static List<String> grants(String functionId, String roleId) {
        Map<String, Object> role = template.map("Resources", roleId, "Properties");
        assertThat(template.functionProperty(functionId, "Role")).isEqualTo(Map.of("Fn::GetAtt", List.of(roleId,
                "Arn")));
        assertThat(template.map("Resources", functionId, "Properties")).doesNotContainKey("Policies");
        assertThat(role).as(roleId).doesNotContainKey("ManagedPolicyArns");

        List<String> grants = new ArrayList<>();
        for (Object policy : asList(role.get("Policies"), roleId + " Policies")) {
            Map<String, Object> document = asMap(asMap(policy, roleId + " policy").get("PolicyDocument"),
                    roleId + " PolicyDocument");
            for (Object statement : asList(document.get("Statement"), roleId + " Statement")) {
                Map<String, Object> allowed = asMap(statement, roleId + " statement");
                assertThat(allowed.get("Effect")).as(roleId).isEqualTo("Allow");
                for (Object resource : asList(allowed.get("Resource"), roleId + " Resource")) {
                    String target = resourceName(roleId, asMap(resource, roleId + " Resource " + resource));
                    for (Object action : asList(allowed.get("Action"), roleId + " Action")) {
                        grants.add(action + " " + target);
                    }
                }
            }
        }
        return grants;
    }

    /**
     * Returns the resource of this template that a policy resource names, with the path under it, such as
     * {@code ImportBucket/imports/*} or {@code OrdersTable/stream/*}, and fails for anything else.
     */
    private static String resourceName(String roleId, Map<String, Object> resource) {
        if (resource.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = asList(resource.get("Fn::GetAtt"), roleId + " Fn::GetAtt");
            assertThat(getAtt.get(1)).as(roleId + ": " + getAtt).isEqualTo("Arn");
            assertThat(template.resources()).containsKey((String) getAtt.get(0));
            return (String) getAtt.get(0);
        }
        Object sub = resource.get("Fn::Sub");
        if (sub instanceof String text) {
            assertThat(text).as(roleId + ": " + text).startsWith("${OrdersTable.Arn}");
            return "OrdersTable" + text.substring("${OrdersTable.Arn}".length());
        }
        List<Object> bucketSub = asList(sub, roleId + " Fn::Sub");
        String arn = (String) bucketSub.get(0);
        assertThat(arn).as(roleId + ": " + arn + " is the import bucket").startsWith(BUCKET_ARN);
        assertThat(bucketSub.get(1)).as(roleId + ": the bucket name's variables").isEqualTo(bucketNameVariables());
        return "ImportBucket" + arn.substring(BUCKET_ARN.length());
    }

    private static Object bucketNameVariables() {
        return asList(asMap(template.map("Resources", "ImportBucket", "Properties").get("BucketName"), "BucketName")
                .get("Fn::Sub"), "Fn::Sub").get(1);
    }
}
