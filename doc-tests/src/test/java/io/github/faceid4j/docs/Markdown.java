package io.github.faceid4j.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The parts of the project's Markdown files the tests check: fenced code blocks, relative links, headings. */
final class Markdown {

    /** The repository root: the parent of this module's directory (the working directory of its tests). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    /** A fenced block: its file, the line its fence opens on, its language and its text (indentation removed). */
    record Block(Path file, int line, String language, String text) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    record Link(Path file, int line, String target) {
        String where() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    private Markdown() {
    }

    /** README.md and every Markdown file under docs/: the documentation a user reads. */
    static List<Path> documentation() {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<Block> blocks(Path file) {
        List<String> lines = lines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
                String line = lines.get(j);
                text.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading())
                        .append('\n');
            }
            blocks.add(new Block(file, i + 1, open.group(2).toLowerCase(Locale.ROOT), text.toString()));
            i = j;
        }
        return blocks;
    }

    /** Links to files of the repository (not to web pages, not mail), outside code blocks. */
    static List<Link> relativeLinks(Path file) {
        List<String> lines = lines(file);
        List<Link> links = new ArrayList<>();
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            if (FENCE.matcher(lines.get(i)).matches()) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher m = LINK.matcher(lines.get(i).replaceAll("`[^`]*`", ""));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("^[a-z]+:.*")) {
                    links.add(new Link(file, i + 1, target));
                }
            }
        }
        return links;
    }

    /** The anchors GitHub gives the file's headings: lower case, punctuation but '-' and '_' dropped, spaces as '-'. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        boolean inCode = false;
        for (String line : lines(file)) {
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!inCode && m.matches()) {
                anchors.add(m.group(1).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
