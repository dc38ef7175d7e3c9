import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live-update benchmark client (run by bench/live.sh with `java bench/LiveBench.java`, JDK only): opens many
 * Server-Sent Events streams on one plan, changes a step through the API, and times the event's arrival on every
 * stream. Reports the time until the last viewer heard of each change, and the server's resident memory.
 */
public class LiveBench {

    private static final Pattern PLAN_ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern STEP_ID = Pattern.compile("\"steps\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String session;
    private final String token;
    private volatile String awaited = "";
    private volatile long[] arrivals;
    private volatile CountDownLatch pending;

    LiveBench(String base, String session, String token) {
        this.base = base;
        this.session = session;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[4]);
        int connections = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        LiveBench bench = new LiveBench(base, args[1], args[2]);

        String plan = bench.api("GET", "/api/v1" + args[3] + "/plan", null, null).body();
        String planId = find(PLAN_ID, plan);
        String stepPath = "/api/v1/plans/" + planId + "/steps/" + find(STEP_ID, plan);

        long before = rssMib(pid);
        long heapBefore = liveHeapKib(pid);
        long opening = System.nanoTime();
        bench.open("/plans/" + planId + "/live", connections);
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        long open = rssMib(pid);
        long heapOpen = liveHeapKib(pid);

        List<Double> lastViewer = new ArrayList<>();
        List<Double> everyViewer = new ArrayList<>();
        String version = bench.api("GET", stepPath, null, null).headers().firstValue("ETag").orElseThrow();
        for (int round = -3; round < rounds; round++) {
            bench.expect("step-" + stepPath.substring(stepPath.lastIndexOf('/') + 1), connections);
            long sent = System.nanoTime();
            HttpResponse<String> changed = bench.api("PATCH", stepPath, version,
                    "{\"title\":\"Live benchmark round " + round + "\"}");
            if (changed.statusCode() != 200) {
                throw new IllegalStateException("step update answered " + changed.statusCode() + ": "
                        + changed.body());
            }
            version = changed.headers().firstValue("ETag").orElseThrow();
            if (!bench.pending.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(bench.pending.getCount() + " viewers never heard of the change");
            }
            if (round >= 0) {
                long last = 0;
                for (long arrival : bench.arrivals) {
                    everyViewer.add((arrival - sent) / 1e6);
                    last = Math.max(last, arrival);
                }
                lastViewer.add((last - sent) / 1e6);
            }
            Thread.sleep(200);
        }
        long after = rssMib(pid);

        System.out.printf("live updates, one plan open in %d SSE streams, %d step changes through the API%n",
                connections, rounds);
        System.out.printf("  streams opened in %.1f s%n", openSeconds);
        System.out.printf("  change → last viewer         p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n",
                percentile(lastViewer, 50), percentile(lastViewer, 99), percentile(lastViewer, 100));
        System.out.printf("  change → each viewer         p50 %6.1f ms   p99 %6.1f ms%n",
                percentile(everyViewer, 50), percentile(everyViewer, 99));
        System.out.printf("  server RSS: %d MiB before, %d MiB with the streams open, %d MiB after the changes%n",
                before, open, after);
        System.out.printf("  server heap in use after a full GC: %d MiB before, %d MiB with the streams open "
                + "(%.1f KiB per stream)%n", heapBefore / 1024, heapOpen / 1024,
                (heapOpen - heapBefore) / (double) connections);
        System.exit(0);
    }

    /** Opens the streams and waits until every one of them got the server's "ready" event. */
    private void open(String path, int connections) throws InterruptedException {
        expect("ready", connections);
        for (int i = 0; i < connections; i++) {
            int viewer = i;
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session)
                            .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new Viewer(viewer)));
        }
        if (!pending.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(pending.getCount() + " streams did not open");
        }
    }

    private void expect(String event, int connections) {
        arrivals = new long[connections];
        pending = new CountDownLatch(connections);
        awaited = event;
    }

    /** One viewer's stream: notes when the awaited event arrives. */
    private final class Viewer implements Flow.Subscriber<String> {

        private final int index;

        Viewer(int index) {
            this.index = index;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.equals("event:" + awaited) && arrivals[index] == 0) {
                arrivals[index] = System.nanoTime();
                pending.countDown();
            }
        }

        @Override
        public void onError(Throwable error) {
            System.err.println("stream " + index + " failed: " + error);
        }

        @Override
        public void onComplete() {
        }
    }

    private HttpResponse<String> api(String method, String path, String ifMatch, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (json != null) {
            request.header("Content-Type", "application/merge-patch+json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in the plan: " + pattern);
        }
        return matcher.group(1);
    }

    private static long rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** The server's heap in use right after a full collection, in KiB (jcmd, from the JDK). */
    private static long liveHeapKib(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said nothing about the heap of " + pid);
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
