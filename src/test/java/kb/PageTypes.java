package kb;

import java.util.List;

/**
 * One URL per kind of page the site renders, in each language: the HTML validity and accessibility
 * checks run over all of them. A new kind of page is one more line here.
 */
public final class PageTypes {
    public static final List<String> URLS = List.of(
            "/pt/", "/en/",
            "/pt/erros-de-conexao-caixa-de-entrada-calendario", "/en/inbox-calendar-connection-errors",
            "/pt/admin-consent?tenant=contoso.onmicrosoft.com", "/en/admin-consent?tenant=contoso.onmicrosoft.com",
            "/pt/admin-consent?tenant=common", "/en/admin-consent?tenant=common",
            "/pt/nao-existe", "/en/no-such-page",
            "/pt/search?q=conexao", "/en/search?q=calendar+permissions",
            "/pt/search?q=permisoes", "/en/search?q=xyzzyqwv",
            "/pt/search", "/en/error/NO_SUCH_CODE",
            // Results only in the other language; a page past the last (404); near misses: no article
            // has the last word (the close-matches page once the engine reports partial results).
            "/en/search?q=locat%C3%A1rio", "/pt/search?q=xyzzyqwv", "/pt/search?q=office+365&page=2",
            "/pt/search?q=consentimento+administrador+xyzzyqwv", "/en/search?q=admin+consent+xyzzyqwv",
            // Tags: the index and one tag's page.
            "/pt/tags", "/en/tags/office-365",
            // The article after its feedback form (without JavaScript): the details after No, the thanks after them.
            "/pt/erros-de-conexao-caixa-de-entrada-calendario?feedback=no", "/en/inbox-calendar-connection-errors?feedback=sent",
            "/pt/privacy", "/en/privacy");

    /**
     * The browsing pages of a help center with folders ({@link BrowseContent}; the shipped content has
     * none): home with categories, a category with a subcategory, a later page, an article with its
     * breadcrumb, tags and related articles, a tag's last page, results naming categories, a bad and a
     * missing page number.
     */
    public static final List<String> BROWSE_URLS = List.of(
            "/pt/", "/en/",
            "/pt/correio", "/en/mail?page=2", "/pt/dispositivos-moveis",
            "/pt/correio/regras/filtros", "/en/security/strong-passwords",
            "/en/tags/email?page=3", "/pt/tags",
            "/en/search?q=strong+passwords",
            "/pt/correio?page=x", "/en/mail?page=9");

    /**
     * The pages of a third language ({@link SpanishContent}: languages.yaml lists pt, en, es): the
     * Spanish home, article, results and 404, and an article whose switch offers two languages.
     */
    public static final List<String> SPANISH_URLS = List.of(
            "/es/", SpanishContent.ES, "/es/search?q=conexiones", "/es/search?q=syncing", "/es/no-existe",
            "/es/admin-consent?tenant=common", SpanishContent.PT);

    /** The support team's pages (HTTP Basic with the test servers' password): checked the same way. */
    public static final List<String> INSIGHTS_URLS = List.of("/insights?lang=pt", "/insights?lang=en&content=en&days=7",
            "/insights?lang=en&days=0");

    private PageTypes() {}
}
