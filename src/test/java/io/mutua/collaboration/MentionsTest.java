package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentionsTest {

    static final Mentions.Person ANNA = person("Anna", "anna@buyer.example", true);
    static final Mentions.Person ANNA_MARIA = person("Anna Maria Papadopoulou", "am@buyer.example", true);
    static final Mentions.Person NIKOS = person("Νίκος Παππάς", "nikos@seller.example", false);
    static final Mentions MENTIONS = Mentions.of(List.of(ANNA, ANNA_MARIA, NIKOS));

    @Test
    void theLongestNameWinsAndCaseDoesNotMatter() {
        assertThat(MENTIONS.in("Thanks @anna maria papadopoulou!")).containsExactly(ANNA_MARIA);
        assertThat(MENTIONS.in("@ANNA, and @νίκος παππάς.")).containsExactly(ANNA, NIKOS);
    }

    @Test
    void aMentionByEmailFindsThePersonAndAnAtInsideAWordIsNoMention() {
        assertThat(MENTIONS.in("cc @nikos@seller.example")).containsExactly(NIKOS);
        assertThat(MENTIONS.in("write to anna@buyer.example or @Annabel")).isEmpty();
    }

    @Test
    void textWithoutPeopleOrWithoutMentionsHasNone() {
        assertThat(Mentions.of(List.of()).in("@Anna")).isEmpty();
        assertThat(MENTIONS.in(null)).isEmpty();
        assertThat(Mentions.of(List.of()).highlight("<p>@Anna</p>")).isEqualTo("<p>@Anna</p>");
    }

    @Test
    void highlightingMarksMentionsInTextButNotInLinksOrCode() {
        String html = MENTIONS.highlight("<p>Hi @Anna &amp; <a href=\"https://x.example\">@Anna</a> "
                + "<code>@Anna</code> &lt;b&gt;</p>");

        assertThat(html).isEqualTo("<p>Hi <span class=\"mention\">@Anna</span> &amp; "
                + "<a href=\"https://x.example\">@Anna</a> <code>@Anna</code> &lt;b&gt;</p>");
    }

    @Test
    void highlightingKeepsEscapedTextEscaped() {
        Mentions tricky = Mentions.of(List.of(person("<b>Eve</b>", "eve@x.example", true)));

        assertThat(tricky.highlight("<p>@&lt;b&gt;Eve&lt;/b&gt; hello</p>"))
                .isEqualTo("<p><span class=\"mention\">@&lt;b&gt;Eve&lt;/b&gt;</span> hello</p>");
    }

    private static Mentions.Person person(String name, String email, boolean buyer) {
        return new Mentions.Person(UUID.randomUUID(), buyer ? null : UUID.randomUUID(), name, email, buyer);
    }
}
