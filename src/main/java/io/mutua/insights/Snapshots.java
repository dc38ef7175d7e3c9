package io.mutua.insights;

import io.mutua.deals.DealId;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The snapshots taken when deals closed. No access check: callers decide who may see a deal (sellers through
 * {@link io.mutua.deals.DealService#get}); a snapshot holds internal steps and must never reach a buyer.
 */
@Service
@Transactional(readOnly = true)
public class Snapshots {

    private final SnapshotStore store;

    Snapshots(SnapshotStore store) {
        this.store = store;
    }

    public Optional<DealSnapshot> of(DealId dealId) {
        return store.find(dealId);
    }

    /** The snapshot's JSON content exactly as stored. */
    public Optional<String> json(DealId dealId) {
        return store.json(dealId);
    }
}
