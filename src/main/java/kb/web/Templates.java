package kb.web;

import java.lang.reflect.RecordComponent;
import java.util.function.Function;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the Thymeleaf templates under {@code templates/} to strings, with {@code #{key}} read from {@link Messages}. */
public final class Templates {
    private final TemplateEngine engine = new TemplateEngine();
    private final Function<String, Messages> messages;
    private final Assets assets;

    /** @param messages the current UI strings of a language, by code */
    public Templates(Function<String, Messages> messages, Assets assets) {
        this.messages = messages;
        this.assets = assets;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleResolver());
    }

    /** Renders a page: the layout's components and the page model's are the template's variables. */
    public String render(View view) {
        Context context = context(view.layout().lang());
        put(context, view.layout());
        put(context, view.page());
        return engine.process(view.template(), context);
    }

    /** Renders a piece of a page without the layout (the consent form inside an article). */
    public String fragment(String template, String lang, Record model) {
        Context context = context(lang);
        put(context, model);
        return engine.process(template, context);
    }

    private Context context(String lang) {
        Messages m = messages.apply(lang);
        Context context = new Context(m.locale());
        context.setVariable("lang", lang);
        // The page's BCP-47 tag, for <html lang>: pt-BR, en, es-ES…
        context.setVariable("htmlLang", m.language().hreflang());
        context.setVariable("msg", m);
        context.setVariable("assets", assets);
        return context;
    }

    /** Each component of the record as a variable; a name taken twice is a mistake in the page's model. */
    private static void put(Context context, Record model) {
        for (RecordComponent c : model.getClass().getRecordComponents()) {
            Object value;
            try {
                c.getAccessor().trySetAccessible();
                value = c.getAccessor().invoke(model);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + model.getClass().getName(), e);
            }
            if (context.containsVariable(c.getName()) && !c.getName().equals("lang")) {
                throw new IllegalStateException(model.getClass().getSimpleName() + "." + c.getName() + " hides a variable of the layout");
            }
            context.setVariable(c.getName(), value);
        }
    }

    private final class BundleResolver implements IMessageResolver {
        @Override
        public String getName() {
            return "kb-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            // The language's own strings, whatever its locale says (a code "br" may have the locale pt-BR).
            Messages m = (Messages) context.getVariable("msg");
            return m == null ? null : m.get(key, params == null ? new Object[0] : params);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            return "??" + key + "??";
        }
    }
}
