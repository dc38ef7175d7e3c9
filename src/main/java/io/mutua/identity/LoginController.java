package io.mutua.identity;

import io.mutua.web.Paths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class LoginController {

    /** Which notice the sign-in page shows, from the query string the security filters redirect with. */
    public enum Notice { NONE, ERROR, LOCKED, LOGGED_OUT, SETUP_DONE }

    public record LoginPage(Notice notice) {
    }

    @GetMapping(Paths.LOGIN)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String logout, @RequestParam(required = false) String setup,
            Model model) {
        Notice notice = error != null ? Notice.ERROR
                : locked != null ? Notice.LOCKED
                : logout != null ? Notice.LOGGED_OUT
                : setup != null ? Notice.SETUP_DONE
                : Notice.NONE;
        model.addAttribute("page", new LoginPage(notice));
        return "identity/login";
    }
}
