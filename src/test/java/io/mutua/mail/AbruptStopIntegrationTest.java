package io.mutua.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.Inbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second Mutua node — the built jar, as a separate process on the same PostgreSQL and SMTP server — is killed
 * (SIGKILL, no shutdown) while it delivers a queue, and this node finishes the queue. Nothing is lost. Nothing is
 * doubled, except possibly the one email the killed node had handed to the SMTP server but not yet marked sent: that
 * one arrives again with the same Message-ID, which mail providers use to drop the duplicate.
 */
@IntegrationTest
class AbruptStopIntegrationTest {

    /** The killed node's delivery workers (mutua.mail.delivery-workers, by default). */
    private static final int DELIVERY_WORKERS = 2;

    private static final int QUEUE = 300;

    @Autowired
    DataSource dataSource;
    @Autowired
    GreenMail mailServer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aNodeKilledMidQueueLosesNoEmailAndDoublesAtMostTheOneInFlight() throws Exception {
        Path jar = builtJar();
        String tag = TestData.unique();
        String otherNode = "other-node-" + tag + "@mutua.test";
        String recipient = "crash-" + tag + "@example.org";
        Path log = Path.of("target", "abrupt-stop-" + tag + ".log");
        Process other = start(jar, otherNode, log);
        try {
            Awaitility.await("the other node starts").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !other.isAlive() || Files.readString(log).contains("Started MutuaApplication"));
            assertThat(other.isAlive()).as("the other node runs; see %s", log).isTrue();

            queueWithoutWakingThisNode(recipient, tag);

            Awaitility.await("the other node delivers part of the queue").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> sentBy(recipient, otherNode) >= 10);
            other.destroyForcibly().waitFor();
        } finally {
            other.destroyForcibly();
        }
        long deliveredByKilledNode = sentBy(recipient, otherNode);
        assertThat(deliveredByKilledNode).isLessThan(QUEUE);

        Awaitility.await("this node finishes the queue").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(jdbc.sql("select status from mail_outbox where recipient = :to").param("to", recipient)
                        .query(String.class).list()).hasSize(QUEUE).containsOnly("SENT"));

        List<MimeMessage> received = new Inbox(mailServer).of(recipient);
        Map<String, Long> copies = received.stream()
                .collect(Collectors.groupingBy(AbruptStopIntegrationTest::messageId, Collectors.counting()));
        List<String> expected = jdbc.sql("select id from mail_outbox where recipient = :to").param("to", recipient)
                .query((rs, n) -> "<" + rs.getObject("id", UUID.class) + "@localhost>").list();
        assertThat(copies.keySet()).as("every email arrived").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(received.size() - QUEUE)
                .as("emails that arrived twice: at most the ones in flight at the kill, one per delivery worker")
                .isBetween(0, DELIVERY_WORKERS);
        assertThat(copies.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
        assertThat(received.size() - deliveredByKilledNode).as("emails this node delivered").isPositive();
    }

    /** Inserts the queue in one transaction, as another node would: this node is not woken and races the other. */
    private void queueWithoutWakingThisNode(String recipient, String tag) {
        Timestamp now = Timestamp.from(Instant.now());
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < QUEUE; i++) {
                jdbc.sql("insert into mail_outbox (id, kind, recipient, subject, text_body, dedupe_key, "
                                + "next_attempt_at, created_at) values (:id, 'plain', :to, :subject, 'Body', :key, "
                                + ":now, :now)")
                        .param("id", UUID.randomUUID()).param("to", recipient)
                        .param("subject", "Queue " + tag + " #" + i).param("key", "crash:" + tag + ":" + i)
                        .param("now", now).update();
            }
        });
    }

    private long sentBy(String recipient, String from) {
        return new Inbox(mailServer).of(recipient).stream().filter(message -> from(message).contains(from)).count();
    }

    private Process start(Path jar, String from, Path log) throws IOException, SQLException {
        HikariDataSource database = dataSource.unwrap(HikariDataSource.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(),
                "--server.port=0",
                "--mutua.mail.from=" + from,
                "--mutua.mail.poll-interval=PT0.2S",
                "--mutua.mail.poll-initial-delay=PT0S",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--mutua.attachments.dir=target/abrupt-stop-attachments",
                "--spring.main.banner-mode=off");
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", database.getJdbcUrl());
        Optional.ofNullable(database.getUsername()).ifPresent(user -> env.put("SPRING_DATASOURCE_USERNAME", user));
        Optional.ofNullable(database.getPassword()).ifPresent(pass -> env.put("SPRING_DATASOURCE_PASSWORD", pass));
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", String.valueOf(mailServer.getSmtp().getPort()));
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The application jar that {@code mvn verify} built before running integration tests. */
    private static Path builtJar() throws IOException {
        Path target = Path.of("target");
        Optional<Path> jar = Files.isDirectory(target) ? list(target, files -> files
                .filter(path -> path.getFileName().toString().matches("mutua-.*\\.jar"))
                .filter(path -> !path.getFileName().toString().contains("plain"))
                .findFirst()) : Optional.empty();
        Assumptions.assumeTrue(jar.isPresent(), "needs the application jar: run through ./mvnw verify");
        return jar.get();
    }

    private static <T> T list(Path directory, Function<Stream<Path>, T> use) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return use.apply(files);
        }
    }

    private static String from(MimeMessage message) {
        try {
            return message.getFrom()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
