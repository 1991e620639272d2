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
            // The article after its feedback form (without JavaScript): the details after No, the thanks after them.
            "/pt/erros-de-conexao-caixa-de-entrada-calendario?feedback=no", "/en/inbox-calendar-connection-errors?feedback=sent",
            "/pt/privacy", "/en/privacy");

    /** The support team's pages (HTTP Basic with the test servers' password): checked the same way. */
    public static final List<String> INSIGHTS_URLS = List.of("/insights?lang=pt", "/insights?lang=en&content=en&days=7",
            "/insights?lang=en&days=0");

    private PageTypes() {}
}
