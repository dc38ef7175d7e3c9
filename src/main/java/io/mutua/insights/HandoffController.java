package io.mutua.insights;

import io.mutua.deals.DealId;
import io.mutua.identity.Viewer;
import io.mutua.playbooks.PlaybookView;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Markdown;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "Handoffs" list, the handoff page of a won deal (with the account executive's notes and the "Start onboarding
 * plan" button) and the handoff line of the deal page. Sellers only: nothing here is under {@code /b}.
 */
@Controller
public class HandoffController {

    public static final String PATH = "/handoffs";
    static final String HANDOFF = PATH + "/{id}";
    static final String NOTES = HANDOFF + "/notes";
    static final String ONBOARDING = HANDOFF + "/onboarding";
    static final String DEAL_LINE = "/deals/{dealId}/handoff";

    private final Handoffs handoffs;
    private final Markdown markdown;
    private final MessageSource messages;

    HandoffController(Handoffs handoffs, Markdown markdown, MessageSource messages) {
        this.handoffs = handoffs;
        this.markdown = markdown;
        this.messages = messages;
    }

    public record ListPage(List<HandoffSummary> handoffs) {
    }

    /** The handoff page: the package, its Markdown already made safe HTML, and what the viewer may do. */
    public record HandoffPage(HandoffPackage handoff, List<Section> sections, NotesPanel notes,
            boolean canStart, List<PlaybookView> playbooks, FormErrors startErrors) {
    }

    public record Section(String key, String html) {
    }

    /**
     * The notes panel. {@code draft} is what the user typed when it could not be saved (else null), {@code stale}
     * says that someone else saved in between: the saved notes are shown above the user's own.
     */
    public record NotesPanel(UUID handoffId, String notesHtml, String notes, boolean canWrite, String draft,
            boolean stale, boolean saved, long version, FormErrors errors) {

        public String text() {
            return draft != null ? draft : notes == null ? "" : notes;
        }
    }

    public record DealLine(HandoffSummary handoff) {
    }

    @GetMapping(PATH)
    String list(Viewer viewer, Model model) {
        model.addAttribute("page", new ListPage(handoffs.list(viewer)));
        return "insights/handoffs";
    }

    @GetMapping(HANDOFF)
    String show(Viewer viewer, @PathVariable UUID id, Model model) {
        model.addAttribute("page", page(viewer, handoffs.get(viewer, id), null, false, false, FormErrors.none()));
        return "insights/handoff";
    }

    @PostMapping(NOTES)
    String notes(Viewer viewer, @PathVariable UUID id, @Valid NotesForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        boolean htmx = Htmx.isHtmx(request);
        if (binding.hasErrors()) {
            HandoffPackage handoff = handoffs.get(viewer, id);
            return notesFailed(viewer, handoff, form, false, FormErrors.from(binding, messages, locale), htmx,
                    response, HttpStatus.UNPROCESSABLE_CONTENT, model);
        }
        try {
            HandoffPackage saved = handoffs.writeNotes(viewer, id, form.notes(), form.version());
            if (!htmx) {
                return "redirect:" + PATH + "/" + id;
            }
            model.addAttribute("panel", notesPanel(viewer, saved, null, false, true, FormErrors.none()));
            return "insights/handoff-notes";
        } catch (StaleVersionException e) {
            return notesFailed(viewer, handoffs.get(viewer, id), form, true,
                    FormErrors.none().with(e, messages, locale), htmx, response, HttpStatus.CONFLICT, model);
        }
    }

    @PostMapping(ONBOARDING)
    String startOnboarding(Viewer viewer, @PathVariable UUID id,
            @RequestParam(required = false) UUID playbookId, Locale locale, HttpServletResponse response,
            Model model) {
        try {
            handoffs.startOnboarding(viewer, id, playbookId);
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(viewer, handoffs.get(viewer, id), null, false, false,
                    FormErrors.none().with(e, messages, locale)));
            return "insights/handoff";
        }
    }

    /** The deal page's line: the handoff and the onboarding plan, once there is a handoff. */
    @GetMapping(DEAL_LINE)
    String dealLine(Viewer viewer, @PathVariable UUID dealId, Model model) {
        Optional<HandoffSummary> handoff = handoffs.summaryOf(viewer, new DealId(dealId));
        model.addAttribute("line", new DealLine(handoff.orElse(null)));
        return "insights/deal-handoff";
    }

    private String notesFailed(Viewer viewer, HandoffPackage handoff, NotesForm form, boolean stale,
            FormErrors errors, boolean htmx, HttpServletResponse response, HttpStatus status, Model model) {
        response.setStatus(status.value());
        if (htmx) {
            model.addAttribute("panel", notesPanel(viewer, handoff, nullToEmpty(form.notes()), stale, false, errors));
            return "insights/handoff-notes";
        }
        model.addAttribute("page", page(viewer, handoff, nullToEmpty(form.notes()), stale, false, errors));
        return "insights/handoff";
    }

    private HandoffPage page(Viewer viewer, HandoffPackage handoff, String draft, boolean stale, boolean saved,
            FormErrors errors) {
        boolean notesForm = draft != null;
        return new HandoffPage(handoff,
                handoff.sections().stream()
                        .map(section -> new Section(section.key().name(), markdown.toHtml(section.content())))
                        .toList(),
                notesPanel(viewer, handoff, draft, stale, saved, notesForm ? errors : FormErrors.none()),
                handoffs.canStartOnboarding(viewer) && !handoff.onboardingStarted(), handoffs.onboardingPlaybooks(),
                notesForm ? FormErrors.none() : errors);
    }

    private NotesPanel notesPanel(Viewer viewer, HandoffPackage handoff, String draft, boolean stale, boolean saved,
            FormErrors errors) {
        return new NotesPanel(handoff.id(), handoff.notes() == null ? null : markdown.toHtml(handoff.notes()),
                handoff.notes(), handoffs.canWriteNotes(viewer, handoff), draft, stale, saved, handoff.version(),
                errors);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
