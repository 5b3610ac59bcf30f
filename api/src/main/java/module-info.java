/**
 * The faceid4j API: the result model, the request of a new verification, the two service interfaces and the
 * exception hierarchy. No dependencies.
 */
module io.github.faceid4j.api {
    exports io.github.faceid4j;
    exports io.github.faceid4j.model;
    exports io.github.faceid4j.model.card;
    exports io.github.faceid4j.model.start;
}
