package dev.orderservice.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line of the local server: help, and start-up failures that are reported in one line. */
class LocalServerMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void help_lists_options_and_exits_0(String flag) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int status = LocalServerMain.run(Map.of(), new String[] {flag}, new PrintStream(output, true,
                StandardCharsets.UTF_8));

        String help = output.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(help).contains("--port (PORT)", "Default: 8080", "--host (HOST)", "Default: 127.0.0.1",
                "--store (ORDERS_STORE)", "--catalog-file (CATALOG_FILE)", "--cors-allowed-origins",
                "PRICING_TAX_RATE", "Default: 0.0825", "PRICING_SHIPPING_FEE", "PRICING_FREE_SHIPPING_FROM",
                "DYNAMODB_ENDPOINT", "ORDERS_TABLE", "PRODUCTS_TABLE", "ORDERS_CURSOR_SECRET");
        assertThat(help.indexOf("--port")).isLessThan(help.indexOf("--host"));
        assertThat(help.indexOf("--host")).isLessThan(help.indexOf("--store"));
        assertThat(help.indexOf("--store")).isLessThan(help.indexOf("--catalog-file"));
        assertThat(help.indexOf("--catalog-file")).isLessThan(help.indexOf("--cors-allowed-origins"));
    }

    @Test
    void unknown_option_lists_options_in_fixed_order() {
        assertThatThrownBy(() -> LocalServerSettings.from(Map.of(), "--prot"))
                .hasMessage("unknown option --prot; the options are [--port, --host, --store, --catalog-file,"
                        + " --cors-allowed-origins] and --help");
    }

    @Test
    void port_in_use_message_is_one_line() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            LocalServer server = InMemoryLocalServerComponent.create(
                    LocalServerSettings.forTest(Map.of("HOST", "127.0.0.1", "PORT", port))).server();

            assertThatThrownBy(server::start)
                    .isInstanceOf(LocalServer.CannotListenException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + " (")
                    .hasMessageEndingWith("); check HOST and PORT")
                    .hasMessageNotContaining("Port already in use")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void port_in_use_exits_with_status_2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> environment = Map.of("HOST", "127.0.0.1",
                    "PORT", Integer.toString(taken.getLocalPort()));

            int status = LocalServerMain.run(environment, new String[0], System.out);

            assertThat(status).isEqualTo(2);
        }
    }
}
