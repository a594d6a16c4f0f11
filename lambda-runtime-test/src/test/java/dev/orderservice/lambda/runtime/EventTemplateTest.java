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
 * Checks the event consumers of template.yaml: partial batch failures on both event source mappings, a
 * dead-letter queue behind the event queue, bounded retries on the stream, and roles that reach only this
 * stack's resources.
 */
class EventTemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() {
        template = SamTemplate.load(BuildFiles.samTemplate());
    }

    @Test
    void queue_function_reports_failed_messages() {
        Map<String, Object> properties = eventProperties("EventQueueFunction", "Queue", "SQS");

        assertThat(FunctionFixture.handler(template, "EventQueueFunction"))
                .isEqualTo("dev.orderservice.lambda.SqsEventHandler::handleRequest");
        assertThat(properties.get("Queue")).isEqualTo(Map.of("Fn::GetAtt", List.of("EventQueue", "Arn")));
        assertThat(properties.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat((Integer) properties.get("BatchSize")).isBetween(1, 10);
    }

    @Test
    void queue_moves_repeated_failures_to_dead_letters() {
        Map<String, Object> queue = template.map("Resources", "EventQueue", "Properties");
        Map<String, Object> redrive = asMap(queue.get("RedrivePolicy"), "RedrivePolicy");
        int functionTimeout = (Integer) template.functionProperty("EventQueueFunction", "Timeout");

        assertThat(redrive.get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("EventDeadLetterQueue", "Arn")));
        assertThat((Integer) redrive.get("maxReceiveCount")).isBetween(2, 10);
        assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * functionTimeout);
        assertThat(template.string("Resources", "EventDeadLetterQueue", "Type")).isEqualTo("AWS::SQS::Queue");
    }

    @Test
    void stream_function_stops_at_failed_record() {
        Map<String, Object> properties = eventProperties("EventStreamFunction", "Stream", "Kinesis");
        Map<String, Object> onFailure = asMap(asMap(properties.get("DestinationConfig"), "DestinationConfig")
                .get("OnFailure"), "OnFailure");

        assertThat(FunctionFixture.handler(template, "EventStreamFunction"))
                .isEqualTo("dev.orderservice.lambda.KinesisEventHandler::handleRequest");
        assertThat(properties.get("Stream")).isEqualTo(Map.of("Ref", "EventStreamArn"));
        assertThat(properties.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat(properties.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat((Integer) properties.get("MaximumRetryAttempts")).isBetween(0, 10);
        assertThat(onFailure.get("Destination"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("EventStreamFailureQueue", "Arn")));
    }

    @Test
    void stream_resources_exist_only_with_stream_arn() {
        List<Object> condition = asList(asMap(template.get("Conditions", "HasEventStream"), "HasEventStream")
                .get("Fn::Not"), "HasEventStream Fn::Not");

        assertThat(condition).containsExactly(Map.of("Fn::Equals", List.of(Map.of("Ref", "EventStreamArn"), "")));
        assertThat(template.map("Parameters", "EventStreamArn").get("Default")).isEqualTo("");
        for (String id : List.of("EventStreamFunction", "EventStreamExecutionRole", "EventStreamFunctionLogGroup",
                "EventStreamFailureQueue")) {
            assertThat(template.map("Resources", id).get("Condition")).as(id).isEqualTo("HasEventStream");
        }
        assertThat(template.map("Resources", "EventQueueFunction")).doesNotContainKey("Condition");
    }

    @Test
    void queue_role_reaches_only_its_resources() {
        assertThat(grants("EventQueueFunction", "EventQueueExecutionRole")).containsExactlyInAnyOrder(
                "logs:CreateLogStream EventQueueFunctionLogGroup", "logs:PutLogEvents EventQueueFunctionLogGroup",
                "dynamodb:GetItem OrdersTable", "dynamodb:UpdateItem OrdersTable",
                "sqs:ReceiveMessage EventQueue", "sqs:DeleteMessage EventQueue", "sqs:GetQueueAttributes EventQueue");
    }

    @Test
    void stream_role_reaches_only_its_resources() {
        assertThat(grants("EventStreamFunction", "EventStreamExecutionRole")).containsExactlyInAnyOrder(
                "logs:CreateLogStream EventStreamFunctionLogGroup", "logs:PutLogEvents EventStreamFunctionLogGroup",
                "dynamodb:GetItem OrdersTable", "dynamodb:UpdateItem OrdersTable",
                "kinesis:DescribeStream EventStreamArn", "kinesis:DescribeStreamSummary EventStreamArn",
                "kinesis:GetRecords EventStreamArn", "kinesis:GetShardIterator EventStreamArn",
                "kinesis:ListShards EventStreamArn", "sqs:SendMessage EventStreamFailureQueue");
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
     * role, that the role has no managed policy, and that every resource is a {@code Ref} or {@code Fn::GetAtt Arn}
     * of this template.
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
                grants.addAll(statementGrants(roleId, asMap(statement, roleId + " statement")));
            }
        }
        return grants;
    }

    private static List<String> statementGrants(String roleId, Map<String, Object> statement) {
        assertThat(statement.get("Effect")).as(roleId).isEqualTo("Allow");
        List<String> grants = new ArrayList<>();
        for (Object resource : asList(statement.get("Resource"), roleId + " Resource")) {
            String target = resourceName(roleId, asMap(resource, roleId + " Resource " + resource));
            for (Object action : asList(statement.get("Action"), roleId + " Action")) {
                grants.add(action + " " + target);
            }
        }
        return grants;
    }

    /** Returns the template resource or parameter that a policy resource names, and fails for anything else. */
    private static String resourceName(String roleId, Map<String, Object> resource) {
        if (resource.containsKey("Ref")) {
            String name = (String) resource.get("Ref");
            assertThat(template.map("Parameters")).as(roleId + ": " + name + " is a parameter").containsKey(name);
            return name;
        }
        List<Object> getAtt = asList(resource.get("Fn::GetAtt"), roleId + " Fn::GetAtt");
        assertThat(getAtt.get(1)).as(roleId + ": " + getAtt).isEqualTo("Arn");
        assertThat(template.resources()).as(roleId + ": " + getAtt.get(0) + " is a resource of this template")
                .containsKey((String) getAtt.get(0));
        return (String) getAtt.get(0);
    }
}
