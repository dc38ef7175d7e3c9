package io.mutua;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, Mutua runs its own PostgreSQL.
 * One server per JVM, so that several application contexts (as in the test suite) share it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static EmbeddedPostgres server;

    @Bean
    DataSource dataSource(EmbeddedPostgresProperties properties) {
        EmbeddedPostgres postgres = serverFor(properties);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("mutua-embedded");
        dataSource.setMaximumPoolSize(properties.poolSize());
        return dataSource;
    }

    private static synchronized EmbeddedPostgres serverFor(EmbeddedPostgresProperties properties) {
        if (server == null) {
            server = start(properties);
        }
        return server;
    }

    private static EmbeddedPostgres start(EmbeddedPostgresProperties properties) {
        boolean persistent = StringUtils.hasText(properties.dataDir());
        try {
            Path dataDir = persistent
                    ? Files.createDirectories(Path.of(properties.dataDir())).toAbsolutePath()
                    : Files.createTempDirectory("mutua-postgres");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!persistent)
                    .setPort(properties.port())
                    .setServerConfig("max_connections", "100")
                    .setRegisterShutdownHook(false)
                    .start();
            // Not a JVM shutdown hook of its own: hooks run concurrently, and the database could stop while the
            // application is still shutting down and needs it. Boot runs these handlers after closing every context.
            SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
            log.warn("""

                    ************************************************************************
                      DATABASE: EMBEDDED PostgreSQL on localhost:{}
                      data: {} ({})
                      For production set SPRING_DATASOURCE_URL to your own PostgreSQL 15+.
                    ************************************************************************""",
                    postgres.getPort(), dataDir, persistent ? "kept across restarts" : "temporary");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    @ConfigurationProperties("mutua.embedded-postgres")
    record EmbeddedPostgresProperties(
            @DefaultValue("./data/postgres") String dataDir,
            @DefaultValue("15432") int port,
            @DefaultValue("10") int poolSize) {
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
