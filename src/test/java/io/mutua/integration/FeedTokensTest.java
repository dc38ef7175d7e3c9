package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedTokensTest {

    @Test
    void aTokenIs256RandomBitsThatFitInAnAddress() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = FeedTokens.newToken();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(FeedTokens.wellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(100);
    }

    @Test
    void onlyAHashIsKeptAndItIsTheSameForTheSameToken() {
        String token = FeedTokens.newToken();
        assertThat(FeedTokens.hash(token)).matches("[0-9a-f]{64}").isEqualTo(FeedTokens.hash(token))
                .doesNotContain(token).isNotEqualTo(FeedTokens.hash(FeedTokens.newToken()));
    }

    @Test
    void anythingThatCannotBeATokenIsNotLookedUp() {
        assertThat(FeedTokens.wellFormed(null)).isFalse();
        assertThat(FeedTokens.wellFormed("")).isFalse();
        assertThat(FeedTokens.wellFormed("short")).isFalse();
        assertThat(FeedTokens.wellFormed("a".repeat(42) + ".")).isFalse();
        assertThat(FeedTokens.wellFormed("a".repeat(44))).isFalse();
        assertThat(FeedTokens.wellFormed("../" + "a".repeat(40))).isFalse();
    }
}
