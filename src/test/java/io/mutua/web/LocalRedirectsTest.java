package io.mutua.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalRedirectsTest {

    @Test
    void keepsPathsOnThisSite() {
        assertThat(LocalRedirects.safe("/deals?stage=proposal")).isEqualTo("/deals?stage=proposal");
    }

    @Test
    void neverLeadsToAnotherSite() {
        assertThat(LocalRedirects.safe("https://evil.example")).isEqualTo("/");
        assertThat(LocalRedirects.safe("//evil.example/x")).isEqualTo("/");
        assertThat(LocalRedirects.safe("/\\evil.example")).isEqualTo("/");
        assertThat(LocalRedirects.safe("/deals\r\nSet-Cookie: x=1")).isEqualTo("/");
        assertThat(LocalRedirects.safe(null)).isEqualTo("/");
    }
}
