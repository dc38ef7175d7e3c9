package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.collaboration.BuyingRole;
import io.mutua.collaboration.ParticipantView;
import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.plans.OwnerRef;
import io.mutua.plans.StepStatus;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SheetEntriesTest {

    private static final String HEADER = "milestone,step,side,owners,target date,status,notes,visibility\n";

    private final UUID planId = UUID.randomUUID();
    private final ParticipantView chloe = buyer("Chloe Champion", "chloe@buyer.example");
    private final ParticipantView eric = buyer("Eric Economic", "eric@buyer.example");
    private final ParticipantView gone = new ParticipantView(UUID.randomUUID(), planId, "BUYER", null, "Gone Person",
            "gone@buyer.example", null, BuyingRole.OTHER, false, null, Instant.now(), null, 0, 0);
    private final UserSummary rep = new UserSummary(UUID.randomUUID(), "rep@seller.example", "Rita Rep", Role.REP,
            UUID.randomUUID(), true);
    private final UserSummary twin = new UserSummary(UUID.randomUUID(), "other.chloe@seller.example",
            "Chloe Champion", Role.REP, UUID.randomUUID(), true);
    private final PlanPeople people = PlanPeople.of(List.of(chloe, eric, gone), List.of(rep, twin));

    @Test
    void aGoodRowBecomesTypedValues() {
        SheetEntries.Checked checked = check("Kickoff,Sign the MAP,buyer,\"Eric <ERIC@buyer.example>; role:champion;"
                + " Rita Rep\",2026-04-01,in progress,\"Read **this**\",shared\n"
                + "Rollout,,,,,,,\n");

        assertThat(checked.problems()).isEmpty();
        SheetEntry entry = checked.entries().get(0);
        assertThat(entry.row()).isEqualTo(2);
        assertThat(entry.side()).isEqualTo(Side.BUYER);
        assertThat(entry.owners()).containsExactly(OwnerRef.participant(eric.id()), OwnerRef.role("CHAMPION"),
                OwnerRef.user(rep.id()));
        assertThat(entry.targetDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(entry.status()).isEqualTo(StepStatus.IN_PROGRESS);
        assertThat(entry.notes()).isEqualTo("Read **this**");
        assertThat(entry.visibility()).isEqualTo(Visibility.SHARED);
        assertThat(checked.entries().get(1).milestoneOnly()).isTrue();
    }

    @Test
    void everyProblemOfEveryRowIsReportedWithItsRowAndColumn() {
        SheetEntries.Checked checked = check("Kickoff,Fine,SELLER,,2026-04-01,DONE,,\n"
                + "Kickoff,Bad date,SELLER,,2026-13-01,DONE,,\n"
                + ",Bad status and side,vendor,,01/04/2026,FINISHED,,\n"
                + "Kickoff,Unknown people,SELLER,\"Nobody <nobody@x.example>; Chloe Champion; role:JANITOR;"
                + " gone@buyer.example\",,,,\n"
                + "Kickoff,Buyer internal,BUYER,,,,,INTERNAL\n");

        assertThat(checked.entries()).extracting(SheetEntry::step).containsExactly("Fine");
        assertThat(checked.problems()).extracting(problem -> problem.row() + " " + problem.columnLabel() + " "
                + problem.messageKey()).containsExactly(
                        "3 target date spreadsheet.badDate",
                        "4 milestone spreadsheet.required",
                        "4 side spreadsheet.badSide",
                        "4 target date spreadsheet.badDate",
                        "4 status spreadsheet.badStatus",
                        "5 owners spreadsheet.unknownOwner",
                        "5 owners spreadsheet.ambiguousOwner",
                        "5 owners spreadsheet.unknownRole",
                        "5 owners spreadsheet.unknownOwner",
                        "6 visibility spreadsheet.buyerStepsShared");
        assertThat(checked.problems().get(0).args()).containsExactly("2026-13-01");
        assertThat(checked.problems().get(4).args())
                .containsExactly("FINISHED", "NOT_STARTED, IN_PROGRESS, DONE, BLOCKED, SKIPPED");
    }

    @Test
    void theSameOwnerTwiceCountsOnce() {
        SheetEntries.Checked checked = check("M,S,BUYER,\"Chloe <chloe@buyer.example>; chloe@BUYER.example\",,,,\n");

        assertThat(checked.entries().get(0).owners()).containsExactly(OwnerRef.participant(chloe.id()));
    }

    private SheetEntries.Checked check(String rows) {
        return SheetEntries.check(CsvSheets.read((HEADER + rows).getBytes(StandardCharsets.UTF_8)), people);
    }

    private ParticipantView buyer(String name, String email) {
        return new ParticipantView(UUID.randomUUID(), planId, "BUYER", null, name, email, null, BuyingRole.CHAMPION,
                false, null, null, null, 0, 0);
    }
}
