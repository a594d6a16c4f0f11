package dev.orderservice.local;

/** What every local server component builds; one component per store, chosen at start-up. */
public interface LocalServerComponent {

    LocalServer server();
}
