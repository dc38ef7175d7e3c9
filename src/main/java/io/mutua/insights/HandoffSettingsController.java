package io.mutua.insights;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.web.FormErrors;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's choice of who receives the handoffs of won deals: a CS user, a team, or the deal owner's team. */
@Controller
public class HandoffSettingsController {

    static final String PATH = Paths.ADMIN + "/handoffs";
    static final String OWNER_TEAM = "OWNER_TEAM";

    private final HandoffRecipients recipients;
    private final Users users;
    private final MessageSource messages;

    HandoffSettingsController(HandoffRecipients recipients, Users users, MessageSource messages) {
        this.recipients = recipients;
        this.users = users;
        this.messages = messages;
    }

    /**
     * {@code choice} is {@code OWNER_TEAM}, {@code user:<id>} or {@code team:<id>}; {@code saved} after a save.
     */
    public record SettingsPage(String choice, List<UserSummary> users, Map<UUID, String> teams, long version,
            boolean saved, FormErrors errors) {

        public String userChoice(UserSummary user) {
            return "user:" + user.id();
        }

        public String teamChoice(UUID team) {
            return "team:" + team;
        }
    }

    @GetMapping(PATH)
    String show(@RequestParam(required = false) String saved, Model model) {
        HandoffRecipients.Setting setting = recipients.setting();
        model.addAttribute("page", page(choice(setting), setting.version(), saved != null, FormErrors.none()));
        return "insights/handoff-settings";
    }

    @PostMapping(PATH)
    String save(@RequestParam(defaultValue = OWNER_TEAM) String choice, @RequestParam long version, Locale locale,
            HttpServletResponse response, Model model) {
        try {
            UUID user = choice.startsWith("user:") ? parse(choice.substring(5)) : null;
            UUID team = choice.startsWith("team:") ? parse(choice.substring(5)) : null;
            recipients.choose(user, team, version);
            return "redirect:" + PATH + "?saved";
        } catch (InvalidInputException | StaleVersionException e) {
            response.setStatus(e instanceof StaleVersionException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            HandoffRecipients.Setting current = recipients.setting();
            model.addAttribute("page", page(choice, current.version(), false,
                    FormErrors.none().with(e, messages, locale)));
            return "insights/handoff-settings";
        }
    }

    private SettingsPage page(String choice, long version, boolean saved, FormErrors errors) {
        return new SettingsPage(choice, recipients.candidates(), users.teamNames(), version, saved, errors);
    }

    private static String choice(HandoffRecipients.Setting setting) {
        return setting.userId() != null ? "user:" + setting.userId()
                : setting.teamId() != null ? "team:" + setting.teamId() : OWNER_TEAM;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("choice", "handoffs.settings.unknownChoice");
        }
    }
}
