package io.github.faceid4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps model lists immutable while preserving what came: {@code null} stays {@code null}, null elements stay. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> immutable(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
