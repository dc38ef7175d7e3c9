package io.mutua.integration;

import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.Htmx;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How both calendar pages (seller and buyer) answer: the page or, for htmx, the panel; after a change, the panel
 * for htmx (422 or 409 with the reason when refused) and a redirect back to the page for a plain form, carrying a
 * just-issued address as a flash attribute since it exists nowhere else.
 */
@Component
class CalendarFeedPages {

    static final String PAGE = "integration/calendar-feeds";
    static final String PANEL = "integration/calendar-feeds-panel";
    private static final String OUTCOME = "calendarFeedOutcome";

    private final MessageSource messages;

    CalendarFeedPages(MessageSource messages) {
        this.messages = messages;
    }

    /** The outcome a redirect carried here, if any. */
    FeedOutcome carried(Model model) {
        return model.getAttribute(OUTCOME) instanceof FeedOutcome outcome ? outcome : FeedOutcome.NONE;
    }

    String show(CalendarFeedsPage page, boolean fragment, Model model) {
        model.addAttribute("page", page);
        return fragment ? PANEL : PAGE;
    }

    /**
     * Runs a change and answers it; {@code page} builds the page at {@code pagePath} with what the change left to
     * show. A plan the reader may not reach stays "not found".
     */
    String change(Supplier<FeedOutcome> action, String pagePath, Function<FeedOutcome, CalendarFeedsPage> page,
            Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
            Model model) {
        FeedOutcome outcome;
        try {
            outcome = action.get();
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            response.setStatus(e instanceof InvalidInputException ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                    : HttpStatus.CONFLICT.value());
            return show(page.apply(FeedOutcome.refused(message(e, locale))), Htmx.isHtmx(request), model);
        }
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(OUTCOME, outcome);
            return "redirect:" + pagePath;
        }
        return show(page.apply(outcome), true, model);
    }

    String message(DomainException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), locale);
    }

    String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** The scope a form chose; refused as a field error when missing or unknown. */
    static FeedScope scope(String value) {
        if (value != null) {
            for (FeedScope scope : FeedScope.values()) {
                if (scope.name().equalsIgnoreCase(value.strip())) {
                    return scope;
                }
            }
        }
        throw new InvalidInputException("scope", "feeds.chooseScope");
    }
}
