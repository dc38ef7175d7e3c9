package io.mutua.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.web.I18nSources.Source;
import io.mutua.web.TemplateTextScanner.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No template says anything by itself: every word on a page comes from the message bundles. */
class TemplateTextTest {

    @Test
    void templatesContainNoHardCodedText() {
        List<Source> templates = I18nSources.templates();
        assertThat(templates).as("templates in %s", I18nSources.TEMPLATES).isNotEmpty();

        List<String> offences = new ArrayList<>();
        for (Source template : templates) {
            for (Finding finding : TemplateTextScanner.scan(template.text())) {
                offences.add(template.name() + " " + finding);
            }
        }
        assertThat(offences).as("hard-coded text in templates; use ${ui.t(\"key\")} with a key in both bundles")
                .isEmpty();
    }

    @Test
    void catchesTextBetweenTags() {
        List<Finding> findings = TemplateTextScanner.scan("""
                @param Ui ui
                <form method="post">
                    <button type="submit" class="button">Save</button>
                </form>
                """);

        assertThat(findings).containsExactly(new Finding(3, "text", "Save"));
    }

    @Test
    void catchesTextInAPlaceholder() {
        List<Finding> findings = TemplateTextScanner.scan("""
                <input id="q" name="q" type="search" value="${page.q()}" placeholder="Search">
                """);

        assertThat(findings).containsExactly(new Finding(1, "text in input placeholder=", "Search"));
    }

    @Test
    void acceptsATemplateWhoseTextComesFromTheBundles() {
        List<Finding> findings = TemplateTextScanner.scan("""
                @import io.mutua.web.Ui
                @param Ui ui
                @param String type = "text"
                <%-- Comments may say anything, as they never reach the page. --%>
                <!DOCTYPE html>
                <p class="lead" title="${ui.t("deals.title")}">${ui.t("deals.count", 3)} · ${deal.name()} →&nbsp;</p>
                @if(ui.lang().equals("en") && page.items().size() > 1)
                    <a href="/deals/${deal.id()}" aria-current="${current ? "page" : null}">${ui.t("nav.deals")}</a>
                @elseif(page.empty())
                    <span>–</span>
                @else
                    @for(var stage : page.stages())
                        <button type="submit" aria-label="${ui.t("pipeline.moveUp", stage.name())}">↑</button>
                    @endfor
                @endif
                <input type="hidden" name="back" value="/profile">
                !{var label = ui.t("field.name");}
                <script src="/js/mutua.js" defer></script>
                """);

        assertThat(findings).isEmpty();
    }

    @Test
    void checksContentBlocksButNotTheJavaArgumentsAroundThem() {
        List<Finding> findings = TemplateTextScanner.scan("""
                @template.layout.page(ui = ui, title = isNew ? ui.t("deals.new") : ui.t("deals.edit"), content = @`
                    <h1>${ui.t("deals.title")}</h1>
                    @template.parts.input(label = ui.t("field.name"), name = "name", value = page.name(), hint = null)
                    @template.parts.card(body = @`
                        <p>Welcome back</p>
                    `)
                `)
                """);

        assertThat(findings).containsExactly(new Finding(5, "text", "Welcome back"));
    }

    @Test
    void bracesAndQuotesInsideExpressionsDoNotConfuseIt() {
        List<Finding> findings = TemplateTextScanner.scan("""
                <p data-x="${a ? "}" : "{"}">${b ? ")" : "("} ·</p>
                @if(x.equals(")"))<span>${ui.t("a.b")}</span>@endif
                <p>Left over</p>
                """);

        assertThat(findings).containsExactly(new Finding(3, "text", "Left over"));
    }

    @Test
    void catchesTextOnButtonsAndInOtherReadAttributes() {
        List<Finding> findings = TemplateTextScanner.scan("""
                <input type="submit" value="Send">
                <img src="/logo.svg" alt="Logo">
                <a href="/" title="Home page" aria-label="${ui.t("nav.home")}">&rarr;</a>
                <option value="EUR">${currency}</option>
                <button type="submit" name="lang" value="en">${ui.t("language.en")}</button>
                """);

        assertThat(findings).containsExactly(
                new Finding(1, "text in input value=", "Send"),
                new Finding(2, "text in img alt=", "Logo"),
                new Finding(3, "text in a title=", "Home page"));
    }

    @Test
    void catchesProseInJavaStringsThatReachThePage() {
        List<Finding> findings = TemplateTextScanner.scan("""
                @template.parts.input(label = "Deal name", name = "name", value = "", type = "email")
                <dd>${deal.crmRef() == null ? "Not set" : deal.crmRef()}</dd>
                """);

        assertThat(findings).containsExactly(
                new Finding(1, "text in a Java string", "Deal name"),
                new Finding(2, "text in a Java string", "Not set"));
    }
}
