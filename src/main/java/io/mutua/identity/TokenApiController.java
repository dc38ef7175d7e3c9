package io.mutua.identity;

import io.mutua.web.Paths;
import io.mutua.web.StorableText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tokens")
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@Size(max = 100, message = "{validation.size}") @StorableText String name) {
    }

    record TokenResponse(String token) {
    }

    @PostMapping(Paths.API_TOKENS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API token with HTTP Basic (email:password); the token is shown once")
    TokenResponse create(Viewer viewer, @Valid @RequestBody(required = false) TokenRequest request) {
        String name = request == null || request.name() == null || request.name().isBlank() ? "API" : request.name();
        return new TokenResponse(tokens.create(viewer.userId(), name));
    }
}
