package io.mutua.deals;

import io.mutua.web.Paths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pipeline")
class StageApiController {

    private final Pipeline pipeline;

    StageApiController(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    record StageJson(String key, String name, int position, int probability, boolean triggersPlan) {
    }

    @GetMapping(Paths.API + "/stages")
    @Operation(summary = "The pipeline stages in order")
    List<StageJson> stages() {
        return pipeline.stages().stream()
                .map(stage -> new StageJson(stage.key(), stage.name(), stage.position(), stage.probability(),
                        stage.triggersPlan()))
                .toList();
    }
}
