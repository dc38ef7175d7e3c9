package io.mutua.deals;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Viewer;
import io.mutua.web.DomainException;
import io.mutua.web.ForbiddenException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.ResultPage;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The deal pages: list with filters, create, edit, move stage, close. */
@Controller
public class DealController {

    static final String PATH = "/deals";
    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK",
            "RON", "CAD", "AUD", "JPY");

    private final DealService deals;
    private final CloseReasons closeReasons;
    private final Pipeline pipeline;
    private final Qualification qualification;
    private final MessageSource messages;
    private final String defaultCurrency;

    DealController(DealService deals, CloseReasons closeReasons, Pipeline pipeline, Qualification qualification,
            MessageSource messages, @Value("${mutua.default-currency}") String defaultCurrency) {
        this.deals = deals;
        this.closeReasons = closeReasons;
        this.pipeline = pipeline;
        this.qualification = qualification;
        this.messages = messages;
        this.defaultCurrency = defaultCurrency;
    }

    public record DealListPage(ResultPage<DealView> results, DealSearch search, List<StageView> stages,
            List<UserSummary> owners, boolean canCreate) {

        /** The address of another page of the same search. */
        public String pageLink(int page) {
            return UriComponentsBuilder.fromPath(PATH)
                    .queryParamIfPresent("stage", Optional.ofNullable(search.stage()))
                    .queryParamIfPresent("status", Optional.ofNullable(search.status()))
                    .queryParamIfPresent("owner", Optional.ofNullable(search.ownerId()))
                    .queryParamIfPresent("q", Optional.ofNullable(search.text()))
                    .queryParam("page", page)
                    .encode()
                    .toUriString();
        }
    }

    public record DealFormPage(UUID dealId, DealForm form, FormErrors errors, List<StageView> stages,
            List<UserSummary> owners, List<String> currencies, DealView saved) {

        public boolean creating() {
            return dealId == null;
        }
    }

    /** The deal page; {@code closing} keeps what was typed into the close form when it was refused. */
    public record DealPage(DealView deal, List<StageView> stages, List<StageChangeView> history, boolean canChange,
            FormErrors errors, ClosingInput closing, QualificationCard qualification, List<CloseReasonView> wonReasons,
            List<CloseReasonView> lostReasons, List<String> competitors) {

        /** The address of the deal's snapshot at close. */
        public String snapshotLink() {
            return PATH + "/" + deal.id() + "/snapshot";
        }

        /** How the pipeline track shows a stage: the deal's current one, one it went through, or neither. */
        public String trackClass(StageView stage) {
            if (stage.key().equals(deal.stageKey())) {
                return "current";
            }
            return history.stream().anyMatch(change -> stage.key().equals(change.toStage())) ? "done" : null;
        }
    }

    /** What was typed into the close form. */
    public record ClosingInput(Outcome outcome, UUID reasonId, String details, String competitor) {

        static final ClosingInput NONE = new ClosingInput(null, null, "", "");

        public boolean chosen(CloseReasonView reason) {
            return reason.id().equals(reasonId);
        }
    }

    @GetMapping(PATH)
    String list(Viewer viewer, @RequestParam(required = false) String stage,
            @RequestParam(required = false) DealStatus status, @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        DealSearch search = new DealSearch(stage, status, owner, q, page, DealSearch.DEFAULT_SIZE);
        model.addAttribute("page", new DealListPage(deals.search(viewer, search), search, pipeline.stages(),
                deals.visibleOwners(viewer), deals.canCreate(viewer)));
        return Htmx.isHtmx(request) ? "deals/results" : "deals/list";
    }

    @GetMapping(PATH + "/new")
    String newDeal(Viewer viewer, Model model) {
        DealForm form = DealForm.blank(viewer.userId(), defaultCurrency, pipeline.firstOpenStage().key());
        return formPage(viewer, null, form, FormErrors.none(), null, model);
    }

    @PostMapping(PATH)
    String create(Viewer viewer, @Valid @ModelAttribute("form") DealForm form, BindingResult result, Locale locale,
            Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        if (!errors.any()) {
            try {
                DealView deal = deals.create(viewer, form.toDetails(), form.stage());
                return "redirect:" + PATH + "/" + deal.id();
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return formPage(viewer, null, form, errors, null, model);
    }

    @GetMapping(PATH + "/{id}")
    String show(Viewer viewer, @PathVariable UUID id, Model model) {
        return dealPage(viewer, new DealId(id), FormErrors.none(), ClosingInput.NONE, model, false);
    }

    @GetMapping(PATH + "/{id}/edit")
    String edit(Viewer viewer, @PathVariable UUID id, Model model) {
        DealView deal = deals.get(viewer, new DealId(id));
        if (!deals.canChange(viewer, deal)) {
            throw new ForbiddenException("deals.mayNotChange");
        }
        return formPage(viewer, id, DealForm.from(deal, defaultCurrency), FormErrors.none(), null, model);
    }

    @PostMapping(PATH + "/{id}/edit")
    String update(Viewer viewer, @PathVariable UUID id, @Valid @ModelAttribute("form") DealForm form,
            BindingResult result, Locale locale, Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.from(result, messages, locale);
        DealView saved = null;
        if (!errors.any()) {
            try {
                deals.update(viewer, new DealId(id), form.toDetails(), form.version());
                return "redirect:" + PATH + "/" + id;
            } catch (StaleVersionException e) {
                errors = errors.with(e, messages, locale);
                saved = deals.get(viewer, new DealId(id));
                form = form.withVersion(saved.version());
            } catch (DomainException e) {
                errors = errors.with(e, messages, locale);
            }
        }
        response.setStatus(saved != null ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        return formPage(viewer, id, form, errors, saved, model);
    }

    @PostMapping(PATH + "/{id}/stage")
    String move(Viewer viewer, @PathVariable UUID id, @RequestParam String stage, @RequestParam long version,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            deals.moveToStage(viewer, new DealId(id), stage, version);
        } catch (DomainException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return dealPage(viewer, new DealId(id), FormErrors.none().with(e, messages, locale), ClosingInput.NONE,
                    model, Htmx.isHtmx(request));
        }
        return afterChange(viewer, id, request, model);
    }

    @PostMapping(PATH + "/{id}/close")
    String close(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) Outcome outcome,
            @RequestParam(required = false) UUID wonReason, @RequestParam(required = false) UUID lostReason,
            @RequestParam(required = false) String details, @RequestParam(required = false) String competitor,
            @RequestParam long version, Locale locale, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        UUID reasonId = outcome == Outcome.WON ? wonReason : outcome == Outcome.LOST ? lostReason : null;
        try {
            deals.close(viewer, new DealId(id), new ClosingDecision(outcome, reasonId, details, competitor), version);
        } catch (DomainException e) {
            response.setStatus(e instanceof StaleVersionException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return dealPage(viewer, new DealId(id), FormErrors.none().with(e, messages, locale),
                    new ClosingInput(outcome, reasonId, details == null ? "" : details,
                            competitor == null ? "" : competitor), model, Htmx.isHtmx(request));
        }
        return afterChange(viewer, id, request, model);
    }

    private String afterChange(Viewer viewer, UUID id, HttpServletRequest request, Model model) {
        if (Htmx.isHtmx(request)) {
            return dealPage(viewer, new DealId(id), FormErrors.none(), ClosingInput.NONE, model, true);
        }
        return "redirect:" + PATH + "/" + id;
    }

    private String dealPage(Viewer viewer, DealId id, FormErrors errors, ClosingInput closing, Model model,
            boolean fragment) {
        DealView deal = deals.get(viewer, id);
        boolean canChange = deals.canChange(viewer, deal);
        model.addAttribute("page", new DealPage(deal, pipeline.stages(), deals.history(viewer, id), canChange, errors,
                closing, QualificationCard.of(id, qualification.card(viewer, id), canChange),
                deal.open() ? closeReasons.offered(Outcome.WON) : List.of(),
                deal.open() ? closeReasons.offered(Outcome.LOST) : List.of(),
                deal.open() && canChange ? deals.competitors() : List.of()));
        return fragment ? "deals/deal-body" : "deals/deal";
    }

    private String formPage(Viewer viewer, UUID id, DealForm form, FormErrors errors, DealView saved, Model model) {
        List<StageView> openStages = pipeline.stages().stream().filter(stage -> !stage.closing()).toList();
        model.addAttribute("page", new DealFormPage(id, form, errors, openStages, deals.assignableOwners(viewer),
                CURRENCIES, saved));
        return "deals/form";
    }
}
