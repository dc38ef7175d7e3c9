package io.mutua;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MutuaApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicFaces() {
        modules.verify();
    }

    /**
     * Writes the module diagrams (PlantUML) to docs/modules, linked from the README. Module canvases are left
     * out: their Javadoc parser rejects ordinary Javadoc with quotes or braces (spring-modulith#1762).
     */
    @Test
    void writesModuleDiagrams() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
