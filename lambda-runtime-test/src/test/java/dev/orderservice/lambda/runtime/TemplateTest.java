package dev.orderservice.lambda.runtime;

import static dev.orderservice.lambda.runtime.SamTemplate.asList;
import static dev.orderservice.lambda.runtime.SamTemplate.asMap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.adapter.dynamodb.DynamoDbTables;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks template.yaml against the Lambda package it deploys and the tables the DynamoDB adapter expects, so
 * that a renamed handler, a moved zip or a widened policy fails the build instead of a deployment.
 */
class TemplateTest {

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    private static final String TYPED_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    /** Class file major versions by Lambda runtime: Java 17 reads up to 61, Java 21 up to 65. */
    private static final Map<String, Integer> MAX_CLASS_VERSION = Map.of("java17", 61, "java21", 65);
    /** Every DynamoDB call the adapter makes while serving requests, by the table it makes it on. */
    private static final Set<String> ORDERS_TABLE_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:PutItem",
            "dynamodb:UpdateItem");
    private static final Set<String> CUSTOMER_INDEX_ACTIONS = Set.of("dynamodb:Query");
    private static final Set<String> PRODUCTS_TABLE_ACTIONS = Set.of("dynamodb:BatchGetItem", "dynamodb:Scan");
    private static final Pattern SUB_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}(/index/([\\w.-]+))?");

    private static final String LAMBDA_ZIP = "adapter-lambda/target/orders-lambda.zip";
    private static final String PIPELINES_ZIP = "adapter-lambda/target/orders-lambda-pipelines.zip";

    private static SamTemplate template;
    private static final Map<String, LambdaPackage> PACKAGES = new HashMap<>();
    private static final Map<String, URLClassLoader> CLASS_LOADERS = new HashMap<>();

    @BeforeAll
    static void load() {
        template = SamTemplate.load(BuildFiles.samTemplate());
        PACKAGES.put(LAMBDA_ZIP, LambdaPackage.unzip(BuildFiles.lambdaZip(),
                BuildFiles.workDirectory("template-test-task")));
        PACKAGES.put(PIPELINES_ZIP, LambdaPackage.unzip(BuildFiles.pipelinesZip(),
                BuildFiles.workDirectory("template-test-pipelines-task")));
        PACKAGES.forEach((codeUri, lambdaPackage) -> CLASS_LOADERS.put(codeUri, lambdaPackage.openClassLoader()));
    }

    @AfterAll
    static void closeClassLoaders() throws IOException {
        for (URLClassLoader loader : CLASS_LOADERS.values()) {
            loader.close();
        }
    }

    /** Returns the unzipped package that a function's CodeUri names, so each handler is checked in its own zip. */
    private static LambdaPackage packageOf(String functionId) {
        return PACKAGES.get((String) template.functionProperty(functionId, "CodeUri"));
    }

    private static URLClassLoader classesOf(String functionId) {
        return CLASS_LOADERS.get((String) template.functionProperty(functionId, "CodeUri"));
    }

    @Test
    void transforms_resolve_conditions_before_sam() {
        List<Object> transforms = asList(template.get("Transform"), "Transform");

        assertThat(transforms).containsExactly("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31");
    }

    @Test
    void template_has_api_and_event_functions() {
        assertThat(template.resourcesOfType(FUNCTION)).containsOnlyKeys("HttpApiFunction", "RestApiFunction",
                "EventQueueFunction", "EventStreamFunction", "ImportFunction", "OrderStreamFunction");
    }

    @Test
    void every_handler_is_handler_class_at_zip_root() throws Exception {
        for (String functionId : template.resourcesOfType(FUNCTION).keySet()) {
            String[] handler = FunctionFixture.handler(template, functionId).split("::");
            String className = handler[0];
            Class<?> handlerClass = Class.forName(className, false, classesOf(functionId));

            assertThat(handler).as(functionId + " names class::method").hasSize(2);
            assertThat(packageOf(functionId).hasClassAtRoot(className)).as(className + " at the zip's root").isTrue();
            assertThat(implementsHandlerInterface(handlerClass, classesOf(functionId))).as(className + " implements " + STREAM_HANDLER
                    + " or " + TYPED_HANDLER).isTrue();
            assertThat(handlerClass.getConstructor().getModifiers() & Modifier.PUBLIC)
                    .as(className + " has a public no-argument constructor").isNotZero();
            assertThat(publicMethodsNamed(handlerClass, handler[1])).as(className + "::" + handler[1]).isNotEmpty();
        }
    }

    @Test
    void stream_handlers_take_stream_signature() throws Exception {
        for (String functionId : template.resourcesOfType(FUNCTION).keySet()) {
            URLClassLoader packageClasses = classesOf(functionId);
            Class<?> streamHandler = packageClasses.loadClass(STREAM_HANDLER);
            String[] handler = FunctionFixture.handler(template, functionId).split("::");
            Class<?> handlerClass = Class.forName(handler[0], false, packageClasses);
            if (!streamHandler.isAssignableFrom(handlerClass)) {
                continue;
            }

            Method method = handlerClass.getMethod(handler[1], InputStream.class, OutputStream.class,
                    packageClasses.loadClass(CONTEXT));

            assertThat(method.getReturnType()).isEqualTo(void.class);
        }
    }

    @Test
    void handler_classes_run_on_template_runtime() throws Exception {
        for (String functionId : template.resourcesOfType(FUNCTION).keySet()) {
            String runtime = (String) template.functionProperty(functionId, "Runtime");
            String className = FunctionFixture.handler(template, functionId).split("::")[0];

            assertThat(MAX_CLASS_VERSION).as("a Java runtime for " + functionId).containsKey(runtime);
            assertThat(classFileMajorVersion(className)).as(className + " on " + runtime)
                    .isLessThanOrEqualTo(MAX_CLASS_VERSION.get(runtime));
        }
    }

    @Test
    void every_code_uri_is_a_built_zip() {
        Path repositoryRoot = BuildFiles.samTemplate().getParent();
        for (String functionId : template.resourcesOfType(FUNCTION).keySet()) {
            String codeUri = (String) template.functionProperty(functionId, "CodeUri");
            boolean pipeline = functionId.equals("ImportFunction") || functionId.equals("OrderStreamFunction");

            assertThat(codeUri).as(functionId).isEqualTo(pipeline ? PIPELINES_ZIP : LAMBDA_ZIP);
            assertThat(repositoryRoot.resolve(codeUri).normalize())
                    .isEqualTo(pipeline ? BuildFiles.pipelinesZip() : BuildFiles.lambdaZip());
        }
    }

    @Test
    void api_and_event_zip_leaves_out_s3_and_eventbridge() {
        LambdaPackage lean = PACKAGES.get(LAMBDA_ZIP);

        assertThat(lean.hasLibrary("s3-")).isFalse();
        assertThat(lean.hasLibrary("eventbridge-")).isFalse();
        assertThat(PACKAGES.get(PIPELINES_ZIP).hasLibrary("s3-")).isTrue();
        assertThat(PACKAGES.get(PIPELINES_ZIP).hasLibrary("eventbridge-")).isTrue();
    }

    @Test
    void every_function_uses_snapstart_on_published_alias() {
        for (String functionId : template.resourcesOfType(FUNCTION).keySet()) {
            Map<String, Object> snapStart = asMap(template.functionProperty(functionId, "SnapStart"), "SnapStart");

            assertThat(snapStart.get("ApplyOn")).as(functionId).isEqualTo("PublishedVersions");
            // SnapStart applies to published versions only, so the API must call an alias, never $LATEST.
            assertThat(template.functionProperty(functionId, "AutoPublishAlias")).as(functionId).isNotNull();
        }
    }

    @Test
    void every_function_gets_cursor_secret_and_tables() {
        for (String functionId : template.resourcesOfType(FUNCTION).keySet()) {
            Map<String, Object> environment = template.environment(functionId);

            assertThat(environment.get("ORDERS_CURSOR_SECRET")).as(functionId).isEqualTo(Map.of("Ref", "CursorSecret"));
            assertThat(environment.get("ORDERS_TABLE")).as(functionId).isEqualTo(Map.of("Ref", "OrdersTable"));
            assertThat(environment.get("PRODUCTS_TABLE")).as(functionId).isEqualTo(Map.of("Ref", "ProductsTable"));
            assertThat(environment.get("ORDERS_STORE")).as(functionId).isEqualTo("dynamodb");
            assertThat((String) environment.get("JAVA_TOOL_OPTIONS")).as(functionId)
                    .contains("-XX:TieredStopAtLevel=1");
        }
        assertThat(template.map("Parameters", "CursorSecret").get("NoEcho")).isEqualTo(true);
    }

    @Test
    void every_function_logs_to_group_with_retention() {
        for (String functionId : template.resourcesOfType(FUNCTION).keySet()) {
            Map<String, Object> loggingConfig = asMap(template.functionProperty(functionId, "LoggingConfig"),
                    functionId + " LoggingConfig");
            String logGroupId = refName(loggingConfig.get("LogGroup"));
            Map<String, Object> logGroup = template.map("Resources", logGroupId);

            assertThat(logGroup.get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(asMap(logGroup.get("Properties"), logGroupId).get("RetentionInDays"))
                    .isEqualTo(Map.of("Ref", "LogRetentionInDays"));
        }
    }

    @Test
    void policies_grant_only_adapter_calls_on_own_tables() {
        // The event functions have roles of their own instead of Policies, and EventTemplateTest checks them.
        for (String functionId : List.of("HttpApiFunction", "RestApiFunction")) {
            List<Object> policies = asList(template.functionProperty(functionId, "Policies"), functionId + " Policies");
            Set<String> granted = new HashSet<>();

            for (Object policy : policies) {
                Map<String, Object> document = asMap(policy, functionId + " policy");
                assertThat(document).as(functionId + ": only inline statements, no managed policy").containsOnlyKeys(
                        "Statement");
                for (Object statement : asList(document.get("Statement"), functionId + " Statement")) {
                    granted.addAll(checkStatement(functionId, asMap(statement, functionId + " statement")));
                }
            }

            assertThat(granted).as(functionId + " grants every call the adapter makes").containsExactlyInAnyOrder(
                    "OrdersTable dynamodb:GetItem", "OrdersTable dynamodb:PutItem", "OrdersTable dynamodb:UpdateItem",
                    "OrdersTable/byCustomer dynamodb:Query", "ProductsTable dynamodb:BatchGetItem",
                    "ProductsTable dynamodb:Scan");
        }
    }

    @Test
    void tables_use_on_demand_and_recovery() {
        for (Map.Entry<String, Map<String, Object>> table : template.resourcesOfType(TABLE).entrySet()) {
            Map<String, Object> properties = asMap(table.getValue().get("Properties"), table.getKey());
            Map<String, Object> recovery = asMap(properties.get("PointInTimeRecoverySpecification"),
                    table.getKey() + " PointInTimeRecoverySpecification");

            assertThat(properties.get("BillingMode")).as(table.getKey()).isEqualTo("PAY_PER_REQUEST");
            assertThat(recovery.get("PointInTimeRecoveryEnabled")).as(table.getKey()).isEqualTo(true);
            assertThat(table.getValue().get("DeletionPolicy")).as(table.getKey()).isEqualTo("Retain");
        }
        assertThat(template.resourcesOfType(TABLE)).containsOnlyKeys("OrdersTable", "ProductsTable");
    }

    @Test
    void orders_table_has_adapter_keys_and_customer_index() {
        Map<String, Object> properties = template.map("Resources", "OrdersTable", "Properties");
        List<Object> indexes = asList(properties.get("GlobalSecondaryIndexes"), "GlobalSecondaryIndexes");
        Map<String, Object> byCustomer = asMap(indexes.get(0), "byCustomer");

        assertThat(attributeTypes(properties)).isEqualTo(Map.of("orderId", "S", "customerId", "S",
                "createdAtOrderId", "S"));
        assertThat(keys(properties.get("KeySchema"))).isEqualTo(List.of("orderId HASH"));
        assertThat(indexes).hasSize(1);
        assertThat(byCustomer.get("IndexName")).isEqualTo(DynamoDbTables.CUSTOMER_INDEX);
        assertThat(keys(byCustomer.get("KeySchema"))).isEqualTo(List.of("customerId HASH", "createdAtOrderId RANGE"));
        assertThat(asMap(byCustomer.get("Projection"), "Projection").get("ProjectionType")).isEqualTo("ALL");
    }

    @Test
    void products_table_is_keyed_by_sku() {
        Map<String, Object> properties = template.map("Resources", "ProductsTable", "Properties");

        assertThat(attributeTypes(properties)).isEqualTo(Map.of("sku", "S"));
        assertThat(keys(properties.get("KeySchema"))).isEqualTo(List.of("sku HASH"));
    }

    @Test
    void http_function_takes_every_path_in_payload_2() {
        Map<String, Object> events = asMap(template.functionProperty("HttpApiFunction", "Events"), "Events");

        assertThat(routes(events, "HttpApi", "ApiId")).contains("HttpApi ANY /", "HttpApi ANY /{proxy+}");
        for (Object event : events.values()) {
            Map<String, Object> properties = asMap(asMap(event, "event").get("Properties"), "event Properties");
            assertThat(properties.get("PayloadFormatVersion")).isEqualTo("2.0");
        }
    }

    @Test
    void rest_function_takes_every_path() {
        Map<String, Object> events = asMap(template.functionProperty("RestApiFunction", "Events"), "Events");

        assertThat(routes(events, "Api", "RestApiId")).contains("RestApi ANY /", "RestApi ANY /{proxy+}");
    }

    @Test
    void authorizers_attach_only_when_configured() {
        Map<String, Object> httpAuth = asMap(template.map("Resources", "HttpApi", "Properties").get("Auth"), "Auth");
        Map<String, Object> restAuth = asMap(template.map("Resources", "RestApi", "Properties").get("Auth"), "Auth");
        List<Object> httpChoice = asList(httpAuth.get("Fn::If"), "HttpApi Auth Fn::If");
        List<Object> restChoice = asList(restAuth.get("Fn::If"), "RestApi Auth Fn::If");

        assertThat(httpChoice.get(0)).isEqualTo("HasJwtAuthorizer");
        assertThat(httpChoice.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
        assertThat(restChoice.get(0)).isEqualTo("HasCognitoAuthorizer");
        assertThat(restChoice.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
        assertThat(template.map("Conditions").toString()).contains("JwtIssuer", "JwtAudience", "CognitoUserPoolArn");
        assertThat(template.map("Parameters", "JwtIssuer").get("Default")).isEqualTo("");
        assertThat(template.map("Parameters", "CognitoUserPoolArn").get("Default")).isEqualTo("");
    }

    @Test
    void outputs_name_both_api_urls() {
        Map<String, Object> outputs = template.map("Outputs");

        assertThat(template.string("Outputs", "HttpApiUrl", "Value", "Fn::Sub")).startsWith("https://${HttpApi}.");
        assertThat(template.string("Outputs", "RestApiUrl", "Value", "Fn::Sub")).startsWith("https://${RestApi}.");
        assertThat(outputs).containsKeys("OrdersTableName", "ProductsTableName");
    }

    private static boolean implementsHandlerInterface(Class<?> handlerClass, ClassLoader packageClasses)
            throws ClassNotFoundException {
        return packageClasses.loadClass(STREAM_HANDLER).isAssignableFrom(handlerClass)
                || packageClasses.loadClass(TYPED_HANDLER).isAssignableFrom(handlerClass);
    }

    private static List<Method> publicMethodsNamed(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(method -> method.getName().equals(name)).toList();
    }

    private static int classFileMajorVersion(String className) throws IOException {
        Path classFile = PACKAGES.get(LAMBDA_ZIP).root().resolve(className.replace('.', '/') + ".class");
        try (DataInputStream in = new DataInputStream(Files.newInputStream(classFile))) {
            in.readInt();
            in.readUnsignedShort();
            return in.readUnsignedShort();
        }
    }

    /**
     * Checks one policy statement and returns what it grants, as "Table action" or "Table/index action". Every
     * resource must be a table of this template or its index, and every action one that the adapter needs there.
     */
    private static List<String> checkStatement(String functionId, Map<String, Object> statement) {
        assertThat(statement.get("Effect")).as(functionId).isEqualTo("Allow");
        List<Object> actions = asList(statement.get("Action"), functionId + " Action");
        List<String> grants = new ArrayList<>();
        for (Object resource : asList(statement.get("Resource"), functionId + " Resource")) {
            String target = tableTarget(functionId, resource);
            Set<String> allowed = target.equals("OrdersTable") ? ORDERS_TABLE_ACTIONS
                    : target.equals("OrdersTable/" + DynamoDbTables.CUSTOMER_INDEX) ? CUSTOMER_INDEX_ACTIONS
                    : target.equals("ProductsTable") ? PRODUCTS_TABLE_ACTIONS : Set.of();
            for (Object action : actions) {
                assertThat(allowed).as(functionId + ": " + action + " on " + target).contains((String) action);
                grants.add(target + " " + action);
            }
        }
        return grants;
    }

    /** Returns the table, or table/index, that a policy resource names; fails for anything else. */
    private static String tableTarget(String functionId, Object resource) {
        Map<String, Object> function = asMap(resource, functionId + " policy resource " + resource);
        String table;
        String index = null;
        if (function.containsKey("Fn::GetAtt")) {
            List<Object> getAtt = asList(function.get("Fn::GetAtt"), "Fn::GetAtt");
            assertThat(getAtt.get(1)).isEqualTo("Arn");
            table = (String) getAtt.get(0);
        } else {
            Object sub = function.get("Fn::Sub");
            assertThat(sub).as(functionId + ": " + resource + " is Fn::GetAtt or Fn::Sub").isInstanceOf(String.class);
            Matcher arn = SUB_ARN.matcher((String) sub);
            assertThat(arn.matches()).as(functionId + ": " + resource + " is a table or index ARN").isTrue();
            table = arn.group(1);
            index = arn.group(3);
        }
        assertThat(template.resourcesOfType(TABLE)).as(functionId + ": " + table + " is a table of this template")
                .containsKey(table);
        return index == null ? table : table + "/" + index;
    }

    private static Map<String, String> attributeTypes(Map<String, Object> tableProperties) {
        Map<String, String> types = new TreeMap<>();
        for (Object definition : asList(tableProperties.get("AttributeDefinitions"), "AttributeDefinitions")) {
            Map<String, Object> attribute = asMap(definition, "AttributeDefinition");
            types.put((String) attribute.get("AttributeName"), (String) attribute.get("AttributeType"));
        }
        return types;
    }

    private static List<String> keys(Object keySchema) {
        return asList(keySchema, "KeySchema").stream()
                .map(key -> asMap(key, "KeySchema element"))
                .map(key -> key.get("AttributeName") + " " + key.get("KeyType"))
                .toList();
    }

    private static List<String> routes(Map<String, Object> events, String type, String apiProperty) {
        List<String> routes = new ArrayList<>();
        for (Map.Entry<String, Object> event : events.entrySet()) {
            Map<String, Object> definition = asMap(event.getValue(), event.getKey());
            assertThat(definition.get("Type")).as(event.getKey()).isEqualTo(type);
            Map<String, Object> properties = asMap(definition.get("Properties"), event.getKey());
            routes.add(refName(properties.get(apiProperty)) + " " + properties.get("Method") + " "
                    + properties.get("Path"));
        }
        return routes;
    }

    private static String refName(Object reference) {
        Object name = asMap(reference, "a Ref").get("Ref");
        assertThat(name).as("Ref in " + reference).isInstanceOf(String.class);
        return (String) name;
    }
}
