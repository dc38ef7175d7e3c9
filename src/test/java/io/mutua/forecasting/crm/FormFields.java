package io.mutua.forecasting.crm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** What a browser would send for a form as rendered: hidden and text inputs, and each select's chosen option. */
final class FormFields {

    private FormFields() {
    }

    static Map<String, String> of(String html, String formSelector) {
        Element form = Jsoup.parse(html).selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " in " + html);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!"file".equals(input.attr("type"))) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        for (Element select : form.select("select[name]")) {
            Element chosen = select.selectFirst("option[selected]");
            if (chosen == null) {
                chosen = select.selectFirst("option");
            }
            fields.put(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
        }
        return fields;
    }
}
