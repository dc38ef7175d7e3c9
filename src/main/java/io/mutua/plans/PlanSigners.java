package io.mutua.plans;

import io.mutua.playbooks.Side;
import io.mutua.web.InvalidInputException;
import io.mutua.web.StaleVersionException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who must sign a mutual action plan. By default the sales team's main contact (the account executive) and the
 * buyer's main contact; a seller may name another seller on the plan and require more buyers. Only people whose
 * access has not ended count; when none of the chosen buyers is left, the buyer's main contact is required again.
 */
@Component
class PlanSigners {

    private final ParticipantDirectory directory;
    private final JdbcClient jdbc;

    PlanSigners(ParticipantDirectory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** The required signers of both sides (the seller first), and the version of the choice (0 for the defaults). */
    record Required(List<SignerView> signers, long version, List<SignerView> sellers, List<SignerView> buyers) {

        Optional<SignerView> seller() {
            return signers.stream().filter(signer -> signer.side() == Side.SELLER).findFirst();
        }

        List<SignerView> requiredBuyers() {
            return signers.stream().filter(signer -> signer.side() == Side.BUYER).toList();
        }

        Optional<SignerView> byParticipant(UUID participantId) {
            return signers.stream().filter(signer -> signer.participantId().equals(participantId)).findFirst();
        }

        Optional<SignerView> sellerUser(UUID userId) {
            return seller().filter(signer -> userId.equals(signer.userId()));
        }

        /** Signing needs someone on each side. */
        boolean complete() {
            return seller().isPresent() && !requiredBuyers().isEmpty();
        }
    }

    Required required(UUID planId) {
        List<SignerView> people = directory.onPlan(planId).stream()
                .filter(person -> !"REVOKED".equals(person.status()))
                .map(person -> new SignerView(person.id(), person.userId(), person.name(), person.email(),
                        person.title(), Side.valueOf(person.side()), person.mainContact()))
                .toList();
        List<SignerView> sellers = people.stream().filter(person -> person.side() == Side.SELLER).toList();
        List<SignerView> buyers = people.stream().filter(person -> person.side() == Side.BUYER).toList();
        Optional<Choice> choice = choice(planId);
        Optional<SignerView> seller = choice.flatMap(chosen -> find(sellers, chosen.seller()))
                .or(() -> sellers.stream().filter(SignerView::mainContact).findFirst());
        List<SignerView> chosenBuyers = choice.map(chosen -> buyers.stream()
                .filter(buyer -> chosen.buyers().contains(buyer.participantId())).toList()).orElse(List.of());
        List<SignerView> requiredBuyers = !chosenBuyers.isEmpty() ? chosenBuyers
                : buyers.stream().filter(SignerView::mainContact).toList();
        List<SignerView> signers = new ArrayList<>();
        seller.ifPresent(signers::add);
        signers.addAll(requiredBuyers);
        return new Required(List.copyOf(signers), choice.map(Choice::version).orElse(0L), sellers, buyers);
    }

    /**
     * Replaces the choice of signers: one seller and at least one buyer, all of them people on the plan whose access
     * has not ended. {@code expectedVersion} is the version the choice was read at (0 for the defaults).
     */
    void choose(UUID planId, UUID sellerParticipant, Set<UUID> buyerParticipants, long expectedVersion, UUID by,
            Instant now) {
        Required current = required(planId);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("signatures.staleSigners", current.version());
        }
        if (sellerParticipant == null || find(current.sellers(), sellerParticipant).isEmpty()) {
            throw new InvalidInputException("seller", "signatures.chooseSeller");
        }
        Set<UUID> buyers = new LinkedHashSet<>(buyerParticipants);
        if (buyers.isEmpty()) {
            throw new InvalidInputException("buyers", "signatures.chooseBuyer");
        }
        for (UUID buyer : buyers) {
            if (find(current.buyers(), buyer).isEmpty()) {
                throw new InvalidInputException("buyers", "signatures.chooseBuyer");
            }
        }
        int written = expectedVersion == 0
                ? jdbc.sql("insert into plan_signers (plan_id, seller_participant_id, updated_at, updated_by, version) "
                                + "values (:plan, :seller, :now, :by, 1) on conflict (plan_id) do nothing")
                        .param("plan", planId).param("seller", sellerParticipant).param("now", Timestamp.from(now))
                        .param("by", by).update()
                : jdbc.sql("update plan_signers set seller_participant_id = :seller, updated_at = :now, "
                                + "updated_by = :by, version = version + 1 where plan_id = :plan and version = :version")
                        .param("plan", planId).param("seller", sellerParticipant).param("now", Timestamp.from(now))
                        .param("by", by).param("version", expectedVersion).update();
        if (written == 0) {
            throw new StaleVersionException("signatures.staleSigners", expectedVersion + 1);
        }
        jdbc.sql("delete from plan_signer_buyer where plan_id = :plan").param("plan", planId).update();
        for (UUID buyer : buyers) {
            jdbc.sql("insert into plan_signer_buyer (plan_id, participant_id) values (:plan, :participant)")
                    .param("plan", planId).param("participant", buyer).update();
        }
    }

    private record Choice(UUID seller, Set<UUID> buyers, long version) {
    }

    private Optional<Choice> choice(UUID planId) {
        record Row(UUID seller, long version) {
        }
        return jdbc.sql("select seller_participant_id, version from plan_signers where plan_id = :plan")
                .param("plan", planId)
                .query((rs, n) -> new Row(rs.getObject("seller_participant_id", UUID.class), rs.getLong("version")))
                .optional()
                .map(row -> new Choice(row.seller(), new LinkedHashSet<>(jdbc.sql(
                                "select participant_id from plan_signer_buyer where plan_id = :plan")
                        .param("plan", planId).query(UUID.class).list()), row.version()));
    }

    private static Optional<SignerView> find(List<SignerView> people, UUID participantId) {
        return people.stream().filter(person -> person.participantId().equals(participantId)).findFirst();
    }
}
