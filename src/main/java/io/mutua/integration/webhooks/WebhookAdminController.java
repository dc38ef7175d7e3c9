package io.mutua.integration.webhooks;

import io.mutua.integration.webhooks.WebhookDeliveryLog.Delivery;
import io.mutua.integration.webhooks.WebhookEndpoints.Endpoint;
import io.mutua.web.ConflictException;
import io.mutua.web.DomainException;
import io.mutua.web.FormErrors;
import io.mutua.web.Htmx;
import io.mutua.web.Paths;
import io.mutua.web.ResultPage;
import io.mutua.web.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's webhooks: endpoints (add, edit, rotate the secret, delete), "Send test event" and each endpoint's
 * delivery log. A secret is shown once, on the page that answers its creation or rotation.
 */
@Controller
public class WebhookAdminController {

    public static final String PATH = Paths.ADMIN + "/webhooks";
    /** The DOM id of the delivery log, which "Send test event" re-renders. */
    public static final String LOG_ID = "webhook-deliveries";
    static final int LOG_PAGE_SIZE = 20;

    private final WebhookEndpoints endpoints;
    private final WebhookOutbox outbox;
    private final WebhookDeliveryLog log;
    private final MessageSource messages;

    WebhookAdminController(WebhookEndpoints endpoints, WebhookOutbox outbox, WebhookDeliveryLog log,
            MessageSource messages) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.log = log;
        this.messages = messages;
    }

    /** The add and edit forms; event types by their names ({@code deal.closed}). */
    public record EndpointForm(String url, String description, List<String> events, Boolean active, Long version) {

        static EndpointForm blank() {
            return new EndpointForm("", "", List.of(), true, null);
        }

        static EndpointForm of(Endpoint endpoint) {
            return new EndpointForm(endpoint.url(), endpoint.description(), endpoint.eventNames(),
                    endpoint.active(), endpoint.version());
        }

        public boolean wants(WebhookEventType type) {
            return events != null && events.contains(type.type());
        }

        public boolean isActive() {
            return Boolean.TRUE.equals(active);
        }

        public String descriptionValue() {
            return description == null ? "" : description;
        }

        List<WebhookEventType> eventTypes() {
            return events == null ? List.of()
                    : events.stream().map(WebhookEventType::of).flatMap(Optional::stream).toList();
        }
    }

    public record ListPage(List<Endpoint> endpoints, EndpointForm form, FormErrors errors, boolean deleted) {

        public List<WebhookEventType> types() {
            return WebhookEventType.subscribable();
        }

        public String path() {
            return PATH;
        }

        public String endpointPath(Endpoint endpoint) {
            return PATH + "/" + endpoint.id();
        }
    }

    /** The secret just issued, shown this once. */
    public record SecretPage(Endpoint endpoint, String secret, boolean rotated) {

        public String endpointPath() {
            return PATH + "/" + endpoint.id();
        }
    }

    /** One endpoint: its settings form, its actions and its delivery log. {@code saved} is set after a stale edit. */
    public record EndpointPage(Endpoint endpoint, EndpointForm form, FormErrors errors, Endpoint saved,
            ResultPage<Delivery> deliveries, String notice) {

        public List<WebhookEventType> types() {
            return WebhookEventType.subscribable();
        }

        public String path() {
            return PATH + "/" + endpoint.id();
        }

        public String listPath() {
            return PATH;
        }

        public String logPagePath(int page) {
            return path() + "?page=" + page;
        }
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String deleted, Model model) {
        return listPage(model, EndpointForm.blank(), FormErrors.none(), deleted != null);
    }

    @PostMapping(PATH)
    String create(@ModelAttribute("form") EndpointForm form, Locale locale, Model model,
            HttpServletResponse response) {
        try {
            WebhookEndpoints.Issued issued = endpoints.create(form.url(), form.description(), form.eventTypes(),
                    form.isActive());
            response.setStatus(HttpStatus.CREATED.value());
            model.addAttribute("page", new SecretPage(issued.endpoint(), issued.secret(), false));
            return "integration/webhooks/secret";
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listPage(model, form, FormErrors.none().with(e, messages, locale), false);
        }
    }

    @GetMapping(PATH + "/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String notice, HttpServletRequest request, Model model) {
        Endpoint endpoint = endpoints.get(id);
        EndpointPage view = new EndpointPage(endpoint, EndpointForm.of(endpoint), FormErrors.none(), null,
                log.page(id, page, LOG_PAGE_SIZE), notice(notice));
        model.addAttribute("page", view);
        return Htmx.isHtmx(request) ? "integration/webhooks/deliveries" : "integration/webhooks/endpoint";
    }

    @PostMapping(PATH + "/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") EndpointForm form, Locale locale, Model model,
            HttpServletResponse response) {
        Endpoint endpoint = endpoints.get(id);
        FormErrors errors;
        Endpoint saved = null;
        try {
            if (form.version() == null) {
                throw new StaleVersionException("webhooks.stale", endpoint.version());
            }
            endpoints.update(id, form.version(), form.description(), form.eventTypes(), form.isActive());
            return "redirect:" + PATH + "/" + id + "?notice=saved";
        } catch (StaleVersionException e) {
            errors = FormErrors.none().with(e, messages, locale);
            saved = endpoint;
        } catch (DomainException e) {
            errors = FormErrors.none().with(e, messages, locale);
        }
        response.setStatus(saved != null ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        EndpointForm kept = new EndpointForm(endpoint.url(), form.description(), form.events(), form.active(),
                saved != null ? saved.version() : form.version());
        model.addAttribute("page", new EndpointPage(endpoint, kept, errors, saved, log.page(id, 0, LOG_PAGE_SIZE),
                null));
        return "integration/webhooks/endpoint";
    }

    @PostMapping(PATH + "/{id}/rotate-secret")
    String rotate(@PathVariable UUID id, Model model) {
        WebhookEndpoints.Issued issued = endpoints.rotateSecret(id);
        model.addAttribute("page", new SecretPage(issued.endpoint(), issued.secret(), true));
        return "integration/webhooks/secret";
    }

    @PostMapping(PATH + "/{id}/test")
    String sendTest(@PathVariable UUID id, HttpServletRequest request, Model model) {
        Endpoint endpoint = endpoints.get(id);
        if (!endpoint.active()) {
            throw new ConflictException("webhooks.testInactive");
        }
        outbox.sendTest(id);
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + PATH + "/" + id + "?notice=tested";
        }
        model.addAttribute("page", new EndpointPage(endpoint, EndpointForm.of(endpoint), FormErrors.none(), null,
                log.page(id, 0, LOG_PAGE_SIZE), "tested"));
        return "integration/webhooks/deliveries";
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(@PathVariable UUID id) {
        endpoints.delete(id);
        return "redirect:" + PATH + "?deleted";
    }

    private String listPage(Model model, EndpointForm form, FormErrors errors, boolean deleted) {
        model.addAttribute("page", new ListPage(endpoints.list(), form, errors, deleted));
        return "integration/webhooks/list";
    }

    private static String notice(String notice) {
        return "saved".equals(notice) || "tested".equals(notice) ? notice : null;
    }
}
