package io.mutua.deals;

import io.mutua.identity.Viewer;
import io.mutua.web.InvalidInputException;
import io.mutua.web.Paths;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's page for which MEDDPICC elements must be confirmed before a closing plan may be shared. */
@Controller
public class QualificationAdminController {

    static final String PATH = Paths.ADMIN + "/qualification";

    private final Qualification qualification;

    QualificationAdminController(Qualification qualification) {
        this.qualification = qualification;
    }

    public record RequirementsPage(List<Requirement> requirements, boolean saved) {

        public boolean noneRequired() {
            return requirements.stream().noneMatch(Requirement::required);
        }
    }

    public record Requirement(MeddpiccElement element, boolean required) {

        public String fieldId() {
            return "require-" + element.key();
        }
    }

    @GetMapping(PATH)
    String show(@RequestParam(required = false) String saved, Model model) {
        Set<MeddpiccElement> required = qualification.requirements();
        model.addAttribute("page", new RequirementsPage(Arrays.stream(MeddpiccElement.values())
                .map(element -> new Requirement(element, required.contains(element)))
                .toList(), saved != null));
        return "deals/qualification-admin";
    }

    /** An unchecked checkbox sends nothing: the elements sent are all that is required from now on. */
    @PostMapping(PATH)
    String save(Viewer viewer, @RequestParam(name = "required", required = false) List<String> required) {
        Set<MeddpiccElement> elements = EnumSet.noneOf(MeddpiccElement.class);
        for (String name : required == null ? List.<String>of() : required) {
            elements.add(Arrays.stream(MeddpiccElement.values()).filter(element -> element.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("required", "qualification.unknownElement")));
        }
        qualification.require(viewer, elements);
        return "redirect:" + PATH + "?saved";
    }
}
