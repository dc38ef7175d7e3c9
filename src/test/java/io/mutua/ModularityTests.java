package io.mutua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DIAGRAMS = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(MutuaApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicFaces() {
        modules.verify();
    }

    /**
     * Writes the module diagrams (PlantUML) to docs/modules, linked from the README, with their relations in a
     * stable order so that an unchanged architecture leaves the files unchanged. Module canvases are left out:
     * their Javadoc parser rejects ordinary Javadoc with quotes or braces (spring-modulith#1762).
     */
    @Test
    void writesModuleDiagrams() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".puml")).toList()) {
                Files.write(file, relationsSorted(Files.readAllLines(file)));
            }
        }
        assertThat(DIAGRAMS.resolve("components.puml")).content().contains("Plans", "Playbooks", "Forecasting");
    }

    /** The diagram with each block of consecutive relation lines sorted. */
    private static List<String> relationsSorted(List<String> lines) {
        List<String> result = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            result.addAll(relations);
            relations.clear();
            result.add(line);
        }
        relations.sort(null);
        result.addAll(relations);
        return result;
    }
}
