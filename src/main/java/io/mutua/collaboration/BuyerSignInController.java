package io.mutua.collaboration;

import io.mutua.plans.PlanView;
import io.mutua.web.FormErrors;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
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

/**
 * How buyers get in, without a password: open a magic link (a page with a button, so that mail scanners that
 * fetch links never use one up), ask for a fresh link, or join a plan that lets their email domain in. Asking says
 * the same whether the address is known or not: the answer is one redirect, whatever happened.
 */
@Controller
public class BuyerSignInController {

    static final String JOIN = Paths.BUYER_JOIN + "/{planId}";
    static final String SENT = "sent";
    static final String SIGNED_OUT = "signedOut";

    private final BuyerLinks links;
    private final BuyerSignIn signIn;
    private final MessageSource messages;

    BuyerSignInController(BuyerLinks links, BuyerSignIn signIn, MessageSource messages) {
        this.links = links;
        this.signIn = signIn;
        this.messages = messages;
    }

    /** A magic link's page: {@code email} is where a fresh link would go when this one no longer works. */
    public record SignInPage(String token, BuyerLinks.LinkState state, String email, long lifetimeDays) {

        public boolean valid() {
            return state == BuyerLinks.LinkState.VALID;
        }

        public boolean used() {
            return state == BuyerLinks.LinkState.USED;
        }

        public boolean expired() {
            return state == BuyerLinks.LinkState.EXPIRED;
        }
    }

    /** The form to ask for a link, after a refusal with what was typed, or the answer after asking. */
    public record RequestLinkPage(String email, FormErrors errors, boolean sent, boolean signedOut,
            long lifetimeDays) {
    }

    /** The self-join page of a plan that lets some email domains in. */
    public record JoinPage(UUID planId, String account, String email, FormErrors errors, boolean sent,
            long lifetimeDays) {

        public String path() {
            return Paths.BUYER_JOIN + "/" + planId;
        }
    }

    // --- magic links -------------------------------------------------------------------------------------------

    @GetMapping(Paths.BUYER_SIGN_IN)
    String link(@RequestParam(required = false) String token, Model model) {
        return signInPage(token, model);
    }

    @PostMapping(Paths.BUYER_SIGN_IN)
    String use(@RequestParam(required = false) String token, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return links.use(token).map(entry -> {
            signIn.signIn(entry.email(), request, response);
            return "redirect:" + (entry.planId() == null ? Paths.BUYER : Paths.BUYER + "/plans/" + entry.planId());
        }).orElseGet(() -> signInPage(token, model));
    }

    private String signInPage(String token, Model model) {
        BuyerLinks.LinkState state = links.state(token);
        String email = state == BuyerLinks.LinkState.VALID ? null : links.emailOf(token).orElse("");
        model.addAttribute("page", new SignInPage(state == BuyerLinks.LinkState.VALID ? token : null, state, email,
                MagicLinks.LIFETIME.toDays()));
        return "buyer/sign-in";
    }

    // --- asking for a fresh link -------------------------------------------------------------------------------

    @GetMapping(Paths.BUYER_REQUEST_LINK)
    String requestLinkForm(HttpServletRequest request, Model model) {
        model.addAttribute("page", new RequestLinkPage("", FormErrors.none(), flag(request, SENT),
                flag(request, SIGNED_OUT), MagicLinks.LIFETIME.toDays()));
        return "buyer/request-link";
    }

    @PostMapping(Paths.BUYER_REQUEST_LINK)
    String requestLink(@RequestParam(required = false) String email, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            Participants.requireEmail(email);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", new RequestLinkPage(email, FormErrors.none().with(e, messages, locale), false,
                    false, MagicLinks.LIFETIME.toDays()));
            return "buyer/request-link";
        }
        links.requestLink(email, request.getRemoteAddr());
        return "redirect:" + Paths.BUYER_REQUEST_LINK + "?" + SENT;
    }

    // --- joining a plan by email domain ------------------------------------------------------------------------

    @GetMapping(JOIN)
    String joinForm(@PathVariable UUID planId, HttpServletRequest request, Model model) {
        PlanView plan = links.joinable(planId);
        model.addAttribute("page", new JoinPage(planId, plan.dealName(), "", FormErrors.none(), flag(request, SENT),
                MagicLinks.LIFETIME.toDays()));
        return "buyer/join";
    }

    @PostMapping(JOIN)
    String join(@PathVariable UUID planId, @RequestParam(required = false) String email, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PlanView plan = links.joinable(planId);
        try {
            links.requestJoin(planId, email, request.getRemoteAddr());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", new JoinPage(planId, plan.dealName(), email,
                    FormErrors.none().with(e, messages, locale), false, MagicLinks.LIFETIME.toDays()));
            return "buyer/join";
        }
        return "redirect:" + Paths.BUYER_JOIN + "/" + planId + "?" + SENT;
    }

    /** A bare query parameter such as {@code ?sent}, which says what just happened. */
    private static boolean flag(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        return request.getParameter(name) != null
                || query != null && Arrays.asList(query.split("&")).contains(name);
    }
}
