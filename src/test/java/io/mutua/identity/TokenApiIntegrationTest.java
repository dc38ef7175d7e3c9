package io.mutua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.ApiClient;
import io.mutua.ApiClient.Response;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.TestData.Seller;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Personal API tokens over real HTTP: Basic only to mint one, Bearer for everything else. */
@IntegrationTest
class TokenApiIntegrationTest {

    private static final String TOKENS = "/api/v1/tokens";
    private static final String DEALS = "/api/v1/deals";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    Seller rep;

    @BeforeEach
    void seller() {
        api = new ApiClient(port);
        rep = data.user("REP", data.team("Tokens"));
    }

    @Test
    void basicAuthMintsATokenThatActsAsTheUser() {
        Response minted = api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).send();

        assertThat(minted.status()).isEqualTo(201);
        assertThat(minted.contentType()).startsWith("application/json");
        assertThat(minted.header("Set-Cookie")).as("no session is started").isEmpty();
        String token = minted.json().path("token").asString();
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(liveTokens(rep.id())).isEqualTo(1);
        assertThat(jdbc.sql("select token_hash from api_token where user_id = :user").param("user", rep.id())
                .query(String.class).single()).as("only a hash is stored").isNotEqualTo(token).doesNotContain(token);

        Response created = api.post(DEALS).bearer(token)
                .json(Map.of("name", "Token deal", "account", "Token account " + TestData.unique())).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("ownerEmail").asString()).isEqualTo(rep.email());
        assertThat(jdbc.sql("select count(*) from deal where owner_id = :owner").param("owner", rep.id())
                .query(Long.class).single()).isEqualTo(1);

        assertThat(jdbc.sql("select last_used_at is not null from api_token where user_id = :user")
                .param("user", rep.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void eachMintGivesADifferentTokenAndEmailIsCaseInsensitive() {
        String first = api.token(rep.email(), TestData.PASSWORD);
        String second = api.token(rep.email().toUpperCase(), TestData.PASSWORD);

        assertThat(first).isNotEqualTo(second);
        assertThat(liveTokens(rep.id())).isEqualTo(2);
        assertThat(api.get(DEALS).bearer(first).send().status()).isEqualTo(200);
        assertThat(api.get(DEALS).bearer(second).send().status()).isEqualTo(200);
    }

    @Test
    void tokenMayBeNamed() {
        Response minted = api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).json(Map.of("name", "CI server"))
                .send();

        assertThat(minted.status()).isEqualTo(201);
        assertThat(jdbc.sql("select name from api_token where user_id = :user").param("user", rep.id())
                .query(String.class).single()).isEqualTo("CI server");
    }

    @Test
    void badTokenRequestsAreExplainedAndMintNothing() {
        api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).json(Map.of("name", "n".repeat(10_000))).send()
                .fieldProblem("name");
        api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).json(Map.of("nmae", "typo")).send()
                .fieldProblem("nmae");
        api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).body("{\"name\": ").send().problem(400);
        api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).json(Map.of("name", Map.of("nested", 1))).send()
                .fieldProblem("name");
        api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).json(Map.of("name", "C\u0000I")).send()
                .fieldProblem("name");

        assertThat(liveTokens(rep.id())).isZero();
    }

    @Test
    void wrongPasswordUnknownEmailOrNoCredentialsGet401() {
        Response wrong = api.post(TOKENS).basic(rep.email(), "not the password").send();
        JsonNode problem = wrong.problem(401);
        assertThat(wrong.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(problem.path("detail").asString()).contains("HTTP Basic");

        api.post(TOKENS).basic("nobody-" + TestData.unique() + "@test.mutua.io", TestData.PASSWORD).send()
                .problem(401);
        api.post(TOKENS).basic("nul\u0000" + rep.email(), TestData.PASSWORD).send().problem(401);
        api.post(TOKENS).basic(rep.email(), TestData.PASSWORD + "\u0000").send().problem(401);
        api.post(TOKENS).send().problem(401);
        api.post(TOKENS).header("Authorization", "Basic !!not-base64!!").send().problem(401);
        api.post(TOKENS).bearer("mutua_" + "x".repeat(43)).send().problem(401);

        assertThat(liveTokens(rep.id())).isZero();
    }

    @Test
    void repeatedWrongPasswordsPauseTokenMinting() {
        for (int i = 0; i < 5; i++) {
            api.post(TOKENS).basic(rep.email(), "wrong " + i).send().problem(401);
        }

        JsonNode locked = api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).send().problem(401);

        assertThat(locked.path("detail").asString()).contains("try again later");
        assertThat(liveTokens(rep.id())).isZero();
    }

    @Test
    void basicAuthOpensNothingButTokenMinting() {
        long dealsBefore = dealsOwnedBy(rep.id());

        api.get(DEALS).basic(rep.email(), TestData.PASSWORD).send().problem(401);
        api.get("/api/v1/stages").basic(rep.email(), TestData.PASSWORD).send().problem(401);
        api.post(DEALS).basic(rep.email(), TestData.PASSWORD)
                .json(Map.of("name", "Basic deal", "account", "Basic account")).send().problem(401);
        api.get(TOKENS).basic(rep.email(), TestData.PASSWORD).send().problem(401);

        assertThat(dealsOwnedBy(rep.id())).isEqualTo(dealsBefore);
    }

    @Test
    void everyOtherCallNeedsALiveBearerToken() {
        Response anonymous = api.get(DEALS).send();
        anonymous.problem(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");

        api.get(DEALS).bearer("mutua_not-a-real-token").send().problem(401);
        api.get(DEALS).bearer("not-even-the-right-shape").send().problem(401);
        api.get(DEALS).bearer("mutua_" + "y".repeat(500)).send().problem(401);
        api.get(DEALS).header("Authorization", "Bearer").send().problem(401);
        api.get(DEALS).header("Authorization", "Token abc").send().problem(401);
        api.get("/api/v1/deals/" + UUID.randomUUID()).send().problem(401);
        api.get("/api/v1/stages").send().problem(401);
    }

    @Test
    void revokedTokenIsRefused() {
        String token = api.token(rep.email(), TestData.PASSWORD);
        assertThat(api.get(DEALS).bearer(token).send().status()).isEqualTo(200);

        jdbc.sql("update api_token set revoked_at = now() where user_id = :user").param("user", rep.id()).update();

        api.get(DEALS).bearer(token).send().problem(401);
        api.post(DEALS).bearer(token).json(Map.of("name", "After revoke", "account", "Nope")).send().problem(401);
        assertThat(dealsOwnedBy(rep.id())).isZero();
    }

    @Test
    void deactivatedUsersTokenIsRefusedAndTheyCannotMintAnother() {
        String token = api.token(rep.email(), TestData.PASSWORD);

        jdbc.sql("update app_user set active = false where id = :id").param("id", rep.id()).update();

        api.get(DEALS).bearer(token).send().problem(401);
        api.post(DEALS).bearer(token).json(Map.of("name", "Deactivated", "account", "Nope")).send().problem(401);
        api.post(TOKENS).basic(rep.email(), TestData.PASSWORD).send().problem(401);
        assertThat(liveTokens(rep.id())).isEqualTo(1);
        assertThat(dealsOwnedBy(rep.id())).isZero();
    }

    @Test
    void tokenActsWithTheOwnersCurrentRights() {
        String token = api.token(rep.email(), TestData.PASSWORD);

        jdbc.sql("update app_user set role = 'CS' where id = :id").param("id", rep.id()).update();

        api.post(DEALS).bearer(token).json(Map.of("name", "As CS", "account", "Nope")).send().problem(403);
        assertThat(dealsOwnedBy(rep.id())).isZero();
    }

    private long liveTokens(UUID userId) {
        return jdbc.sql("select count(*) from api_token where user_id = :user and revoked_at is null")
                .param("user", userId).query(Long.class).single();
    }

    private long dealsOwnedBy(UUID userId) {
        return jdbc.sql("select count(*) from deal where owner_id = :owner").param("owner", userId)
                .query(Long.class).single();
    }
}
