package io.mutua.collaboration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events stream opened over real HTTP, as a browser's EventSource would: it remembers the name and
 * data of every event that arrived and whether the server closed the stream.
 */
public final class EventStream implements AutoCloseable {

    private final List<String> names = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile Flow.Subscription subscription;

    private EventStream() {
    }

    /** Opens {@code path} as an event stream with the client's session; returns once the response started. */
    public static EventStream open(HttpClient http, int port, String path) {
        EventStream stream = new EventStream();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/event-stream").build(),
                info -> {
                    stream.status.complete(info.statusCode());
                    return HttpResponse.BodySubscribers.fromLineSubscriber(stream.new Lines());
                })
                .whenComplete((response, error) -> {
                    stream.closed = true;
                    stream.status.complete(-1);
                });
        return stream;
    }

    /** The response status, waiting for the server to answer. */
    public int status() {
        return status.orTimeout(10, TimeUnit.SECONDS).join();
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** Every line received, event names and data alike, as sent. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether the server ended the stream. */
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private final class Lines implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            EventStream.this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
            if (line.startsWith("event:")) {
                names.add(line.substring("event:".length()).strip());
            }
        }

        @Override
        public void onError(Throwable error) {
            closed = true;
        }

        @Override
        public void onComplete() {
            closed = true;
        }
    }
}
