package io.mutua.collaboration;

import io.mutua.identity.Users;
import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import io.mutua.web.DomainException;
import io.mutua.web.Languages;
import io.mutua.mail.OutgoingMail;
import io.mutua.web.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the people a comment mentions, once the comment is saved. Each email is written from what its reader may
 * see: a buyer gets it only for a comment buyers can read, about the plan as buyers see it, in the plan's language
 * and with the buyer's link; a seller gets the sales team's view, in their own language.
 */
@Component
class MentionMails {


    private final OutgoingMail mail;
    private final MessageSource messages;
    private final PlanService plans;
    private final BuyerPlans buyerPlans;
    private final Users users;
    private final String baseUrl;

    MentionMails(OutgoingMail mail, MessageSource messages, PlanService plans, BuyerPlans buyerPlans, Users users,
            @Value("${mutua.base-url}") String baseUrl) {
        this.mail = mail;
        this.messages = messages;
        this.plans = plans;
        this.buyerPlans = buyerPlans;
        this.users = users;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** A saved comment and who it mentions (the author already left out). */
    record Mentioned(UUID planId, UUID stepId, String author, String body, boolean internal,
            Collection<Mentions.Person> people) {
    }

    /** Queues the emails in the comment's transaction. */
    void send(Mentioned comment) {
        List<Letter> letters = new ArrayList<>();
        for (Mentions.Person person : comment.people()) {
            Optional<Letter> letter = person.buyer() ? toBuyer(comment, person) : toSeller(comment, person);
            letter.ifPresent(letters::add);
        }
        for (Letter letter : letters) {
            mail.send(letter.to(), letter.subject(), letter.body());
        }
    }

    private record Letter(String to, String subject, String body) {
    }

    private Optional<Letter> toBuyer(Mentioned comment, Mentions.Person person) {
        if (comment.internal()) {
            return Optional.empty();
        }
        PlanView plan = buyerPlans.view(comment.planId());
        Optional<String> step = stepTitle(plan, comment.stepId());
        if (comment.stepId() != null && step.isEmpty()) {
            return Optional.empty();
        }
        Locale locale = Languages.supported(plan.language()).orElse(Locale.ENGLISH);
        return Optional.of(letter(person, comment, plan.dealName(), step,
                baseUrl + Paths.BUYER + "/plans/" + plan.id(), locale));
    }

    private Optional<Letter> toSeller(Mentioned comment, Mentions.Person person) {
        PlanView plan;
        try {
            plan = plans.get(users.viewer(person.userId()), comment.planId());
        } catch (DomainException e) {
            return Optional.empty();
        }
        Locale locale = users.preferredLocale(person.email()).orElse(Locale.ENGLISH);
        return Optional.of(letter(person, comment, plan.dealName(), stepTitle(plan, comment.stepId()),
                baseUrl + "/deals/" + plan.dealId() + "/plan", locale));
    }

    private Letter letter(Mentions.Person person, Mentioned comment, String planName, Optional<String> step,
            String link, Locale locale) {
        String subject = messages.getMessage("mail.mention.subject", new Object[] {comment.author(), planName},
                locale);
        String body = step.isPresent()
                ? messages.getMessage("mail.mention.bodyStep", new Object[] {person.name(), comment.author(), planName,
                        step.get(), comment.body(), link}, locale)
                : messages.getMessage("mail.mention.body", new Object[] {person.name(), comment.author(), planName,
                        comment.body(), link}, locale);
        return new Letter(person.email(), subject, body);
    }

    private static Optional<String> stepTitle(PlanView plan, UUID stepId) {
        return stepId == null ? Optional.empty() : plan.steps().stream().filter(step -> step.id().equals(stepId))
                .map(StepView::title).findFirst();
    }
}
