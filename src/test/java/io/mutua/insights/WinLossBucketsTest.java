package io.mutua.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The groups deals fall into by MAP size and by buyer participants, at their edges, and the summaries. */
class WinLossBucketsTest {

    @Test
    void mapSizesFollowTheSharedStepCount() {
        assertThat(List.of(0, 1, 5, 6, 10, 11, 20, 21, 80).stream().map(WinLossAnalysis::mapSize).toList())
                .containsExactly("0", "1-5", "1-5", "6-10", "6-10", "11-20", "11-20", "21+", "21+");
    }

    @Test
    void buyerGroupsFollowTheActiveBuyerCount() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 12).stream().map(WinLossAnalysis::buyers).toList())
                .containsExactly("0", "1", "2", "3-4", "3-4", "5+", "5+");
    }

    @Test
    void medianAndNearestRankP80() {
        assertThat(Stats.median(List.of(9, 1, 5))).isEqualTo(5.0);
        assertThat(Stats.median(List.of(4, 1, 2, 8))).isEqualTo(3.0);
        assertThat(Stats.p80(List.of(1, 2, 3, 4, 5))).isEqualTo(4);
        assertThat(Stats.p80(List.of(10, 1, 2, 3, 4, 5))).isEqualTo(5);
        assertThat(Stats.median(List.of())).isNull();
        assertThat(Stats.p80(List.of())).isNull();
    }

    @Test
    void csvCellsThatLookLikeFormulasAreMadeInert() {
        assertThat(WinLossCsv.inert("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(WinLossCsv.inert("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(WinLossCsv.inert("-3.5")).isEqualTo("-3.5");
        assertThat(WinLossCsv.inert("Acme")).isEqualTo("Acme");
        assertThat(WinLossCsv.inert("")).isEmpty();
    }
}
