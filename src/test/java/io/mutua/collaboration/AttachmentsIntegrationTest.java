package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.collaboration.MutualPlanFixtures.Fixture;
import io.mutua.identity.SignIn;
import io.mutua.plans.StepView;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Documents on mutual action plans from both sides: only allowed kinds whose bytes agree with their name and type,
 * within the size limit, listed to whoever may see them, and only ever served as downloads.
 */
@IntegrationTest
class AttachmentsIntegrationTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0,
            (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 'P', 'E', 0, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Fixture fixture;
    String buyer;

    @BeforeEach
    void aMutualPlan() {
        fixture = fixtures.mutualPlan();
        buyer = fixture.mainContact().email();
    }

    @Test
    void aBuyerAttachesADocumentToAStepAndBothSidesDownloadItOnlyAsAnAttachment() throws Exception {
        StepView step = fixture.sharedStep();

        String panel = mvc.perform(asBuyer(upload(fixture.buyerPath(), file("Security answers.pdf",
                        "application/pdf", PDF))).param("stepId", step.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(panel).startsWith("<section id=\"attachments\"").contains("The document was added.",
                "Security answers.pdf", "Added by Chloe Champion", "for “" + step.title() + "”")
                .doesNotContain("name=\"internal\"");
        UUID id = jdbc.sql("select id from attachment where plan_id = :plan").param("plan", fixture.planId())
                .query(UUID.class).single();
        String seller = mvc.perform(get(fixture.sellerPath() + "/attachments").with(SignIn.as(fixture.rep()))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(seller).contains("Security answers.pdf", "Chloe Champion",
                "href=\"" + fixture.sellerPath() + "/attachments/" + id + "\"", "name=\"internal\"");

        for (MockHttpServletResponse download : new MockHttpServletResponse[] {
                mvc.perform(get(fixture.sellerPath() + "/attachments/" + id).with(SignIn.as(fixture.rep())))
                        .andExpect(status().isOk()).andReturn().getResponse(),
                mvc.perform(get(fixture.buyerPath() + "/attachments/" + id).with(BuyerSessions.as(buyer)))
                        .andExpect(status().isOk()).andReturn().getResponse()}) {
            assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
                    .contains("filename=\"Security answers.pdf\"");
            assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(download.getContentType()).isEqualTo("application/pdf");
            assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        }
        String page = mvc.perform(get(fixture.sellerPage()).with(SignIn.as(fixture.rep())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"plan-activity\""))).contains("Chloe Champion",
                "attached “Security answers.pdf”");
    }

    @Test
    void sellersKeepDocumentsInternalAndBuyersNeitherSeeNorDownloadThem() throws Exception {
        String seller = mvc.perform(asSeller(upload(fixture.sellerPath(), file("Pricing floor " + fixture.tag()
                        + ".txt", "text/plain", "do not share".getBytes(StandardCharsets.UTF_8))))
                        .param("internal", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        UUID id = jdbc.sql("select id from attachment where plan_id = :plan").param("plan", fixture.planId())
                .query(UUID.class).single();

        assertThat(seller).contains("Pricing floor " + fixture.tag() + ".txt",
                "<span class=\"badge visibility-internal\">Internal</span>");
        String list = mvc.perform(get(fixture.buyerPath() + "/attachments").with(BuyerSessions.as(buyer))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("No documents yet.").doesNotContain("Pricing floor");
        mvc.perform(get(fixture.buyerPath() + "/attachments/" + id).with(BuyerSessions.as(buyer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void uploadsWhoseBytesDisagreeWithTheirNameOrTypeAreRefusedWithAClearMessage() throws Exception {
        String pngCalledPdf = refused(file("contract.pdf", "application/pdf", PNG));
        String program = refused(file("invoice.pdf", "application/pdf", EXE));
        String pdfClaimedPng = refused(file("report.pdf", "image/png", PDF));

        assertThat(pngCalledPdf).contains("The file’s content does not match its name or type.");
        assertThat(program).contains("This kind of file cannot be attached.");
        assertThat(pdfClaimedPng).contains("The file’s content does not match its name or type.");
        assertThat(attachmentCount()).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() throws Exception {
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);

        String panel = refused(file("huge.pdf", "application/pdf", large));

        assertThat(panel).contains("Files can be at most 10 MB.");
        assertThat(attachmentCount()).isZero();
    }

    @Test
    void overRealHttpUploadsArriveAndOnesOverTheServersLimitGetTheSameMessage() throws Exception {
        SignedInHttp browser = SignedInHttp.as(fixture.rep(), port);
        String token = browser.csrfOf(fixture.sellerPath() + "/comments");
        String path = fixture.sellerPath() + "/attachments";

        HttpResponse<String> uploaded = browser.upload(path, token, "Order form.pdf", "application/pdf", PDF);
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.body()).contains("The document was added.", "Order form.pdf");
        UUID id = jdbc.sql("select id from attachment where plan_id = :plan").param("plan", fixture.planId())
                .query(UUID.class).single();
        HttpResponse<String> download = browser.get(path + "/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment;").contains("Order form.pdf");
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");

        HttpResponse<String> tooLarge = browser.upload(path, token, "huge.pdf", "application/pdf",
                Arrays.copyOf(PDF, 11 * 1024 * 1024));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("Files can be at most 10 MB.").doesNotContain("Exception");

        HttpResponse<String> wayTooLarge = browser.upload(path, token, "huger.pdf", "application/pdf",
                Arrays.copyOf(PDF, 20 * 1024 * 1024));
        assertThat(wayTooLarge.statusCode()).isEqualTo(422);
        assertThat(wayTooLarge.body()).contains("Files can be at most 10 MB.");
        assertThat(attachmentCount()).isOne();
    }

    @Test
    void aDownloadKeepsANonAsciiNameSafely() throws Exception {
        mvc.perform(asBuyer(upload(fixture.buyerPath(), file("Προσφορά \"τελική\".pdf", "application/pdf", PDF))))
                .andExpect(status().isOk());
        UUID id = jdbc.sql("select id from attachment where plan_id = :plan").param("plan", fixture.planId())
                .query(UUID.class).single();

        String disposition = mvc.perform(get(fixture.buyerPath() + "/attachments/" + id)
                        .with(BuyerSessions.as(buyer)))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Disposition");

        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''")
                .contains("%CE%A0%CF%81%CE%BF%CF%83%CF%86%CE%BF%CF%81%CE%AC").doesNotContain("\"τελική\"");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String refused(MockMultipartFile file) throws Exception {
        return mvc.perform(asBuyer(upload(fixture.buyerPath(), file)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
    }

    private static MockMultipartHttpServletRequestBuilder upload(String base, MockMultipartFile file) {
        return multipart(base + "/attachments").file(file);
    }

    private static MockMultipartFile file(String name, String type, byte[] bytes) {
        return new MockMultipartFile("file", name, type, bytes);
    }

    private MockMultipartHttpServletRequestBuilder asBuyer(MockMultipartHttpServletRequestBuilder request) {
        request.with(BuyerSessions.as(buyer)).with(csrf()).header("HX-Request", "true");
        return request;
    }

    private MockMultipartHttpServletRequestBuilder asSeller(MockMultipartHttpServletRequestBuilder request) {
        request.with(SignIn.as(fixture.rep())).with(csrf()).header("HX-Request", "true");
        return request;
    }

    private int attachmentCount() {
        return jdbc.sql("select count(*) from attachment where plan_id = :plan").param("plan", fixture.planId())
                .query(Integer.class).single();
    }
}
