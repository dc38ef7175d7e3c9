package io.mutua.notifications;

import io.mutua.collaboration.Buyer;
import io.mutua.collaboration.BuyerAccess;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A buyer's notification settings, for the plans they take part in (only those). */
@Controller
public class BuyerNotificationSettingsController {

    static final String PATH = Paths.BUYER + "/notifications";

    private final SettingsPages pages;
    private final BuyerAccess access;

    BuyerNotificationSettingsController(SettingsPages pages, BuyerAccess access) {
        this.pages = pages;
        this.access = access;
    }

    @GetMapping(PATH)
    String show(Buyer buyer, @RequestParam(required = false) String saved, Model model) {
        return pages.show(buyer.email(), true, PATH, plans(buyer), saved != null, model);
    }

    @PostMapping(PATH)
    String save(Buyer buyer, @RequestParam Map<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        return pages.save(buyer.email(), true, PATH, plans(buyer), params, request, response, locale, model);
    }

    private List<SettingsPages.PlanChoice> plans(Buyer buyer) {
        return access.plans(buyer.email()).stream()
                .map(plan -> new SettingsPages.PlanChoice(plan.id(), plan.dealName())).toList();
    }
}
