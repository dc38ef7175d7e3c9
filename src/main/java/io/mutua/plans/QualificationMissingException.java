package io.mutua.plans;

import io.mutua.deals.MeddpiccElement;
import io.mutua.web.ConflictException;
import java.util.List;
import java.util.Map;

/** A plan cannot become mutual yet: these required qualification elements are not confirmed. */
public class QualificationMissingException extends ConflictException {

    private final List<MeddpiccElement> missing;

    /** {@code args} fill the message; the missing elements also go, one by one, into the problem's details. */
    QualificationMissingException(List<MeddpiccElement> missing, String messageKey, Object... args) {
        super(messageKey, args);
        this.missing = List.copyOf(missing);
    }

    public List<MeddpiccElement> missing() {
        return missing;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("missing", missing.stream().map(MeddpiccElement::key).toList());
    }
}
