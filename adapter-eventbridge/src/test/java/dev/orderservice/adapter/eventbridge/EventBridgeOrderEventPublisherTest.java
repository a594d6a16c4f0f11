package dev.orderservice.adapter.eventbridge;

import static dev.orderservice.core.port.out.contract.TestOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderservice.adapter.eventbridge.PutEventsTestServer.Entry;
import dev.orderservice.adapter.eventbridge.PutEventsTestServer.Reply;
import dev.orderservice.core.domain.OrderDomainEvent;
import dev.orderservice.core.domain.OrderStatus;
import dev.orderservice.core.port.out.OrderEventPublisher.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBridgeOrderEventPublisherTest {

    private final PutEventsTestServer server = PutEventsTestServer.start();
    private final List<Integer> pauses = new ArrayList<>();
    private final EventBridgeOrderEventPublisher publisher = TestPublishers.publisher(server, pauses);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void entry_carries_name_source_bus_time_and_detail() {
        OrderDomainEvent event = OrderDomainEvent.announcing(anOrder().status(OrderStatus.PAID).build());

        publisher.publish(List.of(event));

        Entry entry = server.calls().get(0).get(0);
        assertThat(entry.detailType()).isEqualTo("OrderPaid");
        assertThat(entry.source()).isEqualTo(TestPublishers.SOURCE);
        assertThat(entry.eventBusName()).isEqualTo(TestPublishers.BUS);
        assertThat(entry.time()).isEqualTo(event.occurredAt());
        assertThat(entry.detail()).isEqualTo("{\"orderId\":\"" + event.orderId() + "\",\"customerId\":\"cust-42\","
                + "\"total\":\"61.81\",\"currency\":\"USD\",\"version\":2,"
                + "\"occurredAt\":\"2026-12-04T19:00:01.123Z\"}");
    }

    @Test
    void batch_of_25_goes_in_calls_of_10_10_and_5() {
        List<OrderDomainEvent> events = events(25);

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).isEmpty();
        assertThat(server.calls()).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(server.receivedEvents()).containsExactlyElementsOf(events);
    }

    @Test
    void transiently_failed_entries_are_sent_again_alone() {
        List<OrderDomainEvent> events = events(4);
        server.reply(Reply.failingEntries(Map.of(1, "ThrottlingException", 3, "InternalFailure")));

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).isEmpty();
        assertThat(server.calls()).hasSize(2);
        assertThat(server.calls().get(1)).extracting(Entry::toEvent).containsExactly(events.get(1), events.get(3));
        assertThat(pauses).containsExactly(2);
    }

    @Test
    void entry_failing_every_attempt_is_reported_with_its_error() {
        List<OrderDomainEvent> events = events(3);
        Reply secondEntryThrottled = Reply.failingEntries(Map.of(1, "ThrottlingException"));
        Reply onlyEntryThrottled = Reply.failingEntries(Map.of(0, "ThrottlingException"));
        server.reply(secondEntryThrottled, onlyEntryThrottled, onlyEntryThrottled, onlyEntryThrottled);

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).extracting(Failure::event).containsExactly(events.get(1));
        assertThat(failures.get(0).reason()).contains("ThrottlingException", "4 attempts");
        assertThat(server.calls()).hasSize(EventBridgeOrderEventPublisher.MAX_ATTEMPTS);
        assertThat(pauses).containsExactly(2, 3, 4);
    }

    @Test
    void permanent_entry_error_is_reported_without_retry() {
        List<OrderDomainEvent> events = events(3);
        server.reply(Reply.failingEntries(Map.of(2, "MalformedDetail")));

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).extracting(Failure::event).containsExactly(events.get(2));
        assertThat(failures.get(0).reason()).startsWith("MalformedDetail: ");
        assertThat(server.calls()).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void throttled_call_is_retried_until_accepted() {
        List<OrderDomainEvent> events = events(2);
        server.reply(Reply.throttling(), Reply.throttling());

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).isEmpty();
        assertThat(server.calls()).hasSize(3);
        assertThat(server.calls()).allSatisfy(call -> assertThat(call).hasSize(2));
        assertThat(pauses).containsExactly(2, 3);
    }

    @Test
    void call_throttled_every_time_reports_all_its_events() {
        List<OrderDomainEvent> events = events(2);
        server.reply(Reply.throttling(), Reply.throttling(), Reply.throttling(), Reply.throttling());

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).extracting(Failure::event).containsExactlyElementsOf(events);
        assertThat(failures.get(0).reason()).contains("HTTP 400", "gave up after 4 attempts");
        assertThat(server.calls()).hasSize(4);
    }

    @Test
    void server_error_is_retried() {
        List<OrderDomainEvent> events = events(1);
        server.reply(Reply.failingCall(500, "InternalException"));

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).isEmpty();
        assertThat(server.calls()).hasSize(2);
    }

    @Test
    void access_denied_is_reported_without_retry() {
        List<OrderDomainEvent> events = events(2);
        server.reply(Reply.failingCall(400, "AccessDeniedException"));

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).extracting(Failure::event).containsExactlyElementsOf(events);
        assertThat(failures.get(0).reason()).contains("HTTP 400", "gave up after 1 attempts");
        assertThat(server.calls()).hasSize(1);
    }

    @Test
    void events_after_failed_call_are_reported_unsent() {
        List<OrderDomainEvent> events = events(25);
        server.reply(Reply.acceptingAll(), Reply.failingEntries(Map.of(4, "AccessDeniedException")));

        List<Failure> failures = publisher.publish(events);

        List<OrderDomainEvent> failedAndUnsent = new ArrayList<>(List.of(events.get(14)));
        failedAndUnsent.addAll(events.subList(20, 25));
        assertThat(failures).extracting(Failure::event).containsExactlyElementsOf(failedAndUnsent);
        assertThat(failures.get(0).reason()).startsWith("AccessDeniedException");
        assertThat(failures.get(1).reason()).contains("not sent");
        assertThat(server.calls()).hasSize(2);
    }

    @Test
    void unreachable_endpoint_reports_every_event() {
        List<OrderDomainEvent> events = events(2);
        server.close();

        List<Failure> failures = publisher.publish(events);

        assertThat(failures).extracting(Failure::event).containsExactlyElementsOf(events);
        assertThat(pauses).containsExactly(2, 3, 4);
    }

    private static List<OrderDomainEvent> events(int count) {
        List<OrderDomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(OrderDomainEvent.announcing(anOrder().build()));
        }
        return events;
    }
}
