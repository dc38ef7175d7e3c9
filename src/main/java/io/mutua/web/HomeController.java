package io.mutua.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The front page is the first place in the navigation the user may visit. */
@Controller
class HomeController {

    @GetMapping(Paths.HOME)
    String home(@ModelAttribute(Ui.MODEL_ATTRIBUTE) Ui ui) {
        if (ui.buyer()) {
            return "redirect:" + Paths.BUYER;
        }
        return ui.nav().isEmpty() ? "redirect:" + Paths.LOGIN : "redirect:" + ui.nav().get(0).path();
    }
}
