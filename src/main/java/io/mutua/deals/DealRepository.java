package io.mutua.deals;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface DealRepository extends ListCrudRepository<Deal, UUID> {
}
