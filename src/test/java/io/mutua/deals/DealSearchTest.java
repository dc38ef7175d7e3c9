package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DealSearchTest {

    @Test
    void blankFiltersMeanAnyAndPagingStaysInBounds() {
        DealSearch search = new DealSearch(" ", null, null, "  ", -3, 10_000);
        assertThat(search.stage()).isNull();
        assertThat(search.text()).isNull();
        assertThat(search.page()).isZero();
        assertThat(search.size()).isEqualTo(DealSearch.MAX_SIZE);
        assertThat(new DealSearch(null, null, null, " acme ", 0, 0).text()).isEqualTo("acme");
        assertThat(new DealSearch(null, null, null, null, 0, 0).size()).isEqualTo(DealSearch.DEFAULT_SIZE);
    }

    @Test
    void searchTextIsMatchedLiterallyNotAsAPattern() {
        assertThat(DealQueries.escapeLike("100%_off\\")).isEqualTo("100\\%\\_off\\\\");
    }
}
