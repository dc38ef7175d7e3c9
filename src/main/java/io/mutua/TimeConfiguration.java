package io.mutua;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** The team's clock: business dates ("today", due dates) are taken in this time zone. */
    @Bean
    Clock clock(@Value("${mutua.time-zone}") ZoneId zone) {
        return Clock.system(zone);
    }
}
