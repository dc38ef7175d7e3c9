package io.mutua.integration.webhooks;

import com.sun.net.httpserver.HttpServer;
import io.mutua.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's HttpServer) that records every request it gets and answers 500 to the
 * first few (or to all) before answering 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: lower-cased header names, the raw body. */
    record Received(String method, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            return ApiClient.JSON.readTree(body);
        }

        String type() {
            return json().path("type").asString();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicBoolean alwaysFail = new AtomicBoolean();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT),
                            entry -> String.join(",", entry.getValue()), (first, second) -> first));
            received.add(new Received(exchange.getRequestMethod(), headers, body));
            boolean fail = alwaysFail.get() || failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    WebhookReceiver failFirst(int times) {
        failuresLeft.set(times);
        return this;
    }

    WebhookReceiver failAlways() {
        alwaysFail.set(true);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> ofType(String type) {
        return received.stream().filter(request -> type.equals(request.type())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
