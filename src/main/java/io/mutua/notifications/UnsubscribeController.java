package io.mutua.notifications;

import io.mutua.web.Paths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of every notification email. Opening it only asks (mail scanners open links); the button,
 * or a mail client's one-click POST (RFC 8058, no session, no CSRF token), unsubscribes. A one-click POST leaves
 * the token's own scope: its plan when it has one, else everything.
 */
@Controller
public class UnsubscribeController {

    static final String PATH = Paths.UNSUBSCRIBE + "/{token}";
    static final String PLAN_ONLY = "plan";

    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    /** The confirmation page, or (when {@code done}) what was turned off. */
    public record UnsubscribePage(String token, String email, String account, boolean done, boolean planOnly) {

        public boolean hasPlan() {
            return account != null;
        }
    }

    @GetMapping(PATH)
    String confirm(@PathVariable String token, Model model) {
        Unsubscribes.Scope scope = unsubscribes.scope(token);
        model.addAttribute("page", new UnsubscribePage(token, scope.email(), scope.account(), false,
                scope.planId() != null));
        return "notifications/unsubscribe";
    }

    @PostMapping(PATH)
    String unsubscribe(@PathVariable String token, @RequestParam(required = false) String scope,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick, Model model) {
        boolean planOnly = "One-Click".equals(oneClick) || PLAN_ONLY.equals(scope);
        Unsubscribes.Scope done = unsubscribes.unsubscribe(token, planOnly);
        model.addAttribute("page", new UnsubscribePage(token, done.email(), done.account(), true,
                planOnly && done.planId() != null));
        return "notifications/unsubscribe";
    }
}
