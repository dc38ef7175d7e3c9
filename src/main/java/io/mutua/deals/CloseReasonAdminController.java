package io.mutua.deals;

import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Paths;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's page for the reasons deals are won or lost: add, rename, reorder, retire and reactivate. */
@Controller
public class CloseReasonAdminController {

    static final String PATH = Paths.ADMIN + "/close-reasons";

    private final CloseReasons reasons;
    private final MessageSource messages;

    CloseReasonAdminController(CloseReasons reasons, MessageSource messages) {
        this.reasons = reasons;
        this.messages = messages;
    }

    /**
     * The page; after a refused change {@code editedId} names the row and {@code typedLabel} keeps what was typed
     * there (or into the add form when {@code editedId} is null), beside the saved values.
     */
    public record CloseReasonsPage(List<CloseReasonView> won, List<CloseReasonView> lost, FormErrors errors,
            UUID editedId, String typedLabel, Outcome addOutcome) {

        public String labelShown(CloseReasonView reason) {
            return reason.id().equals(editedId) && typedLabel != null ? typedLabel : reason.label();
        }

        public boolean edited(CloseReasonView reason) {
            return reason.id().equals(editedId);
        }

        public String addLabel() {
            return editedId == null && typedLabel != null ? typedLabel : "";
        }
    }

    @GetMapping(PATH)
    String show(Model model) {
        return page(model, FormErrors.none(), null, null, Outcome.LOST);
    }

    @PostMapping(PATH)
    String add(@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String label,
            Locale locale, Model model, HttpServletResponse response) {
        try {
            reasons.add(outcome, label);
            return "redirect:" + PATH;
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, FormErrors.none().with(e, messages, locale), null, label,
                    outcome == null ? Outcome.LOST : outcome);
        }
    }

    @PostMapping(PATH + "/{id}")
    String rename(@PathVariable UUID id, @RequestParam(required = false) String label, @RequestParam long version,
            Locale locale, Model model, HttpServletResponse response) {
        return change(() -> reasons.rename(id, label, version), id, label, locale, model, response);
    }

    @PostMapping(PATH + "/{id}/active")
    String activate(@PathVariable UUID id, @RequestParam boolean active, @RequestParam long version, Locale locale,
            Model model, HttpServletResponse response) {
        return change(() -> reasons.setActive(id, active, version), id, null, locale, model, response);
    }

    @PostMapping(PATH + "/{id}/move")
    String move(@PathVariable UUID id, @RequestParam int direction, @RequestParam long version, Locale locale,
            Model model, HttpServletResponse response) {
        return change(() -> reasons.move(id, direction, version), id, null, locale, model, response);
    }

    private String change(Runnable change, UUID id, String typedLabel, Locale locale, Model model,
            HttpServletResponse response) {
        try {
            change.run();
            return "redirect:" + PATH;
        } catch (DomainException e) {
            response.setStatus(e instanceof StaleVersionException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, FormErrors.none().with(e, messages, locale), id, typedLabel, Outcome.LOST);
        }
    }

    private String page(Model model, FormErrors errors, UUID editedId, String typedLabel, Outcome addOutcome) {
        List<CloseReasonView> all = reasons.all();
        model.addAttribute("page", new CloseReasonsPage(
                all.stream().filter(reason -> reason.outcome() == Outcome.WON).toList(),
                all.stream().filter(reason -> reason.outcome() == Outcome.LOST).toList(),
                errors, editedId, typedLabel, addOutcome));
        return "deals/close-reasons";
    }
}
