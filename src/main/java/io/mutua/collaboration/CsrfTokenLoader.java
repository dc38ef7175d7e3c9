package io.mutua.collaboration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Loads the CSRF token before a plan page or fragment renders. A fragment can be long enough to commit the response
 * before its first form asks for the token, and a session that holds a new token cannot be started after that.
 */
@ControllerAdvice(assignableTypes = {BuyerPlanController.class, BuyerSectionController.class,
        BuyerDiscussionController.class, PlanDiscussionController.class})
class CsrfTokenLoader {

    @ModelAttribute
    void load(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }
}
