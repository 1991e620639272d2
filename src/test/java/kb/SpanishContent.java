package kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A help center in three languages, for the tests that add one: {@code languages.yaml} lists pt,
 * en and es; one article in each with the same translationKey and section ids, linking to each
 * other; a Spanish synonyms file. What an author adding Spanish would write.
 */
public final class SpanishContent {
    public static final String PT = "/pt/conexao-perdida";
    public static final String EN = "/en/lost-connection";
    public static final String ES = "/es/conexion-perdida";

    private SpanishContent() {}

    private static TestServer shared;

    /** A server of its own on a fresh copy of this content, for tests that only read it. */
    public static synchronized TestServer server() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("kb-es-");
                write(dir);
                shared = new TestServer(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "spanish-test-server-stop"));
        }
        return shared;
    }

    public static void write(Path dir) throws IOException {
        ContentFiles.write(dir, "languages.yaml", """
                default: pt
                languages:
                  - {code: pt, name: Português, locale: pt-BR}
                  - {code: en, name: English, locale: en-US, hreflang: en}
                  - {code: es, name: Español, locale: es-ES}
                """);
        ContentFiles.write(dir, "pt/conexao-perdida.md", """
                ---
                title: "Conexão perdida com a caixa de entrada"
                description: "Por que a conexão cai e como restaurá-la."
                lastmod: 2024-10-04
                translationKey: lost-connection
                tags: ["conexão"]
                ---

                Quando a conexão cai, os e-mails deixam de sincronizar. Veja também [a versão em espanhol](/es/conexion-perdida#reconectar).

                ## Reconectar a conta {#reconectar}

                Abra as configurações e conecte a caixa de entrada de novo.

                ## Permissões do administrador {#permissoes}

                O administrador precisa aprovar o aplicativo.
                """);
        ContentFiles.write(dir, "en/lost-connection.md", """
                ---
                title: "Lost connection to the inbox"
                description: "Why the connection drops and how to restore it."
                lastmod: 2024-10-04
                translationKey: lost-connection
                tags: ["connection"]
                ---

                When the connection drops, emails stop syncing. See also [the Spanish version](/es/conexion-perdida#reconectar).

                ## Reconnect the account {#reconectar}

                Open the settings and connect the inbox again.

                ## Administrator permissions {#permissoes}

                The administrator must approve the app.
                """);
        ContentFiles.write(dir, "es/conexion-perdida.md", """
                ---
                title: "Conexión perdida con la bandeja de entrada"
                description: "Por qué se cae la conexión y cómo restaurarla."
                lastmod: 2024-10-04
                translationKey: lost-connection
                tags: ["conexión"]
                ---

                Cuando se cae la conexión, los correos dejan de sincronizarse. Consulta también
                [la versión en portugués](/pt/conexao-perdida#reconectar) y [los permisos](#permissoes).

                ## Reconectar la cuenta {#reconectar}

                Abre la configuración y vuelve a conectar la bandeja de entrada.

                ## Permisos del administrador {#permissoes}

                El administrador debe aprobar la aplicación. Consulta el [formulario de consentimiento](/es/admin-consent).
                """);
        ContentFiles.write(dir, "synonyms/es.txt", """
                # Sinónimos de la búsqueda en español
                buzón, bandeja de entrada
                """);
    }
}
