package io.mutua.playbooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** On a new installation, loads the playbooks that ship with Mutua (classpath:playbooks/*.json). */
@Component
class DefaultPlaybooks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultPlaybooks.class);

    private final Playbooks playbooks;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DefaultPlaybooks(Playbooks playbooks, JsonMapper json, JdbcClient jdbc,
            TransactionTemplate transaction) {
        this.playbooks = playbooks;
        this.json = json;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    record File(String name, String description, String segment, BigDecimal minAmount, BigDecimal maxAmount,
            int priority, boolean isDefault, PlaybookContent content) {

        PlaybookSettings settings() {
            return new PlaybookSettings(name, description, segment, minAmount, maxAmount, priority, isDefault);
        }
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:playbooks/*.json");
        transaction.executeWithoutResult(status -> {
            // Several nodes may start at once; only one loads the defaults.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('mutua-default-playbooks'))").query().singleValue();
            if (jdbc.sql("select count(*) from playbook where purpose = 'CLOSING'").query(Long.class).single() > 0) {
                return;
            }
            for (Resource resource : files) {
                File file = read(resource);
                playbooks.create(file.settings(), file.content(), null);
                log.info("Loaded the default playbook \"{}\"", file.name());
            }
        });
    }

    private File read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the playbook " + resource, e);
        }
    }
}
