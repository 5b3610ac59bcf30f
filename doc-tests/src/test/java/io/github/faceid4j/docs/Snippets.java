package io.github.faceid4j.docs;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a ```java block as a reader would use it, with javac against this module's test class path (the library's
 * modules and what an application has beside them).
 *
 * <p>A block that declares a type is compiled as it is: a compilation unit. A block that declares none is a fragment:
 * its {@code import} lines are kept and the rest is compiled as the body of a method, else (fields, methods) as the
 * body of a class. Either way the names it uses must be declared in it or imported: a block that only compiles with
 * something the reader cannot see is a block that does not compile.
 */
final class Snippets {

    private static final Pattern TYPE = Pattern.compile(
            "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+|final\\s+|abstract\\s+)*(class|record|interface|enum)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
            Pattern.MULTILINE);

    /** The outcome: the classes written to {@code out}, and the source that was compiled. */
    record Compiled(String mainType, String source, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private Snippets() {
    }

    static boolean declaresAType(String text) {
        return TYPE.matcher(text).find();
    }

    static boolean isProgram(String text) {
        return text.contains("static void main(String[] args)");
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** The first declared type's binary name (with its package), or null. */
    static String typeName(String text) {
        Matcher m = TYPE.matcher(text);
        if (!m.find()) {
            return null;
        }
        Matcher p = PACKAGE.matcher(text);
        return p.find() ? p.group(1) + "." + m.group(2) : m.group(2);
    }

    static Compiled compile(String text, String fallbackName, Path out) {
        if (declaresAType(text)) {
            Matcher pub = PUBLIC_TYPE.matcher(text);
            String simple = pub.find() ? pub.group(1) : fallbackName;
            Matcher p = PACKAGE.matcher(text);
            return run(p.find() ? p.group(1) + "." + simple : simple, text, out);
        }
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String asStatements = imports + "class " + fallbackName + " {\n    void snippet() throws Exception {\n"
                + body + "\n    }\n}\n";
        Compiled statements = run(fallbackName, asStatements, out);
        if (statements.ok()) {
            return statements;
        }
        String asMembers = imports + "class " + fallbackName + " {\n" + body + "\n}\n";
        Compiled members = run(fallbackName, asMembers, out);
        return members.ok() ? members : statements;
    }

    private static Compiled run(String name, String source, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name.replace('.', '/') + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                    "-proc:none", "-encoding", "UTF-8");
            javac.getTask(null, files, diagnostics, options, null, List.of(file)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return new Compiled(name, source, errors);
    }
}
