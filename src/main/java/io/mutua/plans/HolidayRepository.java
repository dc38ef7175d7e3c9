package io.mutua.plans;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface HolidayRepository extends ListCrudRepository<Holiday, LocalDate> {

    @Query("select * from holiday order by day")
    List<Holiday> findAllInOrder();
}
