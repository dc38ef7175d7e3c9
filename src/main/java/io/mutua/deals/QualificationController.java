package io.mutua.deals;

import io.mutua.deals.QualificationCard.ElementPanel;
import io.mutua.identity.Viewer;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The MEDDPICC card of a deal, edited one element at a time. htmx gets the card or the element's own fragment;
 * browsers without it get a page with the card (for a form) or a redirect back to the deal.
 */
@Controller
public class QualificationController {

    static final String ELEMENT = DealController.PATH + "/{id}/qualification/{element}";

    private final DealService deals;
    private final Qualification qualification;
    private final MessageSource messages;

    QualificationController(DealService deals, Qualification qualification, MessageSource messages) {
        this.deals = deals;
        this.qualification = qualification;
        this.messages = messages;
    }

    /** The card alone, as a page for browsers that follow an edit link without htmx. */
    public record QualificationPage(DealView deal, QualificationCard card) {
    }

    @GetMapping(ELEMENT)
    String element(Viewer viewer, @PathVariable UUID id, @PathVariable String element, HttpServletRequest request,
            Model model) {
        DealView deal = deals.get(viewer, new DealId(id));
        MeddpiccElement which = element(element);
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + backToDeal(deal.id());
        }
        return renderElement(card(viewer, deal), which, model);
    }

    @GetMapping(ELEMENT + "/edit")
    String edit(Viewer viewer, @PathVariable UUID id, @PathVariable String element, HttpServletRequest request,
            Model model) {
        DealView deal = deals.get(viewer, new DealId(id));
        MeddpiccElement which = element(element);
        QualificationCard card = card(viewer, deal);
        if (!card.canChange()) {
            throw new ForbiddenException("deals.mayNotChange");
        }
        QualificationItem item = itemOf(card, which);
        QualificationCard editing = card.withPanel(new ElementPanel(which, QualificationForm.from(item),
                FormErrors.none(), null));
        return Htmx.isHtmx(request) ? renderElement(editing, which, model) : renderPage(deal, editing, model);
    }

    /** Saves one element with the version it was read at; a stale version keeps what was typed beside what is saved. */
    @PostMapping(ELEMENT)
    String save(Viewer viewer, @PathVariable UUID id, @PathVariable String element,
            @Valid @ModelAttribute("form") QualificationForm form, BindingResult result, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        DealView deal = deals.get(viewer, new DealId(id));
        MeddpiccElement which = element(element);
        if (!deals.canChange(viewer, deal)) {
            throw new ForbiddenException("deals.mayNotChange");
        }
        FormErrors errors = FormErrors.from(result, messages, locale);
        QualificationItem saved = null;
        QualificationForm shown = form;
        if (!errors.any()) {
            try {
                qualification.update(viewer, deal.id(), which, form.toChange(which), form.version());
                if (Htmx.isHtmx(request)) {
                    model.addAttribute("card", card(viewer, deal));
                    return "deals/qualification";
                }
                return "redirect:" + backToDeal(deal.id());
            } catch (ForbiddenException | NotFoundException e) {
                throw e;
            } catch (StaleVersionException e) {
                saved = itemOf(card(viewer, deal), which);
                shown = form.withVersion(saved.version());
                errors = errors.with(e, messages, locale);
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        boolean conflict = saved != null;
        response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        QualificationCard card = card(viewer, deal).withPanel(new ElementPanel(which, shown, errors, saved));
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Retarget", card.target(which));
            response.setHeader("HX-Reswap", "outerHTML");
            return renderElement(card, which, model);
        }
        return renderPage(deal, card, model);
    }

    private QualificationCard card(Viewer viewer, DealView deal) {
        return QualificationCard.of(deal.id(), qualification.card(viewer, deal.id()), deals.canChange(viewer, deal));
    }

    private String renderElement(QualificationCard card, MeddpiccElement element, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("item", itemOf(card, element));
        return "deals/qualification-element";
    }

    private String renderPage(DealView deal, QualificationCard card, Model model) {
        model.addAttribute("page", new QualificationPage(deal, card));
        return "deals/qualification-page";
    }

    private static QualificationItem itemOf(QualificationCard card, MeddpiccElement element) {
        return card.items().stream().filter(item -> item.element() == element).findFirst().orElseThrow();
    }

    private static MeddpiccElement element(String key) {
        return MeddpiccElement.fromKey(key).orElseThrow(() -> new NotFoundException("qualification.unknownElement"));
    }

    private static String backToDeal(DealId id) {
        return DealController.PATH + "/" + id + "#" + QualificationCard.CARD_ID;
    }
}
