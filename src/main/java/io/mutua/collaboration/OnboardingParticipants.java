package io.mutua.collaboration;

import io.mutua.identity.UserSummary;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the people of a won deal's mutual action plan on its onboarding plan: every buyer who was not revoked, as
 * they were (main contact included), so that the link a buyer already uses opens the onboarding plan too; and the
 * customer success user on the seller side. System work: the caller has checked who may do it. Running it again
 * adds nobody twice.
 */
@Component
@Transactional
public class OnboardingParticipants {

    private final JdbcClient jdbc;
    private final Clock clock;

    OnboardingParticipants(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void carryOver(UUID salesPlanId, UUID onboardingPlanId, UserSummary customerSuccess) {
        Timestamp now = Timestamp.from(clock.instant());
        if (salesPlanId != null) {
            jdbc.sql("insert into participant (id, plan_id, side, user_id, name, email, title, buying_role, "
                            + "main_contact, invited_at, revoked_at, created_at, version) "
                            + "select gen_random_uuid(), :to, side, user_id, name, email, title, buying_role, "
                            + "main_contact, invited_at, null, :now, 0 from participant "
                            + "where plan_id = :from and side = 'BUYER' and revoked_at is null "
                            + "on conflict (plan_id, lower(email)) do nothing")
                    .param("to", onboardingPlanId)
                    .param("from", salesPlanId)
                    .param("now", now)
                    .update();
        }
        if (customerSuccess != null) {
            jdbc.sql("insert into participant (id, plan_id, side, user_id, name, email, title, buying_role, "
                            + "main_contact, invited_at, revoked_at, created_at, version) "
                            + "values (:id, :plan, 'SELLER', :user, :name, lower(:email), null, null, true, null, "
                            + "null, :now, 0) on conflict (plan_id, lower(email)) do nothing")
                    .param("id", UUID.randomUUID())
                    .param("plan", onboardingPlanId)
                    .param("user", customerSuccess.id())
                    .param("name", customerSuccess.name())
                    .param("email", customerSuccess.email())
                    .param("now", now)
                    .update();
        }
    }
}
