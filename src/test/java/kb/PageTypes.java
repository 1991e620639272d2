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
            "/pt/search", "/en/error/NO_SUCH_CODE");

    private PageTypes() {}
}
